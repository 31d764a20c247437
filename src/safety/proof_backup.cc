#include "safety/proof_backup.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace zhizao {
namespace {

namespace fs = std::filesystem;

// fsync of the folder, so that the renames into it survive a power loss (rename(2) alone does
// not). A folder that was never created (no proof copied) needs none.
Status sync_folder(const std::string& path) {
  std::error_code error;
  if (!fs::is_directory(path, error)) return Status::ok();
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return Status::io_error(
        fmt::format("cannot open {} to sync it: {}", path, std::strerror(errno)));
  }
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) {
    return Status::io_error(fmt::format("cannot sync {}: {}", path, std::strerror(saved)));
  }
  return Status::ok();
}

}  // namespace

std::string backup_proof_folder(std::string_view backup_path) {
  return ProofFolder::default_path(backup_path);
}

Result<ProofCopySummary> copy_proof_files(const ProofFolder& from, const ProofFolder& to,
                                          const std::vector<std::string>& names,
                                          DamagedProof damaged) {
  ProofCopySummary summary;
  summary.registered = static_cast<int>(names.size());
  std::vector<std::pair<std::string, std::string>> sound;  // checked before anything is stored
  for (const std::string& name : names) {
    Result<std::string> bytes = from.read(name);
    if (bytes) {
      sound.emplace_back(name, *std::move(bytes));
      continue;
    }
    switch (bytes.error().code()) {
      case StatusCode::kNotFound:
        summary.missing.push_back(name);
        break;
      case StatusCode::kCorruption:
      case StatusCode::kUsage:  // a registered name that is not a proof name
        summary.damaged.push_back(name);
        break;
      default:
        return fail(bytes.error());
    }
  }
  if (damaged == DamagedProof::kRefuse && !summary.damaged.empty()) {
    return fail(Status::corruption(
        fmt::format("{} proof file(s) in {} are damaged (their bytes do not hash to their name): "
                    "{}",
                    summary.damaged.size(), from.path(), fmt::join(summary.damaged, ", "))));
  }
  for (const auto& [name, bytes] : sound) {
    Status stored = to.store(name, bytes);
    if (!stored.is_ok()) return fail(stored);
    ++summary.copied;
  }
  Status synced = sync_folder(to.path());
  if (!synced.is_ok()) return fail(synced);
  return summary;
}

}  // namespace zhizao
