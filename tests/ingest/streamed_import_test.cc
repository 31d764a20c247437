// Streamed monthly files (issue 17, ImportOptions::monthly_chunk_bytes): the same import read in
// parts of every size gives what the whole-file path gives (findings, stored rows, counts,
// revisions), whatever the order of the monthly rows.
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <fstream>
#include <random>

#include "import_fixture.h"
#include "ingest/gb18030_test_text.h"

namespace zhizao::testing_support {
namespace {

// What one import did: its outcome, and the database afterwards.
struct Imported {
  ImportOutcome outcome;
  Dataset stored;
  std::vector<Revision> revisions;
};

std::string enterprise_code(int i) { return valid_uscc(fmt::format("91410300MA{:07d}", i)); }

std::string enterprises_csv(int count) {
  std::string text = "uscc,name,industry,region,key\n";
  for (int i = 0; i < count; ++i) {
    text += fmt::format("{},企业{},{},410302,{}\n", enterprise_code(i), i, i % 2 ? "1311" : "34",
                        i % 3 == 0 ? 1 : 0);
  }
  return text;
}

// The monthly rows of `count` enterprises for 2020-01 .. 2021-02 (14 months), one line each,
// enterprise after enterprise, months in order; `base` shifts every value.
std::vector<std::string> monthly_lines(int count, int base) {
  std::vector<std::string> lines;
  for (int i = 0; i < count; ++i) {
    for (int m = 0; m < 14; ++m) {
      YearMonth period = YearMonth{2020, 1}.plus_months(m);
      lines.push_back(fmt::format("{},{},{},{},{},,,,{}\n", enterprise_code(i), period.to_string(),
                                  base + i * 100 + m, m % 4 ? std::to_string(base + m) : "", i + m,
                                  m % 5 ? 1 : 0));
    }
  }
  return lines;
}

constexpr const char* kMonthlyHeader =
    "uscc,period,output,value_added,electricity,output_prev,value_added_prev,electricity_prev,"
    "in_scope\n";

std::string joined(const std::vector<std::string>& lines) {
  std::string text = kMonthlyHeader;
  for (const std::string& line : lines) text += line;
  return text;
}

class StreamedImportTest : public ImportTest {
 protected:
  // Writes `files` under dir_/name/ and imports them (by path) into a new database there, the
  // monthly files streamed in parts of `chunk` bytes (0: parsed whole).
  Imported import_into(const std::string& name, const std::vector<SourceFile>& files,
                       std::size_t chunk, ImportOptions options = {}) {
    std::filesystem::path dir = dir_ / name;
    std::filesystem::create_directories(dir);
    std::vector<std::string> paths;
    for (const SourceFile& file : files) {
      std::filesystem::path path = dir / file.name;
      std::ofstream(path, std::ios::binary) << file.bytes;
      paths.push_back(path.string());
    }
    auto db = Database::open((dir / "db.sqlite").string(), OpenMode::kCreateIfMissing);
    EXPECT_TRUE(db.has_value());
    if (!db) return {};
    return import_paths(**db, paths, chunk, options);
  }

  // Imports `paths` into `db` as import_into does.
  static Imported import_paths(Database& db, const std::vector<std::string>& paths,
                               std::size_t chunk, ImportOptions options = {}) {
    options.monthly_chunk_bytes = chunk;
    Imported imported;
    Result<ImportOutcome> outcome = import_files(db, paths, options);
    EXPECT_TRUE(outcome.has_value()) << (outcome ? "" : outcome.error().to_string());
    if (outcome) imported.outcome = *outcome;
    imported.stored = db.load().value_or(Dataset{});
    imported.revisions = db.revisions({}).value_or(std::vector<Revision>{});
    return imported;
  }

