// Reason templates of warning rules: text with {placeholders} filled from a warning's subject and
// figures. A figure X may be quoted as {X} (signed, one decimal; whole numbers for months and
// days), {X_abs} (its magnitude) or {X_change} ("增长3.2%" / "下降3.2%" / "持平"; in English
// "up 3.2%" / "down 3.2%" / "flat"), so that a sentence says "下降" for a fall as the register
// asks (../shared/glossary.md). Besides the figures: {name}, {id}, {period}, {since} and the
// rule's parameters.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"

namespace zhizao::detail {

// The placeholders of `text` in order, braces stripped; an unclosed "{" yields its rest.
std::vector<std::string> template_placeholders(std::string_view text);

// The figure a placeholder quotes and how: "growth_abs" → {"growth", kAbs}.
enum class QuoteForm { kPlain, kAbs, kChange };
struct PlaceholderName {
  std::string base;
  QuoteForm form = QuoteForm::kPlain;
};
PlaceholderName split_placeholder(std::string_view placeholder);

// Formats `value` as the placeholder `form` asks, for `figure` (whole numbers for counts).
std::string quote_figure(std::string_view figure, double value, QuoteForm form, Language language);

// Fills every placeholder with `lookup(placeholder)`; a placeholder it does not know (nullopt)
// is left as written (the parser refuses unknown ones, so this happens only for a figure
// without a value).
std::string fill_template(
    std::string_view text,
    const std::function<std::optional<std::string>(std::string_view)>& lookup);

}  // namespace zhizao::detail
