// Rule messages: placeholders filled with figures cut to a readable length.
#include "rules/rule_message.h"

#include <fmt/format.h>

#include <cmath>

namespace zhizao {
namespace {

bool placeholder_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Calls `on_text(text)` for the literal parts of `text` and `on_name(name)` for each {name}.
template <typename OnText, typename OnName>
void scan(std::string_view text, OnText on_text, OnName on_name) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    std::size_t close = open + 1;
    while (close < text.size() && placeholder_char(text[close])) ++close;
    if (close == open + 1 || close == text.size() || text[close] != '}') {
      on_text(text.substr(pos, close - pos));
      pos = close;
      continue;
    }
    on_text(text.substr(pos, open - pos));
    on_name(text.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  if (pos < text.size()) on_text(text.substr(pos));
}

// Removes the trailing zeros of a fixed-point text, and the point when nothing follows it.
std::string without_trailing_zeros(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string format_figure(std::optional<double> value) {
  if (!value) return "—";
  const double x = *value;
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return "0";
  const double magnitude = std::abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e12) {
    std::string fixed = without_trailing_zeros(fmt::format("{:.4f}", x));
    if (fixed != "0" && fixed != "-0") return fixed;
  }
  // "1.23e+308" → "1.23e308", "1e-05" → "1e-5".
  std::string text = fmt::format("{:.3g}", x);
  std::size_t e = text.find('e');
  if (e == std::string::npos) return text;
  std::string mantissa = text.substr(0, e);
  std::string_view exponent = std::string_view(text).substr(e + 1);
  bool negative = exponent.front() == '-';
  exponent.remove_prefix(1);
  while (exponent.size() > 1 && exponent.front() == '0') exponent.remove_prefix(1);
  return fmt::format("{}e{}{}", mantissa, negative ? "-" : "", exponent);
}

std::optional<double> variable_value(const RuleValues& values, std::string_view name) {
  const auto names = rule_variable_names();
  for (std::size_t i = 0; i < kRuleVariableCount; ++i) {
    if (names[i] == name) return values.values[i];
  }
  return std::nullopt;
}

std::vector<std::string> unknown_placeholders(std::string_view text) {
  std::vector<std::string> unknown;
  const auto names = rule_variable_names();
  scan(
      text, [](std::string_view) {},
      [&](std::string_view name) {
        bool known = name == "value";
        for (std::string_view n : names) known = known || n == name;
        if (!known) unknown.emplace_back(name);
      });
  return unknown;
}

std::string rule_message(const Rule& rule, const RuleValues& values, Language language) {
  const std::string& description =
      language == Language::kZh ? rule.description_zh : rule.description_en;
  std::string out;
  scan(
      description, [&](std::string_view text) { out += text; },
      [&](std::string_view name) {
        out += format_figure(variable_value(values, name == "value" ? rule.field : name));
      });
  return out;
}

std::string rule_message_with_id(const Rule& rule, const RuleValues& values, Language language) {
  if (language == Language::kZh) {
    return fmt::format("{}（规则 {}）", rule_message(rule, values, language), rule.id);
  }
  return fmt::format("{} (rule {})", rule_message(rule, values, language), rule.id);
}

}  // namespace zhizao