  // Expects `streamed` to be what `whole` is, but for the names of the directories they were
  // written in (`streamed_dir`, `whole_dir`) and the revisions' times.
  static void expect_same(const Imported& streamed, const Imported& whole,
                          const std::string& streamed_dir, const std::string& whole_dir) {
    auto renamed = [&](std::string text) {
      for (size_t at = text.find(streamed_dir); at != std::string::npos;
           at = text.find(streamed_dir, at + whole_dir.size())) {
        text.replace(at, streamed_dir.size(), whole_dir);
      }
      return text;
    };
    std::vector<std::string> errors, warnings;
    for (const std::string& e : streamed.outcome.errors) errors.push_back(renamed(e));
    for (const std::string& w : streamed.outcome.warnings) warnings.push_back(renamed(w));
    EXPECT_EQ(errors, whole.outcome.errors);
    EXPECT_EQ(warnings, whole.outcome.warnings);
    EXPECT_EQ(streamed.outcome.errors_found, whole.outcome.errors_found);
    EXPECT_EQ(streamed.outcome.summary.inserted, whole.outcome.summary.inserted);
    EXPECT_EQ(streamed.outcome.summary.replaced, whole.outcome.summary.replaced);
    EXPECT_EQ(streamed.outcome.summary.unchanged, whole.outcome.summary.unchanged);
    ASSERT_EQ(streamed.outcome.files.size(), whole.outcome.files.size());
    for (size_t f = 0; f < whole.outcome.files.size(); ++f) {
      EXPECT_EQ(renamed(streamed.outcome.files[f].name), whole.outcome.files[f].name);
      EXPECT_EQ(streamed.outcome.files[f].kind, whole.outcome.files[f].kind);
      EXPECT_EQ(streamed.outcome.files[f].rows, whole.outcome.files[f].rows);
    }
    EXPECT_TRUE(streamed.stored == whole.stored);
    ASSERT_EQ(streamed.revisions.size(), whole.revisions.size());
    for (size_t r = 0; r < whole.revisions.size(); ++r) {
      const Revision& a = streamed.revisions[r];
      const Revision& b = whole.revisions[r];
      EXPECT_EQ(a.kind, b.kind);
      EXPECT_EQ(a.key, b.key);
      EXPECT_EQ(a.old_value, b.old_value);
      EXPECT_EQ(a.new_value, b.new_value);
      EXPECT_EQ(renamed(a.source), b.source);
    }
  }

  // Imports `files` parsed whole and streamed in parts of each size of `chunks`, each into a new
  // database, and expects the same of all. Returns the whole import's.
  Imported expect_same_for_parts(const std::vector<SourceFile>& files,
                                 std::initializer_list<std::size_t> chunks,
                                 const ImportOptions& options = {}) {
    Imported whole = import_into("whole", files, 0, options);
    EXPECT_EQ(whole.outcome.streamed_files, 0U);
    for (std::size_t chunk : chunks) {
      SCOPED_TRACE(fmt::format("parts of {} bytes", chunk));
      std::string name = fmt::format("parts{}", chunk);
      Imported streamed = import_into(name, files, chunk, options);
      EXPECT_GT(streamed.outcome.streamed_files, 0U);
      expect_same(streamed, whole, (dir_ / name).string(), (dir_ / "whole").string());
    }
    return whole;
  }

