#include "ingest/streamed_import.h"

#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <limits>
#include <thread>
#include <unordered_map>
#include <utility>

#include "base/text.h"
#include "ingest/cross_checks.h"
#include "ingest/import_steps.h"
#include "ingest/monthly_audit.h"
#include "ingest/monthly_runs.h"
#include "ingest/pass_two_parts.h"
#include "ingest/streamed_checks.h"
#include "store/stored_ids.h"
#include "store/streamed_apply.h"

namespace zhizao::detail {
namespace {

// A duplicate key found in pass one, whose message waits for the line of the key's first row.
struct PendingDuplicate {
  std::size_t file;     // index into the import's files
  std::size_t finding;  // index into that file's listed errors
  std::uint32_t rank;
  std::int32_t period;
};

std::uint64_t key_of(std::uint32_t rank, std::int32_t period) {
  return (std::uint64_t{rank} << 32) | static_cast<std::uint32_t>(period);
}

// One streamed file: its stream (whose head() gathers its findings) and its spilled runs.
struct Streamed {
  std::size_t file = 0;  // index into the import's files
  MonthlyFileStream* stream = nullptr;
  std::optional<MonthlyRuns> runs;
};

// The state of pass one across the streamed files.
class FirstPass {
 public:
  FirstPass(const StoredIds& stored, const std::vector<ParsedFile>& files)
      : ranks_(stored, files) {}

  // Reads every part of `streamed`, checking it and spilling its records. A part is checked and
  // spilled on a thread of its own while the next one is parsed (the parse's second reader is
  // idle meanwhile, and the checks and the spill took a third of this pass on one core); the
  // findings keep their order, each part's appended once the part before is checked. Errors:
  // kIoError.
  Status read(Streamed& streamed, const ImportOptions& options) {
    ParsedFile& head = streamed.stream->head();
    ParsedFile parts[2];
    std::vector<SpilledMonth> months;
    Status spilled = Status::ok();
    std::jthread checker;
    auto checked = [&] {
      if (checker.joinable()) checker.join();
      return spilled;
    };
    for (std::size_t current = 0;; current ^= 1) {
      ParsedFile& part = parts[current];
      Result<bool> more = streamed.stream->next_part(part);
      ZHIZAO_RETURN_IF_ERROR(checked());
      if (!more) return more.error();
      if (!*more) break;
      if (options.progress) {
        options.progress("reading", static_cast<std::size_t>(streamed.stream->position()),
                         static_cast<std::size_t>(streamed.stream->size()));
      }
      head.findings.errors.append(std::move(part.findings.errors));
      head.findings.warnings.append(std::move(part.findings.warnings));
      checker = std::jthread([this, &streamed, &head, &part, &months, &spilled] {
        check_part(streamed.file, head, part, months);
        spilled = streamed.runs->add(months);
      });
    }
    return Status::ok();
  }

  // Writes the messages of the duplicates found, once every streamed file is read: each names
  // its key's first row, found in the spilled runs. Errors: kIoError.
  Status name_first_rows(std::vector<Streamed>& streamed, const std::vector<ParsedFile>& files) {
    if (pending_.empty()) return Status::ok();
    struct FirstRow {
      std::size_t file = std::numeric_limits<std::size_t>::max();
      long line = 0;
    };
    std::unordered_map<std::uint64_t, FirstRow> first;
    for (const PendingDuplicate& d : pending_) first.emplace(key_of(d.rank, d.period), FirstRow{});
    for (Streamed& s : streamed) {
      ZHIZAO_RETURN_IF_ERROR(s.runs->for_each([&](const SpilledMonth& month) {
        auto it = first.find(key_of(month.rank, month.period));
        if (it == first.end()) return Status::ok();
        FirstRow& row = it->second;
        if (row.file > s.file || (row.file == s.file && month.line < row.line)) {
          row = {s.file, static_cast<long>(month.line)};
        }
        return Status::ok();
      }));
    }
    for (Streamed& s : streamed) {
      ParsedFile& head = s.stream->head();
      for (const PendingDuplicate& d : pending_) {
        if (d.file != s.file) continue;
        const FirstRow& row = first[key_of(d.rank, d.period)];
        std::string where = row.file == d.file
                                ? fmt::format("first on line {}", row.line)
                                : fmt::format("first in {}:{}", files[row.file].name, row.line);
        std::string key = ranks_.uscc(d.rank) + "|" + YearMonth::from_index(d.period).to_string();
        head.findings.errors[d.finding].reason =
            fmt::format("duplicate key \"{}\" ({})", shorten_for_message(key), where);
      }
    }
    return Status::ok();
  }

  EnterpriseRanks& ranks() { return ranks_; }

