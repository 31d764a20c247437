// The messages a failing rule gives enterprises, reviewers and `zhizao import`/`check`: the rule's
// description in plain language with the record's figures filled in, the rule id only after it.
// A description may hold placeholders: {value} is the value of the rule's `field`, {NAME} the
// value of the variable NAME (rule_variables.h), e.g. "工业总产值 {value} 万元超过…".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"
#include "rules/rule_set.h"
#include "rules/rule_variables.h"

namespace zhizao {

// A figure as a message shows it, at most 18 characters: plain decimals rounded to four places
// from 0.0001 to below 10^12 ("1274.4", "0.0001"), else three significant digits in scientific
// form ("1e308", "-1.23e-300"); "inf", "-inf", "NaN"; "—" when missing. Pure.
std::string format_figure(std::optional<double> value);

// The placeholders of `text` that name neither "value" nor a rule variable, in order (empty when
// all are known). Only {name} with name of [a-z0-9_] counts as a placeholder; other braces are
// text. Pure.
std::vector<std::string> unknown_placeholders(std::string_view text);

// The value of the variable named `name`, or nullopt when it has none or no variable has that
// name. Pure.
std::optional<double> variable_value(const RuleValues& values, std::string_view name);

// The rule's description in `language` with its placeholders filled from `values`. Pure.
std::string rule_message(const Rule& rule, const RuleValues& values, Language language);

// rule_message followed by the rule id: "…（规则 ID）" in Chinese, "… (rule ID)" in English. Pure.
std::string rule_message_with_id(const Rule& rule, const RuleValues& values, Language language);

}  // namespace zhizao