  // The database of import_into(name, ...), opened again.
  std::unique_ptr<Database> database_of(const std::string& name) {
    auto db = Database::open((dir_ / name / "db.sqlite").string(), OpenMode::kMustExist);
    return db ? std::move(*db) : nullptr;
  }
};

TEST_F(StreamedImportTest, EveryPartSizeStoresWhatTheWholeFileStores) {
  Imported whole = expect_same_for_parts(
      {{"enterprises.csv", enterprises_csv(12)}, {"monthly.csv", joined(monthly_lines(12, 10))}},
      {1, 7, 100, 1000, 64 << 20});
  EXPECT_EQ(whole.outcome.summary.inserted, 12 + 12 * 14);
  EXPECT_EQ(whole.stored.monthly.size(), 12U * 14U);
}

TEST_F(StreamedImportTest, ReimportReplacesKeepsRevisionsAndFindsTheRestUnchanged) {
  std::vector<std::string> changed = monthly_lines(6, 10);
  for (size_t i = 0; i < changed.size(); i += 3) changed[i] = monthly_lines(6, 500)[i];
  std::vector<SourceFile> first = {{"enterprises.csv", enterprises_csv(6)},
                                   {"monthly.csv", joined(monthly_lines(6, 10))}};
  for (std::size_t chunk : {std::size_t{0}, std::size_t{50}}) {
    std::string name = fmt::format("reimport{}", chunk);
    import_into(name, first, chunk);
    auto db = database_of(name);
    ASSERT_NE(db, nullptr);
    std::string path = (dir_ / name / "monthly_v2.csv").string();
    std::ofstream(path, std::ios::binary) << joined(changed);
    Imported again = import_paths(*db, {path}, chunk);
    EXPECT_EQ(again.outcome.errors, std::vector<std::string>{});
    EXPECT_EQ(again.outcome.summary.inserted, 0);
    EXPECT_EQ(again.outcome.summary.replaced, 28);  // every third of 84 rows
    EXPECT_EQ(again.outcome.summary.unchanged, 84 - 28);
    EXPECT_EQ(again.revisions.size(), 28U);
  }
}

TEST_F(StreamedImportTest, APartOfMoreThanFourMegabytesIsReadByTwoReaders) {
  // 5,000 enterprises × 14 months, 5.3 MB: the part is split between two threads
  // (record_split.h's kParallelParseMinBytes); a quoted line break near the middle sends the
  // first reader past the split in one of the files.
  std::vector<std::string> lines = monthly_lines(5000, 10);
  std::vector<std::string> broken = lines;
  broken[broken.size() / 2] = enterprise_code(2500) + ",2020-01,\"1\n2\"\n";
  for (const auto& monthly : {lines, broken}) {
    expect_same_for_parts(
        {{"enterprises.csv", enterprises_csv(5000)}, {"monthly.csv", joined(monthly)}}, {64 << 20});
  }
}

TEST_F(StreamedImportTest, ShuffledMonthlyRowsImportAsTheSortedOnes) {
  std::vector<std::string> sorted = monthly_lines(40, 10);
  std::vector<std::string> shuffled = sorted;
  std::mt19937 rng(17);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  ASSERT_NE(shuffled, sorted);
  Imported in_order = import_into(
      "sorted", {{"enterprises.csv", enterprises_csv(40)}, {"monthly.csv", joined(sorted)}}, 300);
  Imported scattered = import_into(
      "shuffled", {{"enterprises.csv", enterprises_csv(40)}, {"monthly.csv", joined(shuffled)}},
      300);
  EXPECT_EQ(scattered.outcome.errors, std::vector<std::string>{});
  EXPECT_EQ(scattered.outcome.summary.inserted, in_order.outcome.summary.inserted);
  EXPECT_TRUE(scattered.stored == in_order.stored);
  // And as the whole-file path stores the shuffled file, in parts of any size.
  expect_same_for_parts(
      {{"enterprises.csv", enterprises_csv(40)}, {"monthly.csv", joined(shuffled)}}, {1, 300});
}

TEST_F(StreamedImportTest, ADuplicateInALaterPartNamesItsFirstLine) {
  std::vector<std::string> lines = monthly_lines(5, 10);
  lines.push_back(lines[3]);   // line 72 repeats line 5 (2020-04 of the first enterprise)
  lines.push_back(lines[20]);  // line 73 repeats line 22
  Imported imported = import_into(
      "dup", {{"enterprises.csv", enterprises_csv(5)}, {"monthly.csv", joined(lines)}}, 100);
  const std::string file = (dir_ / "dup" / "monthly.csv").string();
  EXPECT_EQ(imported.outcome.errors, (std::vector<std::string>{
                                         file + ":72: uscc: duplicate key \"" + enterprise_code(0) +
                                             "|2020-04\" (first on line 5)",
                                         file + ":73: uscc: duplicate key \"" + enterprise_code(1) +
                                             "|2020-07\" (first on line 22)",
                                     }));
  EXPECT_TRUE(imported.stored.monthly.empty());
  EXPECT_TRUE(imported.stored.enterprises.empty());
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(5)}, {"monthly.csv", joined(lines)}},
                        {1, 100});
}

TEST_F(StreamedImportTest, DuplicatesAcrossStreamedFilesNameTheEarlierFile) {
  std::vector<std::string> lines = monthly_lines(3, 10);
  std::vector<std::string> later(lines.begin() + 10, lines.begin() + 12);
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(3)},
                         {"monthly_a.csv", joined(lines)},
                         {"monthly_b.csv", joined(later)}},
                        {1, 64});
  Imported imported = import_into("two",
                                  {{"enterprises.csv", enterprises_csv(3)},
                                   {"monthly_a.csv", joined(lines)},
                                   {"monthly_b.csv", joined(later)}},
                                  64);
  ASSERT_EQ(imported.outcome.errors.size(), 2U);
  EXPECT_NE(imported.outcome.errors[0].find("(first in " +
                                            (dir_ / "two" / "monthly_a.csv").string() + ":12)"),
            std::string::npos)
      << imported.outcome.errors[0];
}

TEST_F(StreamedImportTest, ErrorsInSeveralPartsAreAllListedAndNothingIsWritten) {
  std::vector<std::string> lines = monthly_lines(8, 10);
  lines[1] = enterprise_code(0) + ",2020-02,x\n";                // line 3: output not a number
  lines[40] = valid_uscc("91410399MA0000001") + ",2020-01,5\n";  // line 42: unknown enterprise
  lines[90] = enterprise_code(6) + ",2020-13,5\n";               // line 92: no such month
  lines[100] = enterprise_code(7) + ",2020-03,-4,,,,,,1\n";      // line 102: negative
  std::vector<SourceFile> files = {{"enterprises.csv", enterprises_csv(8)},
                                   {"monthly.csv", joined(lines)}};
  Imported whole = expect_same_for_parts(files, {1, 33, 200});
  EXPECT_EQ(whole.outcome.errors.size(), 4U);
  Imported streamed = import_into("errors", files, 200);
  EXPECT_EQ(streamed.outcome.errors_found, 4U);
  EXPECT_TRUE(streamed.stored.monthly.empty());
  EXPECT_TRUE(streamed.stored.enterprises.empty());
  EXPECT_TRUE(streamed.revisions.empty());
}

