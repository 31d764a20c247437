// Parsing of warning rules files with toml++ (Debian's libtomlplusplus-dev), in the style of the
// audit rules (src/rules/rule_set.cc): every fault is collected, each `SOURCE:LINE: reason`.
#include "warnings/warning_rules.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "base/bounded_file.h"
#include "base/text.h"
#include "warnings/reason_template.h"
#include "warnings/warning_kinds.h"

namespace zhizao {
namespace {

using detail::KindSpec;
using detail::ParameterSpec;
using detail::ParameterType;

constexpr std::string_view kCommonKeys[] = {"id",      "level",     "kind",
                                            "subject", "reason_zh", "reason_en"};
constexpr std::string_view kCommonPlaceholders[] = {"name", "id", "period", "since", "whole"};

bool valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

class FaultList {
 public:
  explicit FaultList(std::string_view source) : source_(source) {}
  void add(const toml::source_region& where, std::string_view reason) {
    add(static_cast<int>(where.begin.line), reason);
  }
  void add(int line, std::string_view reason) {
    faults_.push_back(fmt::format("{}:{}: {}", source_, line, reason));
  }
  bool empty() const { return faults_.empty(); }
  std::string joined() const { return fmt::format("{}", fmt::join(faults_, "\n")); }

 private:
  std::string_view source_;
  std::vector<std::string> faults_;
};

std::optional<std::string> read_text(const toml::table& table, std::string_view key, bool required,
                                     std::string_view who, FaultList& faults) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) faults.add(table.source(), fmt::format("{}: missing key \"{}\"", who, key));
    return std::nullopt;
  }
  std::optional<std::string> value = node->value<std::string>();
  if (!value || trim(*value).empty()) {
    faults.add(node->source(), fmt::format("{}: \"{}\" must be a non-empty string", who, key));
    return std::nullopt;
  }
  return value;
}

std::optional<WarningLevel> level_named(std::string_view name) {
  if (name == "red") return WarningLevel::kRed;
  if (name == "orange") return WarningLevel::kOrange;
  if (name == "yellow") return WarningLevel::kYellow;
  if (name == "blue") return WarningLevel::kBlue;
  return std::nullopt;
}

// Reads the kind's parameters into `rule`; returns false after a fault.
bool read_parameters(const toml::table& table, const KindSpec& spec, std::string_view who,
                     WarningRule& rule, FaultList& faults) {
  bool ok = true;
  for (const ParameterSpec& parameter : spec.parameters) {
    const toml::node* node = table.get(parameter.name);
    if (node == nullptr) {
      if (!parameter.default_value) {
        faults.add(table.source(), fmt::format("{}: kind {} needs \"{}\" ({})", who, spec.name,
                                               parameter.name, parameter.meaning));
        ok = false;
      } else {
        rule.parameters[std::string(parameter.name)] = *parameter.default_value;
      }
      continue;
    }
    std::optional<double> value;
    if (parameter.type == ParameterType::kFlag) {
      if (std::optional<bool> flag = node->value_exact<bool>()) value = *flag ? 1.0 : 0.0;
    } else if (std::optional<int64_t> whole = node->value_exact<int64_t>()) {
      value = static_cast<double>(*whole);
    } else if (parameter.type == ParameterType::kNumber) {
      value = node->value_exact<double>();
    }
    const char* expected = parameter.type == ParameterType::kFlag    ? "true or false"
                           : parameter.type == ParameterType::kCount ? "a whole number"
                                                                     : "a number";
    if (!value || !std::isfinite(*value)) {
      faults.add(node->source(),
                 fmt::format("{}: \"{}\" must be {}", who, parameter.name, expected));
      ok = false;
      continue;
    }
    if (parameter.minimum && *value < *parameter.minimum) {
      faults.add(node->source(),
                 fmt::format("{}: \"{}\" must be at least {} ({})", who, parameter.name,
                             *parameter.minimum, parameter.meaning));
      ok = false;
      continue;
    }
    rule.parameters[std::string(parameter.name)] = *value;
  }
  return ok;
}

bool known_placeholder(std::string_view placeholder, const KindSpec& spec) {
  for (std::string_view name : kCommonPlaceholders) {
    if (placeholder == name) return true;
  }
  for (const ParameterSpec& parameter : spec.parameters) {
    if (placeholder == parameter.name) return true;
  }
  detail::PlaceholderName split = detail::split_placeholder(placeholder);
  return std::find(spec.figures.begin(), spec.figures.end(), split.base) != spec.figures.end();
}

bool placeholders_known(const toml::table& table, std::string_view key, const KindSpec& spec,
                        std::string_view who, FaultList& faults) {
  const toml::node* node = table.get(key);
  std::optional<std::string_view> text =
      node == nullptr ? std::nullopt : node->value<std::string_view>();
  if (!text) return true;
  bool ok = true;
  for (const std::string& placeholder : detail::template_placeholders(*text)) {
    if (known_placeholder(placeholder, spec)) continue;
    faults.add(node->source(),
               fmt::format("{}: unknown placeholder {{{}}} in {} (kind {} quotes {}, name, id, "
                           "period, since and its parameters)",
                           who, shorten_for_message(placeholder), key, spec.name,
                           fmt::join(spec.figures, ", ")));
    ok = false;
  }
  return ok;
}

