// POSIX open/fstat/read rather than std::ifstream: the kind and size of the file are checked on
// the opened descriptor (no race between a check and the open), O_NONBLOCK keeps a FIFO without a
// writer from blocking, and the read stops one byte past the bound whatever the file claims.
#include "base/bounded_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace zhizao {
namespace {

// Closes the descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "something else";
}

Status too_large(const std::string& path, std::size_t max_bytes, std::string_view what) {
  return Status::invalid_data(
      fmt::format("{}: the {} is larger than {} bytes, the bound for it", path, what, max_bytes));
}

}  // namespace

Result<std::string> read_bounded_file(const std::string& path, std::size_t max_bytes,
                                      std::string_view what) {
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      return fail(Status::not_found(fmt::format("cannot read {}: {}", what, path)));
    }
    return fail(
        Status::io_error(fmt::format("cannot read {}: {}: {}", what, path, std::strerror(error))));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return fail(
        Status::io_error(fmt::format("cannot read {}: {}: {}", what, path, std::strerror(errno))));
  }
  if (!S_ISREG(info.st_mode)) {
    return fail(Status::invalid_data(
        fmt::format("{}: the {} is {}, not a regular file", path, what, kind_of(info.st_mode))));
  }
  if (info.st_size < 0 || static_cast<std::size_t>(info.st_size) > max_bytes) {
    return fail(too_large(path, max_bytes, what));
  }
  // Read until the end or one byte past the bound, so that a file grown since fstat is seen to
  // pass it; the buffer follows what is read, not what the file claims.
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(info.st_size) + 1);
  char chunk[64 * 1024];
  std::size_t filled = 0;
  while (filled <= max_bytes) {
    std::size_t wanted = std::min(sizeof chunk, max_bytes + 1 - filled);
    ssize_t got = ::read(fd.get(), chunk, wanted);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      return fail(Status::io_error(
          fmt::format("cannot read {}: {}: {}", what, path, std::strerror(errno))));
    }
    bytes.append(chunk, static_cast<std::size_t>(got));
    filled += static_cast<std::size_t>(got);
  }
  if (filled > max_bytes) return fail(too_large(path, max_bytes, what));
  return bytes;
}

}  // namespace zhizao
