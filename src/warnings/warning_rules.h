// Early-warning rules (预警规则) as data: a TOML file the bureau edits, each rule a kind of trouble
// with its own thresholds, a level of the national four-level scheme and a reason template in
// Chinese and English (docs/methodology.md, "Early warnings"). The defaults ship inside the
// binary from rules/default_warnings.toml; a bureau passes its own with --warning-rules FILE.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "engine/v2_figures.h"

namespace zhizao {

// What a rule looks at; each kind reads its own figures (docs/methodology.md).
enum class WarningKind {
  kOutputFalling,         // an enterprise's output below last year's N months in a row
  kKeyBelowBand,          // a key enterprise's output growth over the window below a band
  kNegativePull,          // a division's or county's pull below −X points
  kBehindCity,            // a county (park, chain) growing Y points slower than the whole
  kProjectLagging,        // a lagging project more than D days late
  kTargetPace,            // a target's needed pace above factor × the achieved one
  kElectricityDiverging,  // a division's or county's electricity falling while output rises
  kCampaignBehind,        // a campaign's investment behind its time progress by P points
  kCaseOverdue,           // an enterprise's case (诉求) open more than D days past its deadline
  // The flood-season safety checks (docs/safety.md "Warnings"), evaluated when the safety part
  // joins a report (warnings/safety_rule_warnings.h), not by compute_warnings:
  kSafetyHazardOverdue,   // a hazard (隐患) of a level open more than D days past its deadline
  kSafetyPlanUnfinished,  // a plan past its end with coverage below C %
  kSafetyPlanBehind,      // a running plan whose coverage is more than P points behind time
};

// One rule of the file. Parameters are the kind's own (warning_kinds.cc lists them), all numbers;
// a parameter the file leaves out has the kind's default.
struct WarningRule {
  std::string id;  // [a-z0-9_]+, unique in its set
  WarningLevel level = WarningLevel::kBlue;
  WarningKind kind = WarningKind::kOutputFalling;
  std::string subject;  // for the kinds that apply to several sets: division, region, park, chain
  std::map<std::string, double, std::less<>> parameters;
  std::string reason_zh;  // template with {placeholders}
  std::string reason_en;
  int line = 0;  // line of the rule's [[warning]] header, for messages

  // The parameter `name` (validated by the parser, so always present after parsing).
  double parameter(std::string_view name) const;
};

// A validated list of rules, in file order. A plain value; thread-compatible.
struct WarningRules {
  std::string source;  // file name, or "default" for the compiled-in rules
  std::vector<WarningRule> rules;
};

// Parses a warning rules file's text. Errors: kUsage (exit 1, as the issue asks of a bad rules
// file) with one line per fault, each `SOURCE:LINE: reason`: TOML syntax, unknown or missing
// keys, wrong types, duplicate ids, an unknown level, kind or subject, a parameter out of range,
// templates with {placeholders} the kind does not know.
Result<WarningRules> parse_warning_rules(std::string_view text, std::string_view source);

// Reads and parses the file at `path`. Errors: kNotFound / kIoError when it cannot be read
// (message "cannot read warning rules file: PATH"); kInvalidData when it is larger than
// kRulesFileMaxBytes (1 MiB) or not a regular file (base/bounded_file.h); otherwise as
// parse_warning_rules.
Result<WarningRules> load_warning_rules(const std::string& path);

// The text of rules/default_warnings.toml, compiled into the binary.
std::string_view default_warnings_text();

// The compiled-in default rules, parsed once (thread-safe). The default file is tested, so this
// does not fail; were it broken, the set would be empty.
std::shared_ptr<const WarningRules> default_warning_rules();

// The rules the reports of this process use (ReportInput::report → complete_v2_figures): the
// defaults until install_warning_rules is called. Thread-safe; the returned pointer stays valid
// however often the rules are replaced.
std::shared_ptr<const WarningRules> active_warning_rules();

// Makes `rules` the rules of every later report of this process (the CLI's and the server's
// --warning-rules FILE, read once at start-up); null restores the defaults. Thread-safe.
void install_warning_rules(std::shared_ptr<const WarningRules> rules);

// Returns "red", "orange", "yellow" or "blue".
std::string_view warning_level_name(WarningLevel level);

// Returns the level's name in the national scheme: "一级（红色）" … "四级（蓝色）".
std::string_view warning_level_name_zh(WarningLevel level);

}  // namespace zhizao
