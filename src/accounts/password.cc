#include "accounts/password.h"

#include <sodium.h>

namespace zhizao {

Status ensure_sodium() {
  // sodium_init is safe to call from several threads and more than once (returns 1 then).
  static const int initialised = sodium_init();
  if (initialised < 0) return Status::internal("libsodium cannot be initialised");
  return Status::ok();
}

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
  Status ready = ensure_sodium();
  if (!ready.is_ok()) return fail(ready);
  unsigned long long ops = cost == PasswordCost::kMinimal ? crypto_pwhash_OPSLIMIT_MIN
                                                          : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = cost == PasswordCost::kMinimal ? crypto_pwhash_MEMLIMIT_MIN
                                              : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(Status::internal("password hashing failed (out of memory?)"));
  }
  return std::string(out);
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (!ensure_sodium().is_ok()) return false;
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace zhizao
