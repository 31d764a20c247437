// What a new user name and a password may be (issue 19, item 8; docs/security.md). One place,
// used by Accounts::add_user and Accounts::set_password (and so by `zhizao user` and by
// POST /api/users) and by `zhizao user add` before it reads the password.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"

namespace zhizao {

// A user name is 1 to kMaxUserNameChars characters, each an ASCII letter or digit, '.', '_',
// '-', or a CJK unified ideograph (Unicode property Unified_Ideograph, from ICU: the CJK Unified
// Ideographs block and its extensions, e.g. 张三); it does not begin with '.' or '-' and holds
// no "..". So a name is safe as one path segment (/api/users/NAME), in a file name, a log line
// and HTML without escaping, and cannot be dressed up with bidirectional controls (U+202E),
// look-alike spaces or markup. Names stored before this rule keep working: only new names are
// checked (list, disable, enable, passwd, role, revoke and login take any stored name).
inline constexpr size_t kMaxUserNameChars = 64;

// Returns ok for an acceptable new user name. Errors: kUsage with a message that quotes the
// name (cut to its first kMaxUserNameChars bytes, control characters shown as \xNN) and says
// what is wrong. Pure, thread-safe.
Status check_user_name(std::string_view name);

// A password is UTF-8 text of kMinPasswordBytes to kMaxPasswordBytes bytes without control
// characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F): such bytes are either mistakes
// (a NUL from a broken client, a stray CR) or cannot be typed at a login form, and the upper
// bound keeps the Argon2id work of a login bounded whatever a caller sends (the API's JSON is
// UTF-8 already, so UTF-8 here keeps every password usable from the browser). Spaces and any
// other printable character, CJK included, are accepted (NIST SP 800-63B §5.1.1.2).
inline constexpr size_t kMinPasswordBytes = 8;
inline constexpr size_t kMaxPasswordBytes = 1024;

// Returns ok for an acceptable new password. Errors: kUsage saying what is wrong, never quoting
// the password. Pure, thread-safe.
Status check_password(std::string_view password);

}  // namespace zhizao
