#include "ingest/field_parsers.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <optional>
#include <string>

#include "base/text.h"

namespace zhizao::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Checks the integer part: plain digits, or 1–3 digits followed by groups of ",ddd".
bool valid_integer_part(std::string_view digits) {
  if (digits.empty()) return false;
  if (digits.find(',') == std::string_view::npos) {
    for (char c : digits) {
      if (!is_digit(c)) return false;
    }
    return true;
  }
  size_t first_comma = digits.find(',');
  if (first_comma == 0 || first_comma > 3 || digits[0] == '0') return false;
  for (size_t i = 0; i < digits.size(); ++i) {
    bool comma_place = i >= first_comma && (i - first_comma) % 4 == 0;
    if (comma_place ? digits[i] != ',' : !is_digit(digits[i])) return false;
  }
  return (digits.size() - first_comma) % 4 == 0;
}

// The common number: an optional '-', digits, and optionally '.' and more digits (no comma, no
// '+'). Returns its value as std::from_chars reads those very characters (so the same bits as the
// general path, which copies them first), or nullopt for any other text.
std::optional<double> plain_number(std::string_view text) {
  std::size_t i = !text.empty() && text.front() == '-' ? 1 : 0;
  const std::size_t integer_start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == integer_start) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != '.') return std::nullopt;
    const std::size_t fraction_start = ++i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == fraction_start || i != text.size()) return std::nullopt;
  }
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Result<double> parse_number(std::string_view text) {
  if (std::optional<double> plain = plain_number(text)) return *plain;
  auto bad = [&] {
    return fail(
        Status::invalid_data(fmt::format("not a number: \"{}\"", shorten_for_message(text))));
  };
  std::string_view body = text;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) body.remove_prefix(1);
  size_t point = body.find('.');
  std::string_view integer = body.substr(0, point);
  if (!valid_integer_part(integer)) return bad();
  if (point != std::string_view::npos) {
    std::string_view fraction = body.substr(point + 1);
    if (fraction.empty()) return bad();
    for (char c : fraction) {
      if (!is_digit(c)) return bad();
    }
  }
  // from_chars takes no commas and no '+': copy the digits to a stack buffer, or to the heap
  // for a longer text (plain_decimal writes 1e300 or 1e-300 with over 300 digits, and what is
  // exported must import again).
  std::array<char, 128> stack_buffer;
  std::string heap_buffer;
  char* buffer = stack_buffer.data();
  if (text.size() > stack_buffer.size()) {
    heap_buffer.resize(text.size());
    buffer = heap_buffer.data();
  }
  size_t size = 0;
  for (char c : text) {
    if (c != ',' && c != '+') buffer[size++] = c;
  }
  double value = 0;
  auto [end, error] = std::from_chars(buffer, buffer + size, value);
  if (error != std::errc() || end != buffer + size) return bad();
  return value;
}

Result<double> parse_number_in(std::string_view text, NumberRange range) {
  Result<double> value = parse_number(text);
  if (!value) return value;
  switch (range) {
    case NumberRange::kAny:
      break;
    case NumberRange::kNonNegative:
      if (*value < 0) {
        return fail(Status::invalid_data(
            fmt::format("must not be negative: \"{}\"", shorten_for_message(text))));
      }
      break;
    case NumberRange::kPositive:
      if (!(*value > 0)) {
        return fail(Status::invalid_data(
            fmt::format("must be greater than 0: \"{}\"", shorten_for_message(text))));
      }
      break;
    case NumberRange::kRatio:
      if (!(*value > 0 && *value <= 1)) {
        return fail(Status::invalid_data(fmt::format("must be greater than 0 and at most 1: \"{}\"",
                                                     shorten_for_message(text))));
      }
      break;
  }
  return value;
}

Result<bool> parse_flag(std::string_view text) {
  if (text == "1" || text == "是") return true;
  if (text == "0" || text == "否") return false;
  return fail(Status::invalid_data(fmt::format("not 0 or 1: \"{}\"", shorten_for_message(text))));
}

Result<int> parse_year(std::string_view text) {
  std::string_view digits = text;
  if (digits.ends_with("年")) digits.remove_suffix(std::string_view("年").size());
  int year = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), year);
  if (digits.size() != 4 || error != std::errc() || end != digits.data() + digits.size() ||
      year < 1900 || year > 2999) {
    return fail(Status::invalid_data(fmt::format("not a year: \"{}\"", shorten_for_message(text))));
  }
  return year;
}

std::vector<std::string_view> split_id_list(std::string_view text) {
  constexpr std::string_view kFullWidthSemicolon = "；";
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t ascii = text.find(';', start);
    size_t wide = text.find(kFullWidthSemicolon, start);
    size_t end = std::min(ascii, wide);
    std::string_view part =
        trim(text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
    if (!part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) break;
    start = end + (end == ascii ? 1 : kFullWidthSemicolon.size());
  }
  return parts;
}

}  // namespace zhizao::detail
