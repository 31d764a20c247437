#include "ingest/formula_guard.h"

namespace zhizao::detail {
namespace {

constexpr char kApostrophe = '\'';

// The full-width triggers ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) are EF BC xx in UTF-8.
bool starts_with_full_width_trigger(std::string_view text) {
  if (text.size() < 3 || text[0] != '\xEF' || text[1] != '\xBC') return false;
  char last = text[2];
  return last == '\x9D' || last == '\x8B' || last == '\x8D' || last == '\xA0';
}

bool starts_with_trigger(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
      return true;
    default:
      return starts_with_full_width_trigger(text);
  }
}

}  // namespace

bool is_formula_like(std::string_view value) {
  size_t first = value.find_first_not_of(kApostrophe);
  return first != std::string_view::npos && starts_with_trigger(value.substr(first));
}

std::string neutralise_formula(std::string_view value) {
  std::string out;
  if (is_formula_like(value)) {
    out.reserve(value.size() + 1);
    out.push_back(kApostrophe);
  }
  out.append(value);
  return out;
}

std::string_view restore_formula_text(std::string_view cell) {
  // The first test keeps the common case (no apostrophe) to one comparison per field.
  if (cell.empty() || cell.front() != kApostrophe || !is_formula_like(cell)) return cell;
  return cell.substr(1);
}

}  // namespace zhizao::detail
