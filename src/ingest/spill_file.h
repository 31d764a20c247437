// SpillFile: a temporary file that no directory lists (created unlinked), for what an import
// streams to disk instead of holding in memory (issue 17): the monthly records in sorted runs
// (monthly_runs.h), a GB18030 file's UTF-8 text (monthly_stream.h). The kernel frees it when the
// descriptor closes, also when the process is killed, so no stray file is ever left behind.
//
// A file written once and read back once (the runs) may bypass the page cache
// (SpillWrites::kPastPageCache): a national file's 2.1 GB of runs then costs the disk's DMA
// instead of copying every byte into freshly allocated cache pages, which took 4.5 s of CPU on the
// shared virtual machine (perf, docs/performance.md, "The import, 2026-12-07 fourth session").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "base/result.h"

namespace zhizao::detail {

// How a SpillFile's appends reach the disk.
enum class SpillWrites {
  kThroughPageCache,  // plain writes; for a file read back in small pieces or many times
  // O_DIRECT writes of whole staged blocks (the last partial block stays in memory until the
  // first read); reads then go through the page cache, with read-ahead asked for by will_read,
  // and drop the pages they read. Where the file system refuses O_DIRECT, plain writes.
  kPastPageCache,
};

// Move-only; not thread-safe.
class SpillFile {
 public:
  // A new empty file in directory `dir` ("" for the system's temporary directory, $TMPDIR or
  // /tmp). Errors: kIoError (the directory cannot hold files).
  static Result<SpillFile> create(const std::string& dir,
                                  SpillWrites writes = SpillWrites::kThroughPageCache);

  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile();

  // Appends `bytes`. Errors: kIoError (e.g. the disk is full); the file's contents are then
  // unspecified.
  Status append(std::span<const char> bytes);
  // Reads up to out.size() bytes at `offset`; returns how many (fewer only at the end). The first
  // read of a kPastPageCache file writes its staged tail (plain). Errors: kIoError.
  Result<std::size_t> read_at(std::uint64_t offset, std::span<char> out) const;
  // A hint that [offset, offset + bytes) will be read soon: the kernel starts reading it
  // (posix_fadvise WILLNEED) for a kPastPageCache file; nothing for the other kind.
  void will_read(std::uint64_t offset, std::uint64_t bytes) const;
  // The bytes appended so far.
  std::uint64_t size() const { return size_; }

 private:
  struct Staging;  // the blocks of a kPastPageCache file not yet written
  explicit SpillFile(int fd);
  Status write_staged() const;
  Status settle() const;  // writes the staged tail and leaves O_DIRECT (before reading)
  int fd_ = -1;
  std::uint64_t size_ = 0;
  bool read_once_ = false;  // kPastPageCache: pages read are dropped from the page cache
  mutable std::unique_ptr<Staging> staging_;
};

}  // namespace zhizao::detail
