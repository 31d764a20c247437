#include "ingest/spill_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

namespace zhizao::detail {
namespace {

// A failed call on the spill file. A full disk (or quota) is said in words: the records spill
// beside the database, and the one who ran the import must learn to make room there
// (tests/faults/full_disk.py).
Status spill_error(const std::string& what) {
  const int error = errno;
  if (error == ENOSPC || error == EDQUOT) {
    return Status::io_error(fmt::format("temporary file of the import: {}: the disk is full ({})",
                                        what, std::strerror(error)));
  }
  return Status::io_error(
      fmt::format("temporary file of the import: {}: {}", what, std::strerror(error)));
}

}  // namespace

Result<SpillFile> SpillFile::create(const std::string& dir) {
  std::string where = dir;
  if (where.empty()) {
    std::error_code error;
    where = std::filesystem::temp_directory_path(error).string();
    if (error) where = "/tmp";
  }
  // O_TMPFILE: never named. Where the file system lacks it, a named file unlinked at once.
  int fd = ::open(where.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::string name = where + "/zhizao-spill-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return fail(spill_error(where));
    ::unlink(name.c_str());
  }
  return SpillFile(fd);
}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(std::exchange(other.size_, 0)) {}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status SpillFile::append(std::span<const char> bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n =
        ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(size_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return spill_error("write");
    done += static_cast<size_t>(n);
  }
  size_ += bytes.size();
  return Status::ok();
}

Result<std::size_t> SpillFile::read_at(std::uint64_t offset, std::span<char> out) const {
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n =
        ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(spill_error("read"));
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

}  // namespace zhizao::detail
