// The variables an audit rule may read (docs/rules.md, "Variables"): the record itself, the same
// month of last year and the previous month, and year-to-date sums. A value that does not exist
// for a record is std::nullopt, and a rule reading it is "missing" for that record.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "domain/records.h"
#include "store/enterprise_profiles.h"

namespace zhizao {

enum class RuleVariable : std::size_t {
  kYear,
  kMonth,
  kInScope,  // 1 or 0
  kOutput,
  kValueAdded,
  kElectricity,
  kOutputPrev,  // as reported in the record (上年同期)
  kValueAddedPrev,
  kElectricityPrev,
  kLyOutput,  // same month of last year: the reported _prev, else the stored month m−12
  kLyValueAdded,
  kLyElectricity,
  kPmOutput,  // the stored previous month (m−1)
  kPmValueAdded,
  kPmElectricity,
  kCumOutput,  // months 1..m of the year (January may be folded into February)
  kCumValueAdded,
  kCumElectricity,
  kPmCumOutput,  // months 1..m−1
  kPmCumValueAdded,
  kPmCumElectricity,
  kDivision,  // the enterprise's GB/T 4754-2017 division as a number (06 → 6)
  kKey,       // 1 for a key enterprise (重点企业), else 0
  kCount,
};

inline constexpr std::size_t kRuleVariableCount = static_cast<std::size_t>(RuleVariable::kCount);

// Names as written in expressions, indexed by RuleVariable: "year", "month", "in_scope",
// "output", ..., "ly_output", ..., "pm_output", ..., "cum_output", ..., "pm_cum_output", ...,
// "division", "key".
std::span<const std::string_view, kRuleVariableCount> rule_variable_names();

// The values of every variable for one record.
struct RuleValues {
  std::array<std::optional<double>, kRuleVariableCount> values;

  std::optional<double>& operator[](RuleVariable v) { return values[static_cast<std::size_t>(v)]; }
  const std::optional<double>& operator[](RuleVariable v) const {
    return values[static_cast<std::size_t>(v)];
  }
};

// Computes the variables of `record` given `history`, the stored months of the same enterprise
// sorted by period (it may contain the record's own period, which `record` overrides). Months of
// other enterprises in `history` are a precondition violation (ignored). `has_output` false
// leaves output (and the sums that need it) missing. The enterprise's variables (division, key)
// are missing. Pure; thread-safe.
enum class OutputPresence { kPresent, kAbsent };
RuleValues rule_values(const MonthlyRecord& record, std::span<const MonthlyRecord> history,
                       OutputPresence output = OutputPresence::kPresent);

// A set of variables, indexed by RuleVariable.
using RuleVariableSet = std::bitset<kRuleVariableCount>;

// What else rule_values may know of a record.
struct RuleContext {
  // The record's enterprise, for `division` and `key`; both are missing when null. Not owned.
  const EnterpriseProfile* enterprise = nullptr;
  OutputPresence output = OutputPresence::kPresent;
  // The variables to compute (those the rules read, RuleEvaluator::needed_variables()); the
  // others are left missing, so that an import of millions of records sums no year to date that
  // no rule reads. All by default.
  RuleVariableSet needed = RuleVariableSet().set();
};

// As above, with the enterprise's variables and only the `needed` ones.
RuleValues rule_values(const MonthlyRecord& record, std::span<const MonthlyRecord> history,
                       const RuleContext& context);

// As above, for a history held as pointers sorted by period (e.g. one enterprise's run of a file
// taken in key order, without copying its records). Null pointers are not allowed.
RuleValues rule_values(const MonthlyRecord& record, std::span<const MonthlyRecord* const> history,
                       const RuleContext& context);

}  // namespace zhizao