TEST_F(StreamedImportTest, AuditFindingsAreThoseOfTheWholeFile) {
  ImportOptions options;
  // An audit that sees each enterprise's months together: it flags a month whose output is
  // below the enterprise's first month's in the file, and warns of the last month of each run.
  options.audit_monthly = [](const MonthlyAuditInput& input) {
    std::vector<AuditFinding> found;
    std::vector<uint32_t> order(input.key_order.begin(), input.key_order.end());
    for (size_t i = 0; i < order.size(); ++i) {
      const MonthlyRecord& r = input.records[order[i]];
      size_t first = i;
      while (first > 0 && input.records[order[first - 1]].uscc == r.uscc) --first;
      if (r.output < input.records[order[first]].output) {
        found.push_back({order[i], "output", "below the first month", AuditLevel::kError});
      }
      bool last = i + 1 == order.size() || input.records[order[i + 1]].uscc != r.uscc;
      if (last) found.push_back({order[i], "uscc", "last month", AuditLevel::kWarning});
    }
    return found;
  };
  std::vector<std::string> lines = monthly_lines(9, 10);
  lines[30] = enterprise_code(2) + ",2020-03,1\n";
  std::mt19937 rng(3);
  std::shuffle(lines.begin(), lines.end(), rng);
  Imported whole = expect_same_for_parts(
      {{"enterprises.csv", enterprises_csv(9)}, {"monthly.csv", joined(lines)}}, {1, 90, 500},
      options);
  EXPECT_EQ(whole.outcome.errors.size(), 1U);
  EXPECT_EQ(whole.outcome.warnings.size(), 9U);
}

TEST_F(StreamedImportTest, EncodingsLineBreaksAndBlankLinesAcrossParts) {
  std::string chinese = "统一社会信用代码,时期,工业总产值（万元）\r\n";
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += enterprise_code(i) + ",2021年3月,\"1,2" + std::to_string(i) + "0.5\"\r\n\r\n\n";
  }
  body += enterprise_code(1) + ",2021-04,\"12\n3\"\r\n";  // a quoted line break: an error
  std::string utf8 = chinese + body;
  std::vector<SourceFile> enterprises = {{"enterprises.csv", enterprises_csv(4)}};
  for (const std::string& bytes :
       {utf8, "\xEF\xBB\xBF" + utf8, to_gb18030(utf8), to_gb18030(utf8) + "\xFF\xFF\n"}) {
    std::vector<SourceFile> files = enterprises;
    files.push_back({"月报.csv", bytes});
    expect_same_for_parts(files, {1, 2, 40, 1000});
  }
  // A syntax error in a later part stops the file there, as it stops the whole file.
  std::vector<std::string> lines = monthly_lines(4, 10);
  lines[30] = enterprise_code(2) + ",\"2020-03\"x,1\n";
  lines[40] = enterprise_code(2) + ",2020-03,abc\n";
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(4)}, {"monthly.csv", joined(lines)}},
                        {1, 64, 300});
}

TEST_F(StreamedImportTest, ForcedEncodingsAndAHeaderWithErrors) {
  std::string utf8 = std::string(kMonthlyHeader) + enterprise_code(0) + ",2021-03,5\n";
  ImportOptions utf8_forced;
  utf8_forced.encoding = Encoding::kUtf8;
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(1)},
                         {"monthly.csv", utf8 + to_gb18030("甲,2021-04,5\n")}},
                        {1, 30}, utf8_forced);
  ImportOptions gb_forced;
  gb_forced.encoding = Encoding::kGb18030;
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(1)}, {"monthly.csv", utf8}}, {1, 30},
                        gb_forced);
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(1)},
                         {"monthly.csv", "uscc,uscc,period\n" + enterprise_code(0) + ",x,1\n"}},
                        {1, 30});
  expect_same_for_parts({{"enterprises.csv", enterprises_csv(1)}, {"monthly.csv", ""}}, {1, 30});
}

}  // namespace
}  // namespace zhizao::testing_support
