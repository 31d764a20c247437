#include "ingest/regular_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace zhizao::detail {
namespace {

// What a path that is not a regular file is, for the message that refuses it.
std::string_view kind_of_special_file(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

Status read_error(const std::string& path) {
  return Status::io_error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
}

}  // namespace

Result<RegularFile> RegularFile::open(const std::string& path, std::uint64_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) return fail(Status::not_found(fmt::format("no such file: {}", path)));
    return fail(read_error(path));
  }
  RegularFile file(path, fd, 0);
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fail(read_error(path));
  if (!S_ISREG(info.st_mode)) {
    return fail(Status::invalid_data(
        fmt::format("{}: {}, not a regular file; import reads regular files only", path,
                    kind_of_special_file(info.st_mode))));
  }
  file.size_ = static_cast<uint64_t>(info.st_size);
  if (file.size_ > max_bytes) {
    return fail(Status::invalid_data(fmt::format(
        "{}: {} bytes, more than the {} an import reads (raise it with --max-file-size)", path,
        file.size_, max_bytes)));
  }
  return file;
}

RegularFile::RegularFile(RegularFile&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      size_(std::exchange(other.size_, 0)) {}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::size_t> RegularFile::read_at(std::uint64_t offset, std::span<char> out) const {
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n =
        ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(read_error(path_));
    if (n == 0) break;  // the file shrank meanwhile
    done += static_cast<size_t>(n);
  }
  return done;
}

Result<std::string> read_whole_file(const std::string& path, std::uint64_t max_bytes) {
  Result<RegularFile> file = RegularFile::open(path, max_bytes);
  if (!file) return fail(file.error());
  // One read into a string of the file's size: a stream into a growing buffer copied the 1.7 GB
  // of a national file several times over. A file that grows meanwhile is read to its old size.
  std::string bytes(static_cast<size_t>(file->size()), '\0');
  Result<std::size_t> done = file->read_at(0, bytes);
  if (!done) return fail(done.error());
  bytes.resize(*done);
  return bytes;
}

}  // namespace zhizao::detail
