// Fuzz target: a monthly CSV file imported in parts of a few bytes (ImportOptions::
// monthly_chunk_bytes, issue 17's streamed import) against the same file imported whole, each
// into a copy of one database that already holds three enterprises and some of their months.
// Input: one selector byte (low 6 bits + 1: the part size in bytes; bit 6: the rows are also given
// a second time as a second monthly file, so that duplicates across files and runs meet; bit 7: a
// record and field bound of 64 bytes instead of 1 MiB, so that the stream's window is smaller than
// the file and its part ends are chosen, not the file's end), then the monthly file's bytes,
// header included.
// Invariants (importer.h: "same findings, same stored rows and counts as without"): the same
// errors, warnings, error count, file counts and summary; the same stored monthly records and
// revisions (but their time); an import that was refused stores nothing. Part boundaries then fall
// inside quoted fields, multi-byte characters, CRLF pairs, blank-line runs and the header.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ingest/importer.h"
#include "store/database.h"

namespace {

namespace fs = std::filesystem;
using zhizao::fuzz::check;

// Three enterprises with valid codes (GB 32100-2015 check characters) and the months of the
// first one in 2020-01..2020-03, so that a fuzzed row may insert, replace or leave a row unchanged.
constexpr const char* kEnterprises =
    "uscc,name,industry,region,key\n"
    "91410300MA44A0001Q,企业一,1311,410302,1\n"
    "91410300MA44A0002U,企业二,34,410302,0\n"
    "91410300MA44A0003Y,企业三,3670,410303,0\n";
constexpr const char* kMonthlyHeader =
    "uscc,period,output,value_added,electricity,output_prev,value_added_prev,electricity_prev,"
    "in_scope\n";
constexpr const char* kStoredMonths =
    "91410300MA44A0001Q,2020-01,100,30,5,90,,,1\n"
    "91410300MA44A0001Q,2020-02,110,,6,95,,,1\n"
    "91410300MA44A0001Q,2020-03,120,33,7,,,,0\n";

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  check(out.good(), "the fuzzer writes its files");
}

// A folder of this process with the base database (created once) and the run's files.
struct Workspace {
  fs::path dir;
  fs::path base_db;

  Workspace() {
    dir = fs::temp_directory_path() / ("zhizao_streamed_import_fuzzer_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    base_db = dir / "base.db";
    write_file(dir / "enterprises.csv", kEnterprises);
    write_file(dir / "stored_monthly.csv", std::string(kMonthlyHeader) + kStoredMonths);
    auto db = zhizao::Database::open(base_db.string(), zhizao::OpenMode::kCreateIfMissing);
    check(db.has_value(), "the base database opens");
    auto outcome = zhizao::import_files(
        **db, {(dir / "enterprises.csv").string(), (dir / "stored_monthly.csv").string()}, {});
    check(outcome.has_value() && !outcome->refused(), "the base data imports");
  }
  ~Workspace() { fs::remove_all(dir); }
};

Workspace& workspace() {
  static Workspace* kept = new Workspace();  // removed at exit by the atexit hook below
  static const int registered = std::atexit([] { delete kept; });
  (void)registered;
  return *kept;
}

struct Imported {
  zhizao::ImportOutcome outcome;
  std::vector<zhizao::MonthlyRecord> monthly;
  std::vector<zhizao::Revision> revisions;
};

// Imports `paths` into a fresh copy of the base database, in parts of `part_bytes` (0: whole),
// records and fields bounded by `record_bound` bytes (0: the default bounds).
Imported import_copy(const std::vector<std::string>& paths, std::size_t part_bytes,
                     std::size_t record_bound, const char* name) {
  Workspace& space = workspace();
  const fs::path db_path = space.dir / name;
  fs::copy_file(space.base_db, db_path, fs::copy_options::overwrite_existing);
  Imported imported;
  {
    auto db = zhizao::Database::open(db_path.string(), zhizao::OpenMode::kMustExist);
    check(db.has_value(), "the copy opens");
    zhizao::ImportOptions options;
    options.monthly_chunk_bytes = part_bytes;
    if (record_bound != 0) {
      options.limits.max_record_bytes = record_bound;
      options.limits.max_field_bytes = record_bound;
    }
    options.spill_dir = space.dir.string();
    auto outcome = zhizao::import_files(**db, paths, options);
    check(outcome.has_value(), "the import reads and writes its files");
    imported.outcome = std::move(*outcome);
    auto stored = (*db)->load();
    check(stored.has_value(), "the database loads");
    imported.monthly = std::move(stored->monthly);
    auto revisions = (*db)->revisions({});
    check(revisions.has_value(), "the revisions load");
    imported.revisions = std::move(*revisions);
    for (zhizao::Revision& revision : imported.revisions) revision.changed_at.clear();
  }
  fs::remove(db_path);
  return imported;
}

bool same_revisions(const std::vector<zhizao::Revision>& a,
                    const std::vector<zhizao::Revision>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].key != b[i].key || a[i].uscc != b[i].uscc ||
        a[i].old_value != b[i].old_value || a[i].new_value != b[i].new_value ||
        a[i].source != b[i].source) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhizao::fuzz::FuzzInput input(data, size);
  const uint8_t selector = input.byte();
  const std::size_t part_bytes = std::size_t{1} + (selector & 0x3f);
  Workspace& space = workspace();
  std::vector<std::string> paths = {(space.dir / "monthly.csv").string()};
  write_file(paths[0], input.rest());
  if (selector & 0x40) {
    paths.push_back((space.dir / "monthly_again.csv").string());
    write_file(paths[1], input.rest());
  }

  const std::size_t record_bound = (selector & 0x80) != 0 ? 64 : 0;  // 0: the default
  const Imported whole = import_copy(paths, 0, record_bound, "whole.db");
  const Imported streamed = import_copy(paths, part_bytes, record_bound, "streamed.db");
  const zhizao::ImportOutcome& w = whole.outcome;
  const zhizao::ImportOutcome& s = streamed.outcome;
  check(s.errors == w.errors, "the same errors, in the same order");
  check(s.warnings == w.warnings, "the same warnings");
  check(s.errors_found == w.errors_found, "the same error count");
  check(s.files.size() == w.files.size(), "the same files");
  for (std::size_t i = 0; i < s.files.size() && i < w.files.size(); ++i) {
    check(s.files[i].name == w.files[i].name && s.files[i].kind == w.files[i].kind &&
              s.files[i].rows == w.files[i].rows,
          "the same rows counted per file");
  }
  check(s.summary.inserted == w.summary.inserted && s.summary.replaced == w.summary.replaced &&
            s.summary.unchanged == w.summary.unchanged,
        "the same summary");
  check(streamed.monthly == whole.monthly, "the same monthly records stored");
  check(same_revisions(streamed.revisions, whole.revisions), "the same revisions");
  if (w.refused()) {
    check(whole.monthly.size() == 3, "a refused import stores nothing");
  }
  return 0;
}
