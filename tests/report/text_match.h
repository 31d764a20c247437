// Text checks shared by the report tests.
#pragma once

#include <string>

namespace zhizao {

// Whether `text` contains `part`.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The first line of `text`, without its line feed.
inline std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace zhizao