 private:
  // The checks of one part's rows that look beyond the row, in the order check_duplicate_keys
  // then check_references make them; the rows spilled into `months`.
  void check_part(std::size_t file, ParsedFile& head, const ParsedFile& part,
                  std::vector<SpilledMonth>& months) {
    months.clear();
    months.reserve(part.rows.monthly.size());
    const std::string uscc_column(
        head.header.column_header(FileKind::kMonthly, monthly_col::kUscc));
    const std::string* previous = nullptr;
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < part.rows.monthly.size(); ++i) {
      const MonthlyRecord& record = part.rows.monthly[i];
      const long line = part.lines[i];
      // A monthly file holds an enterprise's months together: look each code up once per run.
      if (previous == nullptr || *previous != record.uscc) rank = ranks_.rank_of(record.uscc);
      previous = &record.uscc;
      if (seen_.mark(rank, record.period)) {
        const std::size_t listed = head.findings.errors.size();
        head.findings.errors.push_back({line, uscc_column, "duplicate key"});
        if (head.findings.errors.size() > listed) {
          pending_.push_back({file, listed, rank, record.period.index()});
        }
      }
      if (!ranks_.known(rank)) {
        head.findings.errors.push_back(
            {line, uscc_column,
             fmt::format("unknown {}: \"{}\"", "enterprise", shorten_for_message(record.uscc))});
      }
      months.push_back(spilled(record, rank, line));
    }
  }

  EnterpriseRanks ranks_;
  MonthsSeen seen_;
  std::vector<PendingDuplicate> pending_;
};

// Tells an import's StreamedMonthsObserver (when started) abandoned() unless it committed.
class ObservedMonths {
 public:
  ObservedMonths() = default;
  ~ObservedMonths() {
    if (observer_ != nullptr) observer_->abandoned();
  }
  ObservedMonths(const ObservedMonths&) = delete;
  ObservedMonths& operator=(const ObservedMonths&) = delete;
  void start(StreamedMonthsObserver* observer, Database& db, const MonthlyRuns& runs) {
    observer_ = observer;
    observer_->started(db, YearMonth::from_index(runs.first_period()),
                       YearMonth::from_index(runs.last_period()));
  }
  StreamedMonthsObserver* observer() const { return observer_; }
  void all_written() {
    if (observer_ != nullptr) observer_->all_written();
  }
  void committed(const ApplySummary& summary) {
    if (observer_ != nullptr) std::exchange(observer_, nullptr)->committed(summary);
  }

 private:
  StreamedMonthsObserver* observer_ = nullptr;
};

// Whether the observer of the streamed months may follow this import: one streamed file holds
// every monthly record of it.
bool months_observable(const ImportOptions& options, const std::vector<Streamed>& streamed,
                       const std::vector<SourcedBatch>& batches) {
  if (options.streamed_months_observer == nullptr || streamed.size() != 1) return false;
  if (streamed.front().runs->size() == 0) return false;
  return std::all_of(batches.begin(), batches.end(),
                     [](const SourcedBatch& batch) { return batch.rows.monthly.empty(); });
}

bool has_errors(const std::vector<ParsedFile>& files, const std::vector<Streamed>& streamed) {
  for (const ParsedFile& file : files) {
    if (!file.findings.errors.empty()) return true;
  }
  for (const Streamed& s : streamed) {
    if (!s.stream->head().findings.errors.empty()) return true;
  }
  return false;
}

// Pass two over one streamed file: its months merged in key order, a few whole enterprises at a
// time, audited and (while `apply` is set) written, a part written while the next is merged. An
// audit error ends the writing: `apply` is reset, which rolls the import back. `observer` (may be
// null) is told of each part written, on the writing thread, one part at a time. Errors:
// kIoError; the apply's.
Status second_pass(Streamed& streamed, EnterpriseRanks& ranks,
                   const std::vector<Enterprise>& enterprises, const ImportOptions& options,
                   std::unique_ptr<StreamedApply>& apply, StreamedMonthsObserver* observer) {
  ParsedFile& head = streamed.stream->head();
  // Two parts in flight hold about as many records as pass one parsed at a time (58 bytes of
  // text a national row).
  const std::size_t part_records = std::max<std::size_t>(1, options.monthly_chunk_bytes / 58 / 2);
  MergedPart parts[2];
  std::size_t current = 0;
  PartWriter writer(head.name, apply, observer);
  auto flush = [&]() -> Status {
    MergedPart& part = parts[current];
    if (part.used == 0) return Status::ok();
    part.close();
    if (options.audit_monthly) {
      audit_monthly_part(head, part.records, part.lines, part.order, enterprises,
                         options.audit_monthly);
      if (!head.findings.errors.empty() && apply) {
        ZHIZAO_RETURN_IF_ERROR(writer.finished());
        apply.reset();
      }
    }
    if (apply) {
      ZHIZAO_RETURN_IF_ERROR(writer.start(part));
      current ^= 1;
    }
    parts[current].reopen();
    return Status::ok();
  };
  MonthlyRuns::Merge merge = streamed.runs->merge();
  SpilledMonth month;
  std::uint32_t last_rank = 0;
  while (true) {
    Result<bool> more = merge.next(month);
    if (!more) return more.error();
    if (!*more) break;
    // Parts end between enterprises: the audit reads each enterprise's months together, and no
    // year block is written twice.
    if (parts[current].used >= part_records && month.rank != last_rank) {
      ZHIZAO_RETURN_IF_ERROR(flush());
    }
    last_rank = month.rank;
    parts[current].add(month, ranks.uscc(month.rank));
  }
  ZHIZAO_RETURN_IF_ERROR(flush());
  return writer.finished();
}

}  // namespace

