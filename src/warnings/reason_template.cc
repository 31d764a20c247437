#include "warnings/reason_template.h"

#include <fmt/format.h>

#include <cmath>

#include "warnings/warning_kinds.h"

namespace zhizao::detail {

std::vector<std::string> template_placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    std::size_t close = text.find('}', open + 1);
    out.emplace_back(text.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
    if (close == std::string_view::npos) break;
    open = close;
  }
  return out;
}

PlaceholderName split_placeholder(std::string_view placeholder) {
  constexpr std::string_view kAbs = "_abs";
  constexpr std::string_view kChange = "_change";
  if (placeholder.ends_with(kAbs)) {
    return {std::string(placeholder.substr(0, placeholder.size() - kAbs.size())), QuoteForm::kAbs};
  }
  if (placeholder.ends_with(kChange)) {
    return {std::string(placeholder.substr(0, placeholder.size() - kChange.size())),
            QuoteForm::kChange};
  }
  return {std::string(placeholder), QuoteForm::kPlain};
}

std::string quote_figure(std::string_view figure, double value, QuoteForm form, Language language) {
  bool count = is_count_figure(figure);
  auto number = [count](double v) {
    // One decimal, as the register writes rates; "-0.0" is written "0.0".
    if (count) return fmt::format("{}", static_cast<long long>(std::llround(v)));
    std::string text = fmt::format("{:.1f}", v);
    return text == "-0.0" ? std::string("0.0") : text;
  };
  switch (form) {
    case QuoteForm::kPlain:
      return number(value);
    case QuoteForm::kAbs:
      return number(std::fabs(value));
    case QuoteForm::kChange: {
      std::string magnitude = number(std::fabs(value));
      std::string unit = count ? "" : "%";
      bool flat = magnitude == "0.0" || magnitude == "0";
      if (language == Language::kEn) {
        if (flat) return "flat";
        return (value > 0 ? "up " : "down ") + magnitude + unit;
      }
      if (flat) return "持平";
      return (value > 0 ? "增长" : "下降") + magnitude + unit;
    }
  }
  return number(value);
}

std::string fill_template(
    std::string_view text,
    const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t open = text.find('{', at);
    std::size_t close = open == std::string_view::npos ? open : text.find('}', open + 1);
    if (close == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, open - at));
    std::string_view name = text.substr(open + 1, close - open - 1);
    std::optional<std::string> value = lookup(name);
    out.append(value ? *value : std::string(text.substr(open, close - open + 1)));
    at = close + 1;
  }
  return out;
}

}  // namespace zhizao::detail
