#include "server/content_disposition.h"

#include <fmt/format.h>

#include <string>

#include "base/text.h"

namespace zhizao::server {
namespace {

// The length of the UTF-8 sequence starting at `text[at]`, or 0 when it is not a well-formed
// one (base/text.h's is_valid_utf8 on the sequence its lead byte announces).
size_t utf8_length(std::string_view text, size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (at + length > text.size() || !is_valid_utf8(text.substr(at, length))) return 0;
  return length;
}

bool forbidden_in_file_names(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' ||
         c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
}

// RFC 8187 §3.2.1 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" /
// "_" / "`" / "|" / "~".
bool attr_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string trimmed(std::string text) {
  size_t first = text.find_first_not_of(" .");
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(" .");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string safe_file_name(std::string_view name, size_t max_bytes) {
  std::string out;
  for (size_t at = 0; at < name.size();) {
    size_t length = utf8_length(name, at);
    if (length == 0) {
      out += '_';
      ++at;
      continue;
    }
    if (out.size() + length > max_bytes) break;
    if (length == 1 && forbidden_in_file_names(name[at])) {
      out += '_';
    } else {
      out.append(name.substr(at, length));
    }
    at += length;
  }
  // A name cut at max_bytes may end in a space or a dot again: trim after cutting.
  return trimmed(std::move(out));
}

std::string attachment_disposition(std::string_view ascii_name, std::string_view utf8_name) {
  std::string ascii;
  for (char c : ascii_name) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-';
    ascii += keep ? c : '_';
  }
  if (ascii.empty()) ascii = "download";
  std::string out = "attachment; filename=\"" + ascii + "\"";
  std::string name = safe_file_name(utf8_name);
  if (name.empty()) return out;
  out += "; filename*=UTF-8''";
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    out += attr_char(byte) ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

}  // namespace zhizao::server
