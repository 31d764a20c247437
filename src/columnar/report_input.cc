#include "columnar/report_input.h"

#include "columnar/v2_figures_assembly.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace zhizao {

ReportInput ReportInput::of_snapshot(std::shared_ptr<const ColumnarSnapshot> snapshot) {
  ReportInput input;
  input.snapshot_ = std::move(snapshot);
  return input;
}

ReportInput ReportInput::of_dataset(Dataset dataset) {
  ReportInput input;
  input.dataset_ = std::make_shared<const Dataset>(std::move(dataset));
  return input;
}

std::optional<std::int64_t> ReportInput::data_version() const {
  if (snapshot_ == nullptr) return std::nullopt;
  return snapshot_->data_version();
}

const Dataset& ReportInput::tables() const {
  return snapshot_ != nullptr ? snapshot_->tables() : *dataset_;
}

Result<ReportData> ReportInput::report(const ReportRequest& request) const {
  Result<ReportData> report = snapshot_ != nullptr ? compute_report(snapshot_->data(), request)
                                                   : compute_report(*dataset_, request);
  if (!report) return report;
  // The v2 figures read the same records; the columns are indexed once for all of them.
  Status v2 = snapshot_ != nullptr
                  ? complete_v2_figures(
                        detail::IndexedDataset(snapshot_->tables(), snapshot_->data().columns),
                        request, *report)
                  : complete_v2_figures(detail::IndexedDataset(*dataset_), request, *report);
  if (!v2.is_ok()) return tl::unexpected(v2);
  return report;
}

Result<Explanation> ReportInput::explain(const ReportRequest& request,
                                         const ExplainTarget& target) const {
  if (snapshot_ != nullptr) return zhizao::explain(snapshot_->data(), request, target);
  return zhizao::explain(*dataset_, request, target);
}

Result<std::vector<TrendPoint>> ReportInput::trend(const ReportRequest& request, int months) const {
  if (snapshot_ != nullptr) return compute_trend(snapshot_->data(), request, months);
  return compute_trend(*dataset_, request, months);
}

bool snapshot_wanted(SnapshotUse use) {
  if (use == SnapshotUse::kOff) return false;
  const char* off = std::getenv("ZHIZAO_NO_SNAPSHOT");
  return off == nullptr || std::string_view(off).empty() || std::string_view(off) == "0";
}

namespace {

Result<ReportInput> loaded_input(Database& db) {
  Result<Dataset> dataset = db.load();
  if (!dataset) return fail(dataset.error());
  return ReportInput::of_dataset(std::move(*dataset));
}

// Falls back to loading the records when the snapshot cannot be written or read from disk;
// a database error stays an error.
Result<ReportInput> input_or_fallback(Database& db, const std::string& db_path,
                                      Result<std::unique_ptr<ColumnarSnapshot>> snapshot) {
  if (snapshot) return ReportInput::of_snapshot(std::move(*snapshot));
  if (snapshot.error().code() != StatusCode::kIoError) return fail(snapshot.error());
  std::fprintf(stderr, "zhizao: no snapshot beside %s (%s); reading the database\n",
               db_path.c_str(), snapshot.error().message().c_str());
  return loaded_input(db);
}

}  // namespace

Result<ReportInput> open_report_input(Database& db, const std::string& db_path, SnapshotUse use) {
  if (!snapshot_wanted(use)) return loaded_input(db);
  return input_or_fallback(db, db_path, open_or_rebuild_snapshot(db, snapshot_path_for(db_path)));
}

Status refresh_snapshot(Database& db, const std::string& db_path) {
  if (!snapshot_wanted(SnapshotUse::kAuto)) return Status::ok();
  return rebuild_snapshot(db, snapshot_path_for(db_path));
}

Status prepare_snapshot_for_apply(Database& db, const std::string& db_path) {
  if (!snapshot_wanted(SnapshotUse::kAuto)) return Status::ok();
  Result<std::unique_ptr<ColumnarSnapshot>> current =
      open_or_rebuild_snapshot(db, snapshot_path_for(db_path));
  return current ? Status::ok() : current.error();
}

