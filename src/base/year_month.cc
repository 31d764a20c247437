#include "base/year_month.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "base/text.h"

namespace zhizao {
namespace {

// Splits `text` into runs of ASCII digits, remembering what separated them.
struct DigitRuns {
  std::vector<std::string_view> runs;
  std::vector<std::string_view> separators;  // separators[i] precedes runs[i + 1]
};

DigitRuns split_digit_runs(std::string_view text) {
  DigitRuns out;
  size_t i = 0;
  size_t sep_start = 0;
  while (i < text.size()) {
    if (text[i] >= '0' && text[i] <= '9') {
      size_t start = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      if (!out.runs.empty()) out.separators.push_back(text.substr(sep_start, start - sep_start));
      out.runs.push_back(text.substr(start, i - start));
      sep_start = i;
    } else {
      ++i;
    }
  }
  return out;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::string YearMonth::to_string() const { return fmt::format("{:04d}-{:02d}", year, month); }

std::string CivilDate::to_string() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

Result<YearMonth> parse_year_month(std::string_view raw) {
  std::string_view text = trim(raw);
  auto bad = [&] { return fail(Status::invalid_data(fmt::format("not a period: \"{}\"", raw))); };
  DigitRuns parts = split_digit_runs(text);
  YearMonth ym;
  if (parts.runs.size() == 1 && parts.runs[0].size() == 6 && text.size() == 6) {
    ym = {to_int(parts.runs[0].substr(0, 4)), to_int(parts.runs[0].substr(4, 2))};
  } else if (parts.runs.size() == 2 && parts.runs[0].size() == 4 && parts.runs[1].size() <= 2) {
    std::string_view sep = parts.separators[0];
    bool dash = sep == "-" && parts.runs[1].size() == 2 && text.size() == 7;
    bool chinese = sep == "年" && text.substr(text.size() - 3) == "月" &&
                   text.size() == 4 + 3 + parts.runs[1].size() + 3;
    if (!dash && !chinese) return bad();
    ym = {to_int(parts.runs[0]), to_int(parts.runs[1])};
  } else {
    return bad();
  }
  if (ym.month < 1 || ym.month > 12 || ym.year < 1900 || ym.year > 2999) return bad();
  return ym;
}

Result<CivilDate> parse_civil_date(std::string_view raw) {
  std::string_view text = trim(raw);
  auto bad = [&] { return fail(Status::invalid_data(fmt::format("not a date: \"{}\"", raw))); };
  DigitRuns parts = split_digit_runs(text);
  if (parts.runs.size() != 3 || parts.runs[0].size() != 4 || parts.runs[1].size() > 2 ||
      parts.runs[2].size() > 2) {
    return bad();
  }
  std::string_view s1 = parts.separators[0];
  std::string_view s2 = parts.separators[1];
  bool plain = (s1 == "-" && s2 == "-") || (s1 == "/" && s2 == "/");
  bool chinese = s1 == "年" && s2 == "月";
  size_t digits = 4 + parts.runs[1].size() + parts.runs[2].size();
  size_t expected_size = plain ? digits + 2 : digits + 9;
  if ((!plain && !chinese) || text.size() != expected_size) return bad();
  if (chinese && text.substr(text.size() - 3) != "日") return bad();
  CivilDate date{to_int(parts.runs[0]), to_int(parts.runs[1]), to_int(parts.runs[2])};
  if (date.year < 1900 || date.year > 2999 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month)) {
    return bad();
  }
  return date;
}

}  // namespace zhizao
