#include "accounts/credential_rules.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <vector>

#include "base/text.h"

namespace zhizao {
namespace {

bool is_ascii_name_char(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool is_name_char(UChar32 c) {
  if (c < 0x80) return is_ascii_name_char(c);
  // Unified_Ideograph: the CJK Unified Ideographs (U+4E00–U+9FFF), Extension A and the later
  // extensions, and the twelve unified ideographs among the compatibility block (UAX #44).
  return u_hasBinaryProperty(c, UCHAR_UNIFIED_IDEOGRAPH) != 0;
}

// The code points of well-formed UTF-8 `text` (checked by the caller).
std::vector<UChar32> code_points(std::string_view text) {
  std::vector<UChar32> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c);
  }
  return out;
}

// How a character is named in a message: printable ASCII as itself in quotes, anything else
// (controls, U+202E, look-alike spaces) by its code point, so that the message cannot carry
// what the rule keeps out.
std::string describe(UChar32 c) {
  if (c >= 0x20 && c < 0x7f) return fmt::format("'{}' (U+{:04X})", static_cast<char>(c), c);
  return fmt::format("U+{:04X}", c);
}

// The name for a message: allowed characters and printable ASCII as they are, others as
// <U+XXXX>, at most kMaxUserNameChars characters.
std::string shown(const std::vector<UChar32>& chars) {
  std::string out;
  size_t count = 0;
  for (UChar32 c : chars) {
    if (++count > kMaxUserNameChars) {
      out += "…";
      break;
    }
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else if (is_name_char(c)) {
      uint8_t buffer[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, c);
      out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
    } else {
      out += fmt::format("<U+{:04X}>", c);
    }
  }
  return out;
}

constexpr std::string_view kAllowed =
    "a user name is made of ASCII letters, digits, '.', '_', '-' and Chinese characters";

}  // namespace

Status check_user_name(std::string_view name) {
  if (name.empty()) {
    return Status::usage(
        fmt::format("a user name is required (1 to {} characters)", kMaxUserNameChars));
  }
  if (!is_valid_utf8(name)) return Status::usage("a user name must be UTF-8 text");
  std::vector<UChar32> chars = code_points(name);
  std::string quoted = shown(chars);
  if (chars.size() > kMaxUserNameChars) {
    return Status::usage(fmt::format("user name \"{}\" has {} characters: at most {}", quoted,
                                     chars.size(), kMaxUserNameChars));
  }
  for (UChar32 c : chars) {
    if (!is_name_char(c)) {
      return Status::usage(
          fmt::format("user name \"{}\": {} is not allowed; {}", quoted, describe(c), kAllowed));
    }
  }
  if (name.front() == '.' || name.front() == '-') {
    return Status::usage(fmt::format("user name \"{}\" must not begin with '.' or '-'", quoted));
  }
  if (name.find("..") != std::string_view::npos) {
    return Status::usage(fmt::format("user name \"{}\" must not contain \"..\"", quoted));
  }
  return Status::ok();
}

Status check_password(std::string_view password) {
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    return Status::usage(fmt::format("a password has at least {} bytes (and at most {})",
                                     kMinPasswordBytes, kMaxPasswordBytes));
  }
  if (!is_valid_utf8(password)) return Status::usage("a password must be UTF-8 text");
  for (size_t i = 0; i < password.size(); ++i) {
    auto byte = static_cast<unsigned char>(password[i]);
    // C1 controls U+0080–U+009F are C2 80 – C2 9F in UTF-8.
    bool c1 = byte == 0xC2 && i + 1 < password.size() &&
              static_cast<unsigned char>(password[i + 1]) <= 0x9F;
    if (byte < 0x20 || byte == 0x7F || c1) {
      return Status::usage(
          "a password must not contain control characters (NUL, tab, line breaks, DEL, C1)");
    }
  }
  return Status::ok();
}

}  // namespace zhizao
