// Parsing of rules files with toml++ (Debian's libtomlplusplus-dev, https://marzer.github.io/
// tomlplusplus/). toml++ throws toml::parse_error on syntax errors; it is caught here.
#include "rules/rule_set.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <set>

#include "base/bounded_file.h"
#include "base/text.h"
#include "rules/rule_evaluator.h"
#include "rules/rule_message.h"

namespace zhizao {
namespace {

constexpr std::string_view kRuleKeys[] = {
    "id",        "severity",       "field",          "expression",    "when_missing",
    "on_import", "physical_limit", "description_zh", "description_en"};

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Collects faults as `SOURCE:LINE: reason` lines.
class FaultList {
 public:
  explicit FaultList(std::string_view source) : source_(source) {}

  void add(const toml::source_region& where, std::string_view reason) {
    faults_.push_back(fmt::format("{}:{}: {}", source_, where.begin.line, reason));
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

// Reads the string `key` of `table`; a missing key is a fault when `required`.
enum class Presence { kRequired, kOptional };
std::optional<std::string> read_string(const toml::table& table, std::string_view key,
                                       Presence presence, std::string_view rule_name,
                                       FaultList& faults) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (presence == Presence::kRequired) {
      faults.add(table.source(), fmt::format("{}: missing key \"{}\"", rule_name, key));
    }
    return std::nullopt;
  }
  std::optional<std::string> value = node->value<std::string>();
  if (!value || (presence == Presence::kRequired && trim(*value).empty())) {
    faults.add(node->source(),
               fmt::format("{}: \"{}\" must be a non-empty string", rule_name, key));
    return std::nullopt;
  }
  return value;
}

// Reads on_import and physical_limit into `rule`. Returns false after a fault.
bool read_import_settings(const toml::table& table, std::string_view name,
                          const std::optional<std::string>& on_import, Rule& rule,
                          FaultList& faults) {
  bool ok = true;
  if (on_import) {
    if (*on_import == "ignore") {
      rule.on_import = ImportAction::kIgnore;
    } else if (*on_import == "warn") {
      rule.on_import = ImportAction::kWarn;
    } else if (*on_import == "refuse") {
      rule.on_import = ImportAction::kRefuse;
    } else {
      faults.add(table.get("on_import")->source(),
                 fmt::format("{}: on_import must be \"refuse\", \"warn\" or \"ignore\", not \"{}\"",
                             name, shorten_for_message(*on_import)));
      ok = false;
    }
  }
  if (const toml::node* node = table.get("physical_limit")) {
    std::optional<bool> value = node->value<bool>();
    if (!value) {
      faults.add(node->source(), fmt::format("{}: physical_limit must be true or false", name));
      ok = false;
    } else {
      rule.physical_limit = *value;
      const toml::node* severity = table.get("severity");
      if (*value && severity != nullptr && severity->value<std::string>() != "hard") {
        faults.add(node->source(), fmt::format("{}: a physical limit must be hard", name));
        ok = false;
      }
    }
  }
  return ok;
}

// Faults every unknown {placeholder} of the description `key`; {value} needs a field that is a
// variable. Returns false after a fault.
bool placeholders_known(const toml::table& table, std::string_view key, std::string_view name,
                        const std::optional<std::string>& field, FaultList& faults) {
  const toml::node* node = table.get(key);
  std::optional<std::string_view> text =
      node == nullptr ? std::nullopt : node->value<std::string_view>();
  if (!text) return true;  // read_string reports a missing or mistyped description
  bool ok = true;
  for (const std::string& unknown : unknown_placeholders(*text)) {
    faults.add(node->source(), fmt::format("{}: unknown placeholder {{{}}} in {}", name,
                                           shorten_for_message(unknown), key));
    ok = false;
  }
  if (field && text->find("{value}") != std::string_view::npos) {
    bool variable = false;
    for (std::string_view v : rule_variable_names()) variable = variable || v == *field;
    if (!variable) {
      faults.add(node->source(),
                 fmt::format("{}: {{value}} needs a field that is a variable, not \"{}\"", name,
                             shorten_for_message(*field)));
      ok = false;
    }
  }
  return ok;
}

std::optional<Rule> read_rule(const toml::table& table, FaultList& faults) {
  Rule rule;
  rule.line = static_cast<int>(table.source().begin.line);
  std::optional<std::string> id = read_string(table, "id", Presence::kRequired, "rule", faults);
  std::string name = id ? fmt::format("rule {}", shorten_for_message(*id)) : std::string("rule");
  for (auto&& [key, node] : table) {
    bool known = false;
    for (std::string_view k : kRuleKeys) known = known || key.str() == k;
    if (!known)
      faults.add(key.source(),
                 fmt::format("{}: unknown key \"{}\"", name, shorten_for_message(key.str())));
  }
  if (id && !valid_id(*id)) {
    faults.add(table.get("id")->source(),
               fmt::format("rule id \"{}\" must be lower-case letters, digits and _",
                           shorten_for_message(*id)));
  }
  auto severity = read_string(table, "severity", Presence::kRequired, name, faults);
  auto field = read_string(table, "field", Presence::kRequired, name, faults);
  auto expression = read_string(table, "expression", Presence::kRequired, name, faults);
  auto zh = read_string(table, "description_zh", Presence::kRequired, name, faults);
  auto en = read_string(table, "description_en", Presence::kOptional, name, faults);
  auto missing = read_string(table, "when_missing", Presence::kOptional, name, faults);
  auto on_import = read_string(table, "on_import", Presence::kOptional, name, faults);
  bool ok = id && severity && field && expression && zh;
  ok = read_import_settings(table, name, on_import, rule, faults) && ok;
  for (std::string_view key : {"description_zh", "description_en"}) {
    ok = placeholders_known(table, key, name, field, faults) && ok;
  }
  if (severity) {
    if (*severity == "hard") {
      rule.severity = Severity::kHard;
    } else if (*severity == "soft") {
      rule.severity = Severity::kSoft;
    } else {
      faults.add(table.get("severity")->source(),
                 fmt::format("{}: severity must be \"hard\" or \"soft\", not \"{}\"", name,
                             shorten_for_message(*severity)));
      ok = false;
    }
  }
  if (missing) {
    if (*missing == "skip") {
      rule.when_missing = MissingPolicy::kSkip;
    } else if (*missing == "fail") {
      rule.when_missing = MissingPolicy::kFail;
    } else if (*missing == "pass") {
      rule.when_missing = MissingPolicy::kPass;
    } else {
      faults.add(table.get("when_missing")->source(),
                 fmt::format("{}: when_missing must be \"skip\", \"fail\" or \"pass\", not \"{}\"",
                             name, shorten_for_message(*missing)));
      ok = false;
    }
  }
  if (expression) {
    std::string reason = expression_error(*expression);
    if (!reason.empty()) {
      faults.add(table.get("expression")->source(),
                 fmt::format("{}: expression \"{}\": {}", name, shorten_for_message(*expression),
                             shorten_for_message(reason)));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  rule.id = *id;
  rule.field = *field;
  rule.expression = *expression;
  rule.description_zh = *zh;
  rule.description_en = en ? *en : *zh;
  return rule;
}

// toml++'s description of a syntax error on one line: it may quote the offending input whole,
// line breaks included ("expected 'true', saw 't\n'"), and every fault is one
// "SOURCE:LINE: reason" line.
std::string one_line(std::string_view description) {
  std::string out;
  for (char c : shorten_for_message(description, 200)) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<RuleSet> parse_rule_set(std::string_view text, std::string_view source) {
  toml::table document;
  try {
    document = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return fail(Status::invalid_data(
        fmt::format("{}:{}: {}", source, e.source().begin.line, one_line(e.description()))));
  }
  FaultList faults(source);
  for (auto&& [key, node] : document) {
    if (key.str() != "version" && key.str() != "rule") {
      faults.add(key.source(), fmt::format("unknown key \"{}\" (expected version, rule)",
                                           shorten_for_message(key.str())));
    }
  }
  if (const toml::node* version = document.get("version")) {
    std::optional<int64_t> v = version->value<int64_t>();
    if (!v || *v != 1) faults.add(version->source(), "version must be 1");
  }
  RuleSet set;
  set.source = std::string(source);
  const toml::node* rules = document.get("rule");
  const toml::array* array = rules == nullptr ? nullptr : rules->as_array();
  if (rules == nullptr) {
    faults.add(1, "no rules: expected [[rule]] tables");
  } else if (array == nullptr || !array->is_array_of_tables()) {
    faults.add(rules->source(), "\"rule\" must be written as [[rule]] tables");
  } else {
    std::set<std::string, std::less<>> ids;
    for (const toml::node& node : *array) {
      std::optional<Rule> rule = read_rule(*node.as_table(), faults);
      if (!rule) continue;
      if (!ids.insert(rule->id).second) {
        faults.add(rule->line, fmt::format("rule {}: duplicate id", rule->id));
        continue;
      }
      set.rules.push_back(std::move(*rule));
    }
  }
  if (!faults.empty()) return fail(Status::invalid_data(faults.joined()));
  return set;
}

Result<RuleSet> load_rule_set(const std::string& path) {
  Result<std::string> text = read_bounded_file(path, kRulesFileMaxBytes, "rules file");
  if (!text) return fail(text.error());
  return parse_rule_set(*text, path);
}

const RuleSet& default_rule_set() {
  static const RuleSet kDefault = [] {
    Result<RuleSet> parsed = parse_rule_set(default_rules_text(), "default");
    return parsed ? *std::move(parsed) : RuleSet{"default", {}};
  }();
  return kDefault;
}

const Rule* find_rule(const RuleSet& set, std::string_view id) {
  for (const Rule& rule : set.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace zhizao
