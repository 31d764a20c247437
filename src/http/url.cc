#include "http/url.h"

namespace zhizao::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, PlusSign plus) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus == PlusSign::kSpace) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool parse_target(std::string_view target, Request& request) {
  if (target.empty() || target.front() != '/') return false;
  request.target = std::string(target);
  size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  // A fragment is never sent (RFC 9112 §3.2); one that is makes the target malformed.
  if (target.find('#') != std::string_view::npos) return false;
  std::optional<std::string> path = percent_decode(raw_path, PlusSign::kLiteral);
  if (!path) return false;
  request.raw_path = std::string(raw_path);
  request.path = std::move(*path);
  request.params.clear();
  if (question == std::string_view::npos) return true;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    std::optional<std::string> name = percent_decode(pair.substr(0, equals), PlusSign::kSpace);
    std::optional<std::string> value =
        equals == std::string_view::npos
            ? std::optional<std::string>("")
            : percent_decode(pair.substr(equals + 1), PlusSign::kSpace);
    if (!name || !value) return false;
    request.params.emplace(std::move(*name), std::move(*value));
  }
  return true;
}

}  // namespace zhizao::http
