// Proof files of hazard rectification (整改佐证, docs/safety.md "Proof files"): what a file may be
// (PDF, JPEG or PNG, told from its first bytes, never from its name or the declared type alone),
// how large, how it is named (the SHA-256 of its bytes, so the same file is stored once and a name
// says nothing a user chose), and the folder that keeps them outside the web root. Pure functions
// but the ProofFolder methods, which touch the file system; all thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

enum class ProofType { kPdf, kJpeg, kPng };

// The largest proof file accepted: the HTTP transport's default body bound (http/limits.h), so a
// proof is bounded before a byte of it is read. A server with a smaller --max-body bound refuses
// larger bodies first (413).
inline constexpr std::size_t kMaxProofBytes = 256 * 1024;

// "application/pdf", "image/jpeg", "image/png".
std::string_view proof_media_type(ProofType type);
// "pdf", "jpg", "png".
std::string_view proof_extension(ProofType type);

// The type of `bytes` from their first bytes: "%PDF-" (ISO 32000-1 §7.5.2), FF D8 FF (JPEG,
// ISO/IEC 10918-1 SOI and a marker), the 8-byte PNG signature (RFC 2083 §3.1); nullopt otherwise.
std::optional<ProofType> sniff_proof_type(std::string_view bytes);

// The type of a Content-Type value (parameters after ';' ignored, ASCII case ignored; also
// image/jpg and image/pjpeg); nullopt for any other media type.
std::optional<ProofType> parse_proof_media_type(std::string_view content_type);

// Why a file was refused as a proof.
enum class ProofRefusal {
  kEmpty,         // no bytes
  kTooLarge,      // more than kMaxProofBytes
  kUnknownType,   // the first bytes are not PDF, JPEG or PNG (or the declared type is another)
  kTypeMismatch,  // the declared type is one of the three but not the one of the bytes
};

// A message in English for `refusal`.
std::string_view proof_refusal_message(ProofRefusal refusal);

// Checks `bytes` declared as `content_type` (a Content-Type value) and returns their type.
// Refusals in the order above: empty, too large, then the first bytes, then the declaration.
std::optional<ProofRefusal> check_proof(std::string_view bytes, std::string_view content_type,
                                        ProofType& type);

// The lower-case hex SHA-256 of `bytes` (FIPS 180-4; libsodium's crypto_hash_sha256).
std::string sha256_hex(std::string_view bytes);

// The stored name of a proof: its SHA-256 in hex, '.', the type's extension.
std::string proof_file_name(std::string_view bytes, ProofType type);

// The type named by a stored proof name, nullopt unless `name` is exactly 64 lower-case hex
// digits, '.', and one of the three extensions (so a name from the database never reaches the
// file system as a path).
std::optional<ProofType> parse_proof_file_name(std::string_view name);

// The folder of proof files: by default the database's path + ".files" (beside the database, in
// the data folder, never under the dashboard's web root). Created on the first store, mode 0750.
class ProofFolder {
 public:
  explicit ProofFolder(std::string path) : path_(std::move(path)) {}

  // The default folder of the database at `db_path`.
  static std::string default_path(std::string_view db_path);

  const std::string& path() const { return path_; }

  // Stores `bytes` under `name` (proof_file_name) unless a file of that name is there: written to
  // a temporary file, synced, renamed. Errors: kUsage for a name that is not a proof name;
  // kIoError.
  Status store(const std::string& name, std::string_view bytes) const;
  // Reads the proof `name` (at most kMaxProofBytes). Errors: kUsage for a name that is not a
  // proof name; kNotFound when absent; kCorruption when its bytes no longer hash to its name;
  // kIoError.
  Result<std::string> read(const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace zhizao
