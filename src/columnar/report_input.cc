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

std::unique_ptr<SnapshotAlongsideApply> snapshot_alongside_apply(Database& db,
                                                                 const std::string& db_path) {
  if (!snapshot_wanted(SnapshotUse::kAuto)) return nullptr;
  return std::make_unique<SnapshotAlongsideApply>(db, snapshot_path_for(db_path));
}

Status refresh_snapshot_after_apply(Database& db, const std::string& db_path,
                                    const std::vector<SourcedBatch>& applied,
                                    const ApplySummary& summary,
                                    const SnapshotAlongsideApply* alongside) {
  if (!snapshot_wanted(SnapshotUse::kAuto)) return Status::ok();
  if (alongside != nullptr) {
    switch (alongside->outcome()) {
      case SnapshotAlongsideApply::Outcome::kInPlace:
        return Status::ok();
      case SnapshotAlongsideApply::Outcome::kFailed:
        return alongside->failure();  // the next report rebuilds the stale snapshot
      case SnapshotAlongsideApply::Outcome::kNotAttempted:
        break;
    }
  }
  Result<SnapshotUpdate> updated =
      update_snapshot_after_apply(db, snapshot_path_for(db_path), applied, summary);
  return updated ? Status::ok() : updated.error();
}

Result<ReportInput> SnapshotCache::current(Database& db, SnapshotUse use) {
  if (!snapshot_wanted(use)) return loaded_input(db);
  Result<std::int64_t> version = db.data_version();
  if (!version) return fail(version.error());
  std::lock_guard lock(mutex_);
  if (snapshot_ != nullptr && snapshot_->data_version() == *version) {
    return ReportInput::of_snapshot(snapshot_);
  }
  Result<std::unique_ptr<ColumnarSnapshot>> opened =
      open_or_rebuild_snapshot(db, snapshot_path_for(db_path_));
  if (!opened) return input_or_fallback(db, db_path_, std::move(opened));
  snapshot_ = std::move(*opened);
  return ReportInput::of_snapshot(snapshot_);
}

}  // namespace zhizao
