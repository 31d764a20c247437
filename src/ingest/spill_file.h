// SpillFile: a temporary file that no directory lists (created unlinked), for what an import
// streams to disk instead of holding in memory (issue 17): the monthly records in sorted runs
// (monthly_runs.h), a GB18030 file's UTF-8 text (monthly_stream.h). The kernel frees it when the
// descriptor closes, also when the process is killed, so no stray file is ever left behind.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "base/result.h"

namespace zhizao::detail {

// Move-only; not thread-safe.
class SpillFile {
 public:
  // A new empty file in directory `dir` ("" for the system's temporary directory, $TMPDIR or
  // /tmp). Errors: kIoError (the directory cannot hold files).
  static Result<SpillFile> create(const std::string& dir);

  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();

  // Appends `bytes`. Errors: kIoError (e.g. the disk is full).
  Status append(std::span<const char> bytes);
  // Reads up to out.size() bytes at `offset`; returns how many (fewer only at the end).
  // Errors: kIoError.
  Result<std::size_t> read_at(std::uint64_t offset, std::span<char> out) const;
  // The bytes appended so far.
  std::uint64_t size() const { return size_; }
  // The descriptor, owned by this object.
  int fd() const { return fd_; }

 private:
  explicit SpillFile(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

}  // namespace zhizao::detail
