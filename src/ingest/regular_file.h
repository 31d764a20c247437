// RegularFile: an input file opened for an import, after the checks every import file passes:
// a regular file (after following symbolic links), of at most the bytes an import reads.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "base/result.h"

namespace zhizao::detail {

// Move-only; not thread-safe.
class RegularFile {
 public:
  // Opens `path`. A FIFO or a device (/dev/zero) has no size to check in advance and may never
  // end, so only regular files are read; the checks are made on the opened file (fstat), not on
  // the path, so that the file cannot be swapped in between; the open does not wait for a FIFO's
  // writer (O_NONBLOCK). Errors: kNotFound, kIoError; kInvalidData naming the file when it is
  // not a regular file or has more than `max_bytes` bytes.
  static Result<RegularFile> open(const std::string& path, std::uint64_t max_bytes);

  RegularFile(RegularFile&& other) noexcept;
  RegularFile& operator=(RegularFile&& other) = delete;
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  ~RegularFile();

  // The size when opened: a file that grows meanwhile is read to this size.
  std::uint64_t size() const { return size_; }
  // Reads up to out.size() bytes at `offset`; returns how many (fewer at the end, also when the
  // file shrank meanwhile). Errors: kIoError naming the path.
  Result<std::size_t> read_at(std::uint64_t offset, std::span<char> out) const;

 private:
  RegularFile(std::string path, int fd, std::uint64_t size)
      : path_(std::move(path)), fd_(fd), size_(size) {}
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Reads a regular file of at most `max_bytes` whole (RegularFile::open's checks and errors).
Result<std::string> read_whole_file(const std::string& path, std::uint64_t max_bytes);

}  // namespace zhizao::detail
