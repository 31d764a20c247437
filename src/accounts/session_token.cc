#include "accounts/session_token.h"

#include <sodium.h>

#include <array>

#include "accounts/password.h"

namespace zhizao {
namespace {
constexpr size_t kTokenBytes = 32;
}  // namespace

Result<SessionToken> new_session_token() {
  Status ready = ensure_sodium();
  if (!ready.is_ok()) return fail(ready);
  std::array<unsigned char, kTokenBytes> random{};
  randombytes_buf(random.data(), random.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> encoded{};
  sodium_bin2base64(encoded.data(), encoded.size(), random.data(), random.size(), kVariant);
  sodium_memzero(random.data(), random.size());
  SessionToken out;
  out.token = encoded.data();
  out.token_hash = session_token_hash(out.token);
  return out;
}

std::string session_token_hash(std::string_view token) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

}  // namespace zhizao
