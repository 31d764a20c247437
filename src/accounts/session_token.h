// Session tokens: 32 random bytes (libsodium's randombytes_buf), sent to the browser as base64url
// in the zhizao_session cookie; the database keeps only their SHA-256, so a copy of the database
// opens no session.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

struct SessionToken {
  std::string token;       // 43 characters of base64url without padding; the secret
  std::string token_hash;  // 64 lower-case hex digits of SHA-256(token); what is stored
};

// Returns a new random token and its hash. Errors: kInternal when libsodium cannot be
// initialised. Thread-safe.
Result<SessionToken> new_session_token();

// Returns the lower-case hex SHA-256 of `token`. Thread-safe.
std::string session_token_hash(std::string_view token);

// Returns the CSRF token of the session `token` (43 characters of base64url): BLAKE2b-256 keyed
// with the session token over a fixed label (libsodium's crypto_generichash). Derived, not
// stored: it is unguessable without the session token (which scripts cannot read, the cookie
// being HttpOnly), says nothing about it, and dies with the session. Thread-safe.
std::string csrf_token_for(std::string_view token);

// True if `presented` equals `expected`, compared in time that does not depend on where they
// differ (sodium_memcmp); false for different lengths. Thread-safe.
bool tokens_equal(std::string_view presented, std::string_view expected);

}  // namespace zhizao