Status refresh_snapshot_after_apply(Database& db, const std::string& db_path,
                                    const std::vector<SourcedBatch>& applied,
                                    const ApplySummary& summary) {
  if (!snapshot_wanted(SnapshotUse::kAuto)) return Status::ok();
  Result<SnapshotUpdate> updated =
      update_snapshot_after_apply(db, snapshot_path_for(db_path), applied, summary);
  return updated ? Status::ok() : updated.error();
}

namespace {

// Marks the cache's preparer done (and wakes its waiters) however the preparation ends.
class PreparingMark {
 public:
  PreparingMark(std::mutex& mutex, std::condition_variable& prepared, bool& preparing)
      : mutex_(mutex), prepared_(prepared), preparing_(preparing) {}
  PreparingMark(const PreparingMark&) = delete;
  PreparingMark& operator=(const PreparingMark&) = delete;
  ~PreparingMark() {
    std::lock_guard lock(mutex_);
    preparing_ = false;
    prepared_.notify_all();
  }

 private:
  std::mutex& mutex_;
  std::condition_variable& prepared_;
  bool& preparing_;
};

}  // namespace

void SnapshotCache::install_locked(std::shared_ptr<const ColumnarSnapshot> snapshot) {
  // Data versions only move forward: the newer of the two is the later committed state.
  if (snapshot_ == nullptr || snapshot_->data_version() < snapshot->data_version()) {
    snapshot_ = std::move(snapshot);
  }
}

Result<ReportInput> SnapshotCache::current(Database& db, SnapshotUse use, SnapshotWait wait) {
  if (!snapshot_wanted(use)) return loaded_input(db);
  Result<std::int64_t> version = db.data_version();
  if (!version) return fail(version.error());
  std::unique_lock lock(mutex_);
  while (true) {
    if (snapshot_ != nullptr && snapshot_->data_version() >= *version) {
      return ReportInput::of_snapshot(snapshot_);
    }
    if (!preparing_) break;
    if (wait == SnapshotWait::kOrPrevious && snapshot_ != nullptr) {
      return ReportInput::of_snapshot(snapshot_);
    }
    prepared_.wait(lock);
  }
  preparing_ = true;
  lock.unlock();
  PreparingMark mark(mutex_, prepared_, preparing_);
  Result<std::unique_ptr<ColumnarSnapshot>> opened =
      open_or_rebuild_snapshot(db, snapshot_path_for(db_path_));
  if (!opened) return input_or_fallback(db, db_path_, std::move(opened));
  std::shared_ptr<const ColumnarSnapshot> served = std::move(*opened);
  {
    std::lock_guard relock(mutex_);  // released before `mark` takes the mutex again
    install_locked(served);
    served = snapshot_;
  }
  return ReportInput::of_snapshot(std::move(served));
}

Status SnapshotCache::write_then_update(
    Database& db, const std::function<std::optional<AppliedChange>()>& write) {
  if (!snapshot_wanted(SnapshotUse::kAuto)) {
    write();
    return Status::ok();
  }
  {
    std::unique_lock lock(mutex_);
    prepared_.wait(lock, [this] { return !preparing_; });
    preparing_ = true;
  }
  PreparingMark mark(mutex_, prepared_, preparing_);
  std::optional<AppliedChange> change = write();
  if (change) {
    Status merged = refresh_snapshot_after_apply(db, db_path_, change->applied, change->summary);
    if (!merged.is_ok()) return merged;
  }
  Result<std::int64_t> version = db.data_version();
  if (!version) return version.error();
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ != nullptr && snapshot_->data_version() >= *version) return Status::ok();
  }
  // Opens the merged file (or rebuilds when the data moved otherwise) before readers are let on.
  Result<std::unique_ptr<ColumnarSnapshot>> opened =
      open_or_rebuild_snapshot(db, snapshot_path_for(db_path_));
  if (!opened) return opened.error();
  std::shared_ptr<const ColumnarSnapshot> fresh = std::move(*opened);
  std::lock_guard lock(mutex_);
  install_locked(std::move(fresh));
  return Status::ok();
}

}  // namespace zhizao
