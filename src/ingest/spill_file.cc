#include "ingest/spill_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

namespace zhizao::detail {
namespace {

// O_DIRECT wants the file offset, the length and the buffer aligned to the device's logical
// block; 4 KiB covers every block size Linux file systems use.
constexpr std::size_t kDirectAlignment = 4096;
// Bytes written at a time past the page cache: a national file's 2.1 GB of runs in about 270
// writes, each a multiple of kDirectAlignment.
constexpr std::size_t kStagingBytes = std::size_t{8} << 20;

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

// Writes all of `bytes` at `offset`. Errors: errno set, false returned.
bool write_all(int fd, const char* bytes, std::size_t size, std::uint64_t offset) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::pwrite(fd, bytes + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Sets or clears O_DIRECT on `fd`; false where the file system refuses it.
bool set_direct(int fd, bool direct) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  return ::fcntl(fd, F_SETFL, direct ? (flags | O_DIRECT) : (flags & ~O_DIRECT)) == 0;
}

}  // namespace

struct SpillFile::Staging {
  struct Free {
    void operator()(char* allocation) const { std::free(allocation); }
  };
  std::unique_ptr<char, Free> block{
      static_cast<char*>(std::aligned_alloc(kDirectAlignment, kStagingBytes))};
  std::size_t staged = 0;  // bytes of `block` in use: the file's last size_ - staged are here
  bool direct = true;      // O_DIRECT is set on the descriptor
};

Result<SpillFile> SpillFile::create(const std::string& dir, SpillWrites writes) {
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
  SpillFile file(fd);
  if (writes == SpillWrites::kPastPageCache) {
    file.read_once_ = true;
    file.staging_ = std::make_unique<Staging>();
    if (file.staging_->block == nullptr) return fail(Status::io_error("out of memory"));
    file.staging_->direct = set_direct(fd, true);
  }
  return file;
}

SpillFile::SpillFile(int fd) : fd_(fd) {}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      size_(std::exchange(other.size_, 0)),
      read_once_(other.read_once_),
      staging_(std::move(other.staging_)) {}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = std::exchange(other.size_, 0);
    read_once_ = other.read_once_;
    staging_ = std::move(other.staging_);
  }
  return *this;
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status SpillFile::append(std::span<const char> bytes) {
  if (staging_ == nullptr) {
    if (!write_all(fd_, bytes.data(), bytes.size(), size_)) return spill_error("write");
    size_ += bytes.size();
    return Status::ok();
  }
  while (!bytes.empty()) {
    const std::size_t room = kStagingBytes - staging_->staged;
    const std::size_t taken = std::min(room, bytes.size());
    std::memcpy(staging_->block.get() + staging_->staged, bytes.data(), taken);
    staging_->staged += taken;
    size_ += taken;
    bytes = bytes.subspan(taken);
    if (staging_->staged == kStagingBytes) ZHIZAO_RETURN_IF_ERROR(write_staged());
  }
  return Status::ok();
}

Status SpillFile::write_staged() const {
  const std::uint64_t offset = size_ - staging_->staged;
  // Whole blocks only while O_DIRECT holds: offset and length stay aligned.
  if (!write_all(fd_, staging_->block.get(), staging_->staged, offset)) {
    // A file system that takes the flag but not the write (EINVAL): plain writes from now on.
    if (errno != EINVAL || !staging_->direct || !set_direct(fd_, false)) {
      return spill_error("write");
    }
    staging_->direct = false;
    if (!write_all(fd_, staging_->block.get(), staging_->staged, offset)) {
      return spill_error("write");
    }
  }
  staging_->staged = 0;
  return Status::ok();
}

Status SpillFile::settle() const {
  if (staging_->direct && !set_direct(fd_, false)) return spill_error("read");
  staging_->direct = false;
  ZHIZAO_RETURN_IF_ERROR(write_staged());
  staging_.reset();
  return Status::ok();
}

Result<std::size_t> SpillFile::read_at(std::uint64_t offset, std::span<char> out) const {
  if (staging_ != nullptr) {
    if (Status settled = settle(); !settled.is_ok()) return fail(std::move(settled));
  }
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n =
        ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(spill_error("read"));
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  // Read once: the pages go back to the system rather than crowding out others' (a national
  // file's runs are 2.1 GB).
  if (read_once_ && done > 0) {
    ::posix_fadvise(fd_, static_cast<off_t>(offset), static_cast<off_t>(done), POSIX_FADV_DONTNEED);
  }
  return done;
}

void SpillFile::will_read(std::uint64_t offset, std::uint64_t bytes) const {
  if (!read_once_ || bytes == 0) return;
  ::posix_fadvise(fd_, static_cast<off_t>(offset), static_cast<off_t>(bytes), POSIX_FADV_WILLNEED);
}

}  // namespace zhizao::detail
