#include "safety/proof_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/bounded_file.h"
#include "base/text.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHexDigits = crypto_hash_sha256_BYTES * 2;

Status io_error(const std::string& what, const std::string& path) {
  return Status::io_error(what + " " + path + ": " + std::strerror(errno));
}

// Writes all of `bytes` to `fd`. Returns false (errno set) on failure.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

}  // namespace

std::string_view proof_media_type(ProofType type) {
  switch (type) {
    case ProofType::kPdf:
      return "application/pdf";
    case ProofType::kJpeg:
      return "image/jpeg";
    case ProofType::kPng:
      return "image/png";
  }
  return "application/octet-stream";
}

std::string_view proof_extension(ProofType type) {
  switch (type) {
    case ProofType::kPdf:
      return "pdf";
    case ProofType::kJpeg:
      return "jpg";
    case ProofType::kPng:
      return "png";
  }
  return "";
}

std::optional<ProofType> sniff_proof_type(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return ProofType::kPdf;
  if (bytes.starts_with("\xFF\xD8\xFF")) return ProofType::kJpeg;
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return ProofType::kPng;
  return std::nullopt;
}

std::optional<ProofType> parse_proof_media_type(std::string_view content_type) {
  const std::string media = ascii_lower(trim(content_type.substr(0, content_type.find(';'))));
  if (media == "application/pdf") return ProofType::kPdf;
  if (media == "image/jpeg" || media == "image/jpg" || media == "image/pjpeg") {
    return ProofType::kJpeg;
  }
  if (media == "image/png") return ProofType::kPng;
  return std::nullopt;
}

std::string_view proof_refusal_message(ProofRefusal refusal) {
  switch (refusal) {
    case ProofRefusal::kEmpty:
      return "the proof file is empty";
    case ProofRefusal::kTooLarge:
      return "the proof file is larger than 256 KiB";
    case ProofRefusal::kUnknownType:
      return "a proof file is a PDF, JPEG or PNG file, sent with its type "
             "(application/pdf, image/jpeg, image/png)";
    case ProofRefusal::kTypeMismatch:
      return "the file's content is not of the type it was sent as";
  }
  return "refused";
}

std::optional<ProofRefusal> check_proof(std::string_view bytes, std::string_view content_type,
                                        ProofType& type) {
  if (bytes.empty()) return ProofRefusal::kEmpty;
  if (bytes.size() > kMaxProofBytes) return ProofRefusal::kTooLarge;
  const std::optional<ProofType> sniffed = sniff_proof_type(bytes);
  const std::optional<ProofType> declared = parse_proof_media_type(content_type);
  if (!sniffed || !declared) return ProofRefusal::kUnknownType;
  if (*sniffed != *declared) return ProofRefusal::kTypeMismatch;
  type = *sniffed;
  return std::nullopt;
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::array<char, kHexDigits + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), kHexDigits);
}

std::string proof_file_name(std::string_view bytes, ProofType type) {
  return sha256_hex(bytes) + "." + std::string(proof_extension(type));
}

std::optional<ProofType> parse_proof_file_name(std::string_view name) {
  if (name.size() <= kHexDigits + 1 || name[kHexDigits] != '.') return std::nullopt;
  for (char c : name.substr(0, kHexDigits)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  const std::string_view extension = name.substr(kHexDigits + 1);
  for (ProofType type : {ProofType::kPdf, ProofType::kJpeg, ProofType::kPng}) {
    if (extension == proof_extension(type)) return type;
  }
  return std::nullopt;
}

std::string ProofFolder::default_path(std::string_view db_path) {
  return std::string(db_path) + ".files";
}

Status ProofFolder::store(const std::string& name, std::string_view bytes) const {
  if (!parse_proof_file_name(name)) return Status::usage("not a proof file name: " + name);
  const fs::path folder(path_);
  const fs::path target = folder / name;
  std::error_code error;
  if (fs::exists(target, error)) return Status::ok();  // the same bytes: named by their hash
  if (::mkdir(path_.c_str(), 0750) != 0 && errno != EEXIST) {
    return io_error("cannot create the proof folder", path_);
  }
  // A random temporary name, renamed over the target only when complete and synced, so
  // that a reader never sees a torn file under a proof's name.
  if (sodium_init() < 0) return Status::internal("libsodium cannot be initialised");
  std::array<unsigned char, 8> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  std::array<char, 17> nonce_hex{};
  sodium_bin2hex(nonce_hex.data(), nonce_hex.size(), nonce.data(), nonce.size());
  const fs::path temporary = folder / (name + "." + nonce_hex.data() + ".tmp");
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return io_error("cannot write", temporary.string());
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temporary.c_str());
    errno = saved;
    return io_error("cannot write", temporary.string());
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const Status failed = io_error("cannot rename to", target.string());
    ::unlink(temporary.c_str());
    return failed;
  }
  return Status::ok();
}

Result<std::string> ProofFolder::read(const std::string& name) const {
  if (!parse_proof_file_name(name)) return fail(Status::usage("not a proof file name: " + name));
  Result<std::string> bytes =
      read_bounded_file((fs::path(path_) / name).string(), kMaxProofBytes, "proof file");
  if (!bytes) return bytes;
  if (sha256_hex(*bytes) != name.substr(0, kHexDigits)) {
    return fail(Status::corruption("the proof file " + name + " no longer matches its hash"));
  }
  return bytes;
}

}  // namespace zhizao