std::optional<WarningRule> read_rule(const toml::table& table, FaultList& faults) {
  WarningRule rule;
  rule.line = static_cast<int>(table.source().begin.line);
  std::optional<std::string> id = read_text(table, "id", true, "warning", faults);
  std::string who =
      id ? fmt::format("warning {}", shorten_for_message(*id)) : std::string("warning");
  if (id && !valid_id(*id)) {
    faults.add(table.get("id")->source(),
               fmt::format("warning id \"{}\" must be lower-case letters, digits and _",
                           shorten_for_message(*id)));
    id.reset();
  }
  auto level = read_text(table, "level", true, who, faults);
  auto kind = read_text(table, "kind", true, who, faults);
  auto subject = read_text(table, "subject", false, who, faults);
  auto zh = read_text(table, "reason_zh", true, who, faults);
  auto en = read_text(table, "reason_en", false, who, faults);
  bool ok = id && level && kind && zh && (en || table.get("reason_en") == nullptr) &&
            (subject || table.get("subject") == nullptr);
  if (level && !level_named(*level)) {
    faults.add(table.get("level")->source(),
               fmt::format("{}: level must be \"red\", \"orange\", \"yellow\" or \"blue\", not "
                           "\"{}\"",
                           who, shorten_for_message(*level)));
    ok = false;
  }
  const KindSpec* spec = kind ? detail::find_kind_spec(*kind) : nullptr;
  if (kind && spec == nullptr) {
    std::vector<std::string_view> names;
    for (const KindSpec& s : detail::warning_kind_specs()) names.push_back(s.name);
    faults.add(table.get("kind")->source(),
               fmt::format("{}: unknown kind \"{}\" (kinds: {})", who, shorten_for_message(*kind),
                           fmt::join(names, ", ")));
    return std::nullopt;
  }
  if (spec == nullptr) return std::nullopt;
  for (auto&& [key, node] : table) {
    bool known = std::find(std::begin(kCommonKeys), std::end(kCommonKeys), key.str()) !=
                 std::end(kCommonKeys);
    for (const ParameterSpec& p : spec->parameters) known = known || key.str() == p.name;
    if (!known) {
      faults.add(key.source(), fmt::format("{}: unknown key \"{}\" for kind {}", who,
                                           shorten_for_message(key.str()), spec->name));
      ok = false;
    }
  }
  rule.subject = std::string(spec->subjects.front());
  if (subject) {
    if (std::find(spec->subjects.begin(), spec->subjects.end(), *subject) == spec->subjects.end()) {
      faults.add(table.get("subject")->source(),
                 fmt::format("{}: kind {} applies to {}, not \"{}\"", who, spec->name,
                             fmt::join(spec->subjects, ", "), shorten_for_message(*subject)));
      ok = false;
    } else {
      rule.subject = *subject;
    }
  }
  ok = read_parameters(table, *spec, who, rule, faults) && ok;
  for (std::string_view key : {"reason_zh", "reason_en"}) {
    ok = placeholders_known(table, key, *spec, who, faults) && ok;
  }
  if (!ok) return std::nullopt;
  rule.id = *id;
  rule.level = *level_named(*level);
  rule.kind = spec->kind;
  rule.reason_zh = *zh;
  rule.reason_en = en ? *en : *zh;
  return rule;
}

std::string one_line(std::string_view description) {
  std::string out;
  for (char c : shorten_for_message(description, 200)) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

double WarningRule::parameter(std::string_view name) const {
  auto found = parameters.find(name);
  return found == parameters.end() ? 0.0 : found->second;
}

Result<WarningRules> parse_warning_rules(std::string_view text, std::string_view source) {
  toml::table document;
  try {
    document = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return fail(Status::usage(
        fmt::format("{}:{}: {}", source, e.source().begin.line, one_line(e.description()))));
  }
  FaultList faults(source);
  for (auto&& [key, node] : document) {
    if (key.str() != "version" && key.str() != "warning") {
      faults.add(key.source(), fmt::format("unknown key \"{}\" (expected version, warning)",
                                           shorten_for_message(key.str())));
    }
  }
  if (const toml::node* version = document.get("version")) {
    std::optional<int64_t> v = version->value_exact<int64_t>();
    if (!v || *v != 1) faults.add(version->source(), "version must be 1");
  }
  WarningRules set;
  set.source = std::string(source);
  const toml::node* rules = document.get("warning");
  const toml::array* array = rules == nullptr ? nullptr : rules->as_array();
  if (rules == nullptr) {
    faults.add(1, "no rules: expected [[warning]] tables");
  } else if (array == nullptr || !array->is_array_of_tables()) {
    faults.add(rules->source(), "\"warning\" must be written as [[warning]] tables");
  } else {
    std::set<std::string, std::less<>> ids;
    for (const toml::node& node : *array) {
      std::optional<WarningRule> rule = read_rule(*node.as_table(), faults);
      if (!rule) continue;
      if (!ids.insert(rule->id).second) {
        faults.add(rule->line, fmt::format("warning {}: duplicate id", rule->id));
        continue;
      }
      set.rules.push_back(std::move(*rule));
    }
  }
  if (!faults.empty()) return fail(Status::usage(faults.joined()));
  return set;
}

Result<WarningRules> load_warning_rules(const std::string& path) {
  Result<std::string> text = read_bounded_file(path, kRulesFileMaxBytes, "warning rules file");
  if (!text) return fail(text.error());
  return parse_warning_rules(*text, path);
}

std::string_view warning_level_name(WarningLevel level) {
  switch (level) {
    case WarningLevel::kRed:
      return "red";
    case WarningLevel::kOrange:
      return "orange";
    case WarningLevel::kYellow:
      return "yellow";
    case WarningLevel::kBlue:
      return "blue";
  }
  return "blue";
}

std::string_view warning_level_name_zh(WarningLevel level) {
  switch (level) {
    case WarningLevel::kRed:
      return "一级（红色）";
    case WarningLevel::kOrange:
      return "二级（橙色）";
    case WarningLevel::kYellow:
      return "三级（黄色）";
    case WarningLevel::kBlue:
      return "四级（蓝色）";
  }
  return "四级（蓝色）";
}

}  // namespace zhizao