Result<ImportOutcome> check_and_store_streamed(
    Database& db, std::vector<ParsedFile>&& files,
    std::vector<std::unique_ptr<MonthlyFileStream>>&& streams, const ImportOptions& options) {
  auto report_progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  Result<StoredIds> stored = load_stored_ids(db);
  if (!stored) return fail(stored.error());
  // The files parsed whole are checked as ever; the placeholders of the streamed ones hold no row.
  check_duplicate_keys(files);
  check_references(files, *stored);
  if (options.audit_monthly) audit_monthly_files(files, options.audit_monthly);
  FirstPass first(*stored, files);
  std::vector<Streamed> streamed;
  for (std::size_t i = 0; i < streams.size(); ++i) {
    if (streams[i] == nullptr) continue;
    Result<MonthlyRuns> runs = MonthlyRuns::create(options.spill_dir);
    if (!runs) return fail(runs.error());
    streamed.push_back({i, streams[i].get(), *std::move(runs)});
  }
  for (Streamed& s : streamed) {
    if (Status read = first.read(s, options); !read.is_ok()) return fail(read);
  }
  if (Status named = first.name_first_rows(streamed, files); !named.is_ok()) return fail(named);
  report_progress("checking", files.size(), files.size());
  const std::vector<Enterprise> enterprises = imported_enterprises(files);
  // Written only while nothing was found; the batches (every row but the streamed months, and
  // the streamed files' names, for the import's record) stay alive until the commit.
  std::vector<SourcedBatch> batches;
  ObservedMonths observed;  // told after `apply` rolls back
  std::unique_ptr<StreamedApply> apply;
  if (!has_errors(files, streamed)) {
    batches = batches_in_dependency_order(files);
    if (options.daily_readings_sink != nullptr) {
      Status staged = stage_daily_readings(batches, *options.daily_readings_sink);
      if (!staged.is_ok()) return fail(staged);
    }
    std::uint64_t months = 0;
    for (const Streamed& s : streamed) months += s.runs->size();
    Result<std::unique_ptr<StreamedApply>> begun = StreamedApply::begin(
        db, batches, static_cast<std::size_t>(months),
        [&](size_t done, size_t total) { report_progress("storing", done, total); },
        options.apply_observer);
    if (!begun) return fail(begun.error());
    apply = *std::move(begun);
    if (months_observable(options, streamed, batches)) {
      observed.start(options.streamed_months_observer, db, *streamed.front().runs);
    }
  }
  if (apply || options.audit_monthly) {
    for (Streamed& s : streamed) {
      Status passed =
          second_pass(s, first.ranks(), enterprises, options, apply, observed.observer());
      if (!passed.is_ok()) return fail(passed);
    }
    observed.all_written();
  }
  for (Streamed& s : streamed) files[s.file] = std::move(s.stream->head());
  const std::size_t streamed_files = streamed.size();
  streamed.clear();  // the runs' files
  streams.clear();   // the streams' windows
  // The parts' records were freed in blocks glibc keeps for reuse; the snapshot, rebuilt from the
  // database after the commit, is better served by the system having them back.
  ::malloc_trim(0);
  ImportOutcome outcome;
  outcome.streamed_files = streamed_files;
  collect_findings(files, outcome);
  if (outcome.refused()) return outcome;  // `apply`, if still open, rolls back
  Result<ApplySummary> summary = apply->commit();
  if (!summary) return fail(summary.error());
  observed.committed(*summary);  // the database holds the months, whatever follows
  if (options.daily_readings_sink != nullptr) {
    Status committed = options.daily_readings_sink->commit();
    if (!committed.is_ok()) return fail(committed);
  }
  outcome.summary = *summary;
  return outcome;
}

}  // namespace zhizao::detail
