// The variables of audit rules, computed from a record and its enterprise's stored months.
#include "rules/rule_variables.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace zhizao {
namespace {

constexpr std::array<std::string_view, kRuleVariableCount> kNames = {
    "year",
    "month",
    "in_scope",
    "output",
    "value_added",
    "electricity",
    "output_prev",
    "value_added_prev",
    "electricity_prev",
    "ly_output",
    "ly_value_added",
    "ly_electricity",
    "pm_output",
    "pm_value_added",
    "pm_electricity",
    "cum_output",
    "cum_value_added",
    "cum_electricity",
    "pm_cum_output",
    "pm_cum_value_added",
    "pm_cum_electricity",
    "division",
    "key",
};

// The three measures a record carries, for the ly_/pm_/cum_ families.
enum class Measure { kOutput, kValueAdded, kElectricity };
constexpr std::array kMeasures = {Measure::kOutput, Measure::kValueAdded, Measure::kElectricity};

std::optional<double> current_value(const MonthlyRecord& r, Measure m) {
  switch (m) {
    case Measure::kOutput:
      return r.output;
    case Measure::kValueAdded:
      return r.value_added;
    case Measure::kElectricity:
      return r.electricity;
  }
  return std::nullopt;
}

std::optional<double> reported_prev(const MonthlyRecord& r, Measure m) {
  switch (m) {
    case Measure::kOutput:
      return r.output_prev;
    case Measure::kValueAdded:
      return r.value_added_prev;
    case Measure::kElectricity:
      return r.electricity_prev;
  }
  return std::nullopt;
}

const MonthlyRecord& deref(const MonthlyRecord& r) { return r; }
const MonthlyRecord& deref(const MonthlyRecord* r) { return *r; }

// The history of one enterprise, with the record under audit standing in for its own month.
// `Item` is MonthlyRecord or const MonthlyRecord*.
template <typename Item>
class MonthLookup {
 public:
  MonthLookup(const MonthlyRecord& record, std::span<const Item> history, OutputPresence output)
      : record_(record), history_(history), output_(output) {}

  // The value of measure `m` in `period`, or nullopt when the month or the value is missing.
  std::optional<double> value(YearMonth period, Measure m) const {
    if (period == record_.period) {
      if (m == Measure::kOutput && output_ == OutputPresence::kAbsent) return std::nullopt;
      return current_value(record_, m);
    }
    const MonthlyRecord* stored = find(period);
    return stored == nullptr ? std::nullopt : current_value(*stored, m);
  }

  bool has_month(YearMonth period) const {
    return period == record_.period || find(period) != nullptr;
  }

  // Σ of months 1..last of `last`'s year. January may be absent when February is present (the
  // two reported together in February, data contract); any other gap makes the sum missing.
  std::optional<double> year_to_date(YearMonth last, Measure m) const {
    if (last.month < 1) return std::nullopt;
    double sum = 0;
    for (int month = 1; month <= last.month; ++month) {
      YearMonth period{last.year, month};
      if (month == 1 && !has_month(period) && last.month >= 2 && has_month({last.year, 2})) {
        continue;
      }
      std::optional<double> v = value(period, m);
      if (!v) return std::nullopt;
      sum += *v;
    }
    return sum;
  }

 private:
  // The stored record of `period`, remembered for the next call: the ly_ values of value added
  // and electricity, when not reported, both read last year's month.
  const MonthlyRecord* find(YearMonth period) const {
    if (!found_period_ || *found_period_ != period) {
      found_ = search(period);
      found_period_ = period;
    }
    return found_;
  }

  const MonthlyRecord* search(YearMonth period) const {
    auto it =
        std::lower_bound(history_.begin(), history_.end(), period,
                         [](const Item& item, YearMonth p) { return deref(item).period < p; });
    // Tolerate unsorted or mixed input: fall back to a scan when the binary search misses.
    if (it != history_.end() && deref(*it).period == period && deref(*it).uscc == record_.uscc) {
      return &deref(*it);
    }
    for (const Item& item : history_) {
      const MonthlyRecord& r = deref(item);
      if (r.period == period && r.uscc == record_.uscc) return &r;
    }
    return nullptr;
  }

