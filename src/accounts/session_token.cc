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

std::string csrf_token_for(std::string_view token) {
  if (!ensure_sodium().is_ok()) return "";
  static constexpr std::string_view kLabel = "zhizao csrf token v1";
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  // crypto_generichash keys are 16..64 bytes; a session token is 43. Longer or shorter input
  // (a forged cookie) is first hashed down to a key of fixed size.
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
                     key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(crypto_generichash_BYTES, kVariant)> encoded{};
  sodium_bin2base64(encoded.data(), encoded.size(), digest.data(), digest.size(), kVariant);
  return std::string(encoded.data());
}

bool tokens_equal(std::string_view presented, std::string_view expected) {
  if (presented.size() != expected.size() || expected.empty()) return false;
  return sodium_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

}  // namespace zhizao
