#include "columnar/snapshot_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace zhizao::detail {
namespace {

std::uint64_t aligned(std::uint64_t offset) {
  return (offset + kSnapshotAlignment - 1) / kSnapshotAlignment * kSnapshotAlignment;
}

bool inside(std::uint64_t offset, std::uint64_t size, std::uint64_t file_size) {
  return offset <= file_size && size <= file_size - offset;
}

}  // namespace

void lay_out(SnapshotHeader& header, std::uint64_t tables_size) {
  const std::uint64_t cells = static_cast<std::uint64_t>(header.months) * header.enterprises;
  header.tables_offset = aligned(sizeof(SnapshotHeader));
  header.tables_size = tables_size;
  header.presence_offset = aligned(header.tables_offset + tables_size);
  std::uint64_t next = aligned(header.presence_offset + cells);
  for (std::uint64_t& offset : header.value_offsets) {
    offset = next;
    next = aligned(next + cells * sizeof(double));
  }
  header.running_offset = next;
  header.file_size = aligned(next + cells * sizeof(RunningFigures));
}

MonthlyColumns columns_at(const SnapshotHeader& header, const unsigned char* base) {
  MonthlyColumns columns;
  columns.first_month = header.first_month;
  columns.months = header.months;
  columns.enterprises = header.enterprises;
  columns.presence = reinterpret_cast<const RecordPresence*>(base + header.presence_offset);
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
    columns.values[c] = reinterpret_cast<const double*>(base + header.value_offsets[c]);
  }
  columns.running = reinterpret_cast<const RunningFigures*>(base + header.running_offset);
  return columns;
}

Status check_header(const SnapshotHeader& header, std::uint64_t file_size) {
  if (header.magic != kSnapshotMagic) return Status::corruption("not a zhizao snapshot");
  if (header.format != kSnapshotFormat || header.byte_order != kByteOrderMark) {
    return Status::corruption("a snapshot of another format or machine");
  }
  if (header.file_size != file_size) return Status::corruption("a truncated snapshot");
  if (header.months < 0 || header.enterprises > file_size) {
    return Status::corruption("a snapshot with impossible dimensions");
  }
  const std::uint64_t cells = static_cast<std::uint64_t>(header.months) * header.enterprises;
  bool fits = inside(header.tables_offset, header.tables_size, file_size) &&
              inside(header.presence_offset, cells, file_size);
  for (std::uint64_t offset : header.value_offsets) {
    fits = fits && offset % sizeof(double) == 0 &&
           (cells == 0 || (cells <= file_size / sizeof(double) &&
                           inside(offset, cells * sizeof(double), file_size)));
  }
  fits = fits && header.running_offset % alignof(RunningFigures) == 0 &&
         (cells == 0 || (cells <= file_size / sizeof(RunningFigures) &&
                         inside(header.running_offset, cells * sizeof(RunningFigures), file_size)));
  if (!fits) return Status::corruption("a snapshot whose parts lie outside the file");
  return Status::ok();
}

Result<FileMapping> FileMapping::map(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return fail(Status::not_found("no snapshot at " + path));
    return fail(Status::io_error("cannot open " + path + ": " + std::strerror(errno)));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    int error = errno;
    ::close(fd);
    return fail(Status::io_error("cannot stat " + path + ": " + std::strerror(error)));
  }
  auto size = static_cast<std::uint64_t>(info.st_size);
  if (size == 0) {
    ::close(fd);
    return FileMapping(nullptr, 0);
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  int error = errno;
  ::close(fd);  // the mapping keeps the file open
  if (data == MAP_FAILED) {
    return fail(Status::io_error("cannot map " + path + ": " + std::strerror(error)));
  }
  return FileMapping(static_cast<const unsigned char*>(data), size);
}

FileMapping::FileMapping(FileMapping&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

FileMapping& FileMapping::operator=(FileMapping&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) ::munmap(const_cast<unsigned char*>(data_), size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

FileMapping::~FileMapping() {
  if (data_ != nullptr) ::munmap(const_cast<unsigned char*>(data_), size_);
}

}  // namespace zhizao::detail
