#include "ingest/pass_two_parts.h"

#include <numeric>
#include <utility>

namespace zhizao::detail {

void MergedPart::close() {
  records.resize(used);
  order.resize(used);
  std::iota(order.begin(), order.end(), 0U);
}

Status PartWriter::start(MergedPart& part) {
  ZHIZAO_RETURN_IF_ERROR(finished());
  thread_ = std::jthread([this, &part] {
    SourcedBatch batch{file_name_, {}, part.order};
    batch.rows.monthly = std::move(part.records);
    status_ = apply_->write_monthly(batch);
    if (status_.is_ok() && observer_ != nullptr) observer_->written(batch.rows.monthly);
    part.records = std::move(batch.rows.monthly);  // its room serves a later part
  });
  return Status::ok();
}

Status PartWriter::finished() {
  if (thread_.joinable()) thread_.join();
  return status_;
}

}  // namespace zhizao::detail
