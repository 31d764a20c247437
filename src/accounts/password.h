// Password hashing with libsodium's crypto_pwhash_str: Argon2id (RFC 9106) with a random salt,
// the parameters kept inside the stored string, so a hash made at one cost verifies at any other.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

// kInteractive: libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE (64 MiB, the recommended minimum for
// online logins). kMinimal: OPSLIMIT/MEMLIMIT_MIN, for tests only.
enum class PasswordCost { kInteractive, kMinimal };

// Initialises libsodium once. Errors: kInternal when it cannot be initialised. Thread-safe.
Status ensure_sodium();

// Returns the crypto_pwhash_str text of `password`. Errors: kInternal (out of memory or
// libsodium failing). Thread-safe.
Result<std::string> hash_password(std::string_view password, PasswordCost cost);

// True if `password` matches `hash` (a crypto_pwhash_str string); false for a malformed hash.
// Takes about as long as hashing, whatever the outcome. Thread-safe.
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace zhizao
