#include "columnar/snapshot_writer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>
#include <utility>

#include "base/prefault.h"
#include "columnar/snapshot_running.h"
#include "columnar/table_codec.h"

namespace zhizao::detail {
namespace {

Status errno_status(const std::string& what, const std::string& path) {
  return Status::io_error(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

// A file being written: removed on destruction unless kept.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  Status create(std::uint64_t size) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return errno_status("cannot create", path_);
    // Reserve the blocks now: a full disk is then an error here, not a SIGBUS while the mapped
    // file is written.
    int rc = ::posix_fallocate(fd_, 0, static_cast<off_t>(size));
    if (rc != 0) {
      errno = rc;
      return errno_status("cannot reserve space for", path_);
    }
    return Status::ok();
  }
  // Syncs, closes and renames the file to `target`, then syncs the directory.
  Status commit_as(const std::string& target) {
    if (::fsync(fd_) != 0) return errno_status("cannot sync", path_);
    ::close(std::exchange(fd_, -1));
    if (::rename(path_.c_str(), target.c_str()) != 0) return errno_status("cannot rename", path_);
    kept_ = true;
    std::string directory = std::filesystem::path(target).parent_path().string();
    int dir = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
    return Status::ok();
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  bool kept_ = false;
};

namespace {

// The slices in which a new file is prefaulted and unmapped again (see fill).
constexpr std::size_t kPrefaultSliceBytes = std::size_t{64} << 20;

// Fills the mapped file: tables, monthly columns, and the header last.
Status fill(const std::string& encoded, const SnapshotHeader& header, const Dataset& tables,
            const MonthlyColumnsWriter& write_monthly, NewPages pages, RunningCells running,
            const TemporaryFile& file) {
  void* mapped =
      ::mmap(nullptr, header.file_size, PROT_READ | PROT_WRITE, MAP_SHARED, file.fd(), 0);
  if (mapped == MAP_FAILED) return errno_status("cannot map", file.path());
  auto* base = static_cast<unsigned char*>(mapped);
  // Page by page: without this hint a merge that gives back the pages it wrote
  // (WritableColumns::release_written) still held 0.85 GB of a national snapshot, writing 420
  // month-column blocks at once (measured; 30-120 MB with it), likely because a write fault maps
  // a whole large folio of the page cache (ext4, up to 2 MB) rather than 4 KiB.
  ::madvise(mapped, header.file_size, MADV_RANDOM);
  // The kernel zeroes each page of the new file on its first touch; doing that for the whole
  // mapping on both cores first took a national snapshot's (1.5 GB) page faults off the single
  // thread that writes the columns. Each slice is unmapped again once zeroed (the pages stay in
  // the page cache, MADV_DONTNEED): the writer maps back what it writes, so a merge that gives its
  // pages back as it goes (WritableColumns::release_written) keeps the file out of the resident
  // set (issue 17: an import in bounded memory).
  const unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  for (std::size_t at = 0; pages == NewPages::kPrefaulted && at < header.file_size;
       at += kPrefaultSliceBytes) {
    const std::size_t size = std::min(kPrefaultSliceBytes, header.file_size - at);
    prefault_for_writing_in_parallel(base + at, size, threads);
    ::madvise(base + at, size, MADV_DONTNEED);
  }
  std::memcpy(base + header.tables_offset, encoded.data(), encoded.size());
  Status written = write_monthly(header, base);
  // Every writer alike, from the columns just written (snapshot_running.h).
  if (written.is_ok() && running == RunningCells::kAfterColumns) {
    written = write_running_figures(header, tables, base);
  }
  if (written.is_ok()) {
    std::memcpy(base, &header, sizeof header);
    if (::msync(mapped, header.file_size, MS_SYNC) != 0) {
      written = errno_status("cannot write", file.path());
    }
  }
  ::munmap(mapped, header.file_size);
  return written;
}

}  // namespace

UnstampedSnapshot::UnstampedSnapshot(std::unique_ptr<TemporaryFile> file, SnapshotHeader header)
    : file_(std::move(file)), header_(header) {}

UnstampedSnapshot::~UnstampedSnapshot() = default;

Status UnstampedSnapshot::stamp_and_commit(std::int64_t data_version, const std::string& path) {
  header_.data_version = data_version;
  const auto* bytes = reinterpret_cast<const char*>(&header_);
  std::size_t written = 0;
  while (written < sizeof header_) {
    ssize_t n = ::pwrite(file_->fd(), bytes + written, sizeof header_ - written,
                         static_cast<off_t>(written));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return errno_status("cannot write", file_->path());
    written += static_cast<std::size_t>(n);
  }
  return file_->commit_as(path);  // syncs the header's page; the rest was synced when written
}

Result<std::unique_ptr<UnstampedSnapshot>> write_unstamped_snapshot(
    const std::string& path, SnapshotHeader header, const Dataset& tables,
    const MonthlyColumnsWriter& write_monthly, NewPages pages, RunningCells running) {
  std::string encoded = encode_tables(tables);
  lay_out(header, encoded.size());
  auto file = std::make_unique<TemporaryFile>(path + ".tmp-" + std::to_string(::getpid()));
  Status created = file->create(header.file_size);
  if (!created.is_ok()) return fail(std::move(created));
  Status filled = fill(encoded, header, tables, write_monthly, pages, running, *file);
  if (!filled.is_ok()) return fail(std::move(filled));
  return std::unique_ptr<UnstampedSnapshot>(new UnstampedSnapshot(std::move(file), header));
}

Status write_snapshot_file(const std::string& path, SnapshotHeader header, const Dataset& tables,
                           const MonthlyColumnsWriter& write_monthly) {
  const std::int64_t data_version = header.data_version;
  Result<std::unique_ptr<UnstampedSnapshot>> written =
      write_unstamped_snapshot(path, header, tables, write_monthly);
  if (!written) return written.error();
  return (*written)->stamp_and_commit(data_version, path);
}

}  // namespace zhizao::detail