  const MonthlyRecord& record_;
  std::span<const Item> history_;
  OutputPresence output_;
  mutable std::optional<YearMonth> found_period_;
  mutable const MonthlyRecord* found_ = nullptr;
};

RuleVariable offset(RuleVariable base, std::size_t by) {
  return static_cast<RuleVariable>(static_cast<std::size_t>(base) + by);
}

// The division code as a number ("06" → 6), or nullopt when it is not two digits.
std::optional<double> division_number(std::string_view division) {
  int number = 0;
  auto [end, error] = std::from_chars(division.data(), division.data() + division.size(), number);
  if (division.size() != 2 || error != std::errc() || end != division.data() + division.size()) {
    return std::nullopt;
  }
  return number;
}

template <typename Item>
RuleValues values_of(const MonthlyRecord& record, std::span<const Item> history,
                     const RuleContext& context) {
  MonthLookup<Item> lookup(record, history, context.output);
  const RuleVariableSet& needed = context.needed;
  auto wanted = [&](RuleVariable v) { return needed.test(static_cast<std::size_t>(v)); };
  RuleValues v;
  v[RuleVariable::kYear] = record.period.year;
  v[RuleVariable::kMonth] = record.period.month;
  v[RuleVariable::kInScope] = record.in_scope ? 1.0 : 0.0;
  if (context.enterprise != nullptr) {
    v[RuleVariable::kDivision] = division_number(context.enterprise->division);
    v[RuleVariable::kKey] = context.enterprise->key ? 1.0 : 0.0;
  }
  const YearMonth last_year = record.period.plus_months(-12);
  const YearMonth previous = record.period.plus_months(-1);
  for (std::size_t i = 0; i < kMeasures.size(); ++i) {
    const Measure m = kMeasures[i];
    v[offset(RuleVariable::kOutput, i)] = lookup.value(record.period, m);
    v[offset(RuleVariable::kOutputPrev, i)] = reported_prev(record, m);
    // As the data contract's prev_output: the reported value first, else the stored month.
    std::optional<double> ly = reported_prev(record, m);
    if (wanted(offset(RuleVariable::kLyOutput, i))) {
      v[offset(RuleVariable::kLyOutput, i)] = ly ? ly : lookup.value(last_year, m);
    }
    if (wanted(offset(RuleVariable::kPmOutput, i))) {
      v[offset(RuleVariable::kPmOutput, i)] = lookup.value(previous, m);
    }
    if (wanted(offset(RuleVariable::kCumOutput, i))) {
      v[offset(RuleVariable::kCumOutput, i)] = lookup.year_to_date(record.period, m);
    }
    if (wanted(offset(RuleVariable::kPmCumOutput, i)) && record.period.month > 1) {
      v[offset(RuleVariable::kPmCumOutput, i)] = lookup.year_to_date(previous, m);
    }
  }
  return v;
}

}  // namespace

std::span<const std::string_view, kRuleVariableCount> rule_variable_names() { return kNames; }

RuleValues rule_values(const MonthlyRecord& record, std::span<const MonthlyRecord> history,
                       OutputPresence output) {
  RuleContext context;
  context.output = output;
  return rule_values(record, history, context);
}

RuleValues rule_values(const MonthlyRecord& record, std::span<const MonthlyRecord> history,
                       const RuleContext& context) {
  return values_of<MonthlyRecord>(record, history, context);
}

RuleValues rule_values(const MonthlyRecord& record, std::span<const MonthlyRecord* const> history,
                       const RuleContext& context) {
  return values_of<const MonthlyRecord*>(record, history, context);
}

}  // namespace zhizao
