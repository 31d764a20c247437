#include "demo/scale_csv_sink.h"

#include <cerrno>
#include <cstring>

namespace zhizao::detail {
namespace {
constexpr size_t kDrainBytes = size_t{1} << 20;
}  // namespace

CsvSink::~CsvSink() {
  if (file_ != nullptr) std::fclose(file_);
}

Status CsvSink::open(const std::string& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    return Status::io_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
  buffer_.reserve(kDrainBytes + 4096);
  return Status::ok();
}

void CsvSink::tenths(int64_t value) {
  // Integer formatting only: {:.1f} would cost a float conversion per field.
  fmt::format_to(fmt::appender(buffer_), "{}.{}", value / 10, value % 10);
}

void CsvSink::end_row() {
  buffer_.push_back('\n');
  if (buffer_.size() >= kDrainBytes) drain();
}

void CsvSink::drain() {
  if (file_ != nullptr && buffer_.size() > 0 &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    failed_ = true;
  }
  buffer_.clear();
}

Status CsvSink::close() {
  drain();
  if (file_ != nullptr && std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  if (failed_) return Status::io_error(fmt::format("cannot write {}", path_));
  return Status::ok();
}

}  // namespace zhizao::detail
