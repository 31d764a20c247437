// The enterprise rules: runs of months whose output fell below last year's (output_falling) and
// key enterprises below a growth band (key_below_band). One pass over the scope's enterprises;
// each walks back from the period's month only while some rule's run is still going, so an
// enterprise whose output grew in that month costs one month's read.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "warnings/warning_evaluators.h"

namespace zhizao::detail {
namespace {

// A month's own output growth: 100 × (output / prev_output − 1), prev_output = output_prev, else
// the output of month m − 12 (data contract, "Indicator definitions").
enum class MonthState { kGrowth, kBreak, kPassOver };
struct MonthReading {
  MonthState state = MonthState::kBreak;
  double growth = 0;
  double output = 0;
  double previous = 0;
};

class OutputReader {
 public:
  explicit OutputReader(const MonthlyColumns& columns)
      : columns_(columns),
        output_(columns.column(MonthlyColumn::kOutput)),
        output_prev_(columns.column(MonthlyColumn::kOutputPrev)) {}

  // The enterprise's reading of `month`. A month without a comparable pair (not in scope, no
  // previous output, previous output 0) breaks a run, except a January without a record when
  // February has one: January is then reported inside February's row and is passed over.
  MonthReading read(std::size_t enterprise, int month_index) const {
    std::ptrdiff_t at = columns_.offset(month_index, enterprise);
    if (at < 0) return {};
    RecordPresence presence = columns_.presence[at];
    if (presence == RecordPresence::kNone) {
      std::ptrdiff_t february = columns_.offset(month_index + 1, enterprise);
      bool folded = YearMonth::from_index(month_index).month == 1 && february >= 0 &&
                    columns_.presence[february] != RecordPresence::kNone;
      return {folded ? MonthState::kPassOver : MonthState::kBreak, 0, 0, 0};
    }
    if (presence != RecordPresence::kInScope || std::isnan(output_[at])) return {};
    double previous = output_prev_[at];
    if (std::isnan(previous)) {
      std::ptrdiff_t year_ago = columns_.offset(month_index - 12, enterprise);
      if (year_ago < 0 || columns_.presence[year_ago] == RecordPresence::kNone) return {};
      previous = output_[year_ago];
    }
    if (std::isnan(previous) || previous <= 0) return {};
    return {MonthState::kGrowth, 100.0 * (output_[at] / previous - 1.0), output_[at], previous};
  }

  int first_month() const { return columns_.first_month; }

 private:
  const MonthlyColumns& columns_;
  const double* output_;
  const double* output_prev_;
};

// A run of months, counted back from the period, whose growth stays below `below`.
struct Run {
  double below = 0;
  int months = 0;
  std::optional<YearMonth> since;
  bool alive = true;
};

// Counts the runs of `runs` for one enterprise; returns the period's own reading.
MonthReading count_runs(const OutputReader& reader, std::size_t enterprise, int period_index,
                        std::vector<Run>& runs) {
  MonthReading at_period;
  bool any_alive = !runs.empty();
  for (int m = period_index; any_alive && m >= reader.first_month(); --m) {
    MonthReading reading = reader.read(enterprise, m);
    if (m == period_index) at_period = reading;
    if (reading.state == MonthState::kPassOver) continue;
    any_alive = false;
    for (Run& run : runs) {
      if (!run.alive) continue;
      if (reading.state == MonthState::kGrowth && reading.growth < run.below) {
        ++run.months;
        run.since = YearMonth::from_index(m);
        any_alive = true;
      } else {
        run.alive = false;
      }
    }
  }
  return at_period;
}

// What every enterprise's evaluation reads: the rules split by kind, their lines, the key
// enterprises' figures by USCC. Read-only once built, so both halves of the enterprises share it.
struct EnterpriseRules {
  std::vector<const WarningRule*> falling;
  std::vector<const WarningRule*> band;
  std::vector<double> falling_below;  // the lines read once, not per enterprise (a map lookup each)
  std::unordered_map<std::string_view, const KeyEnterpriseFigures*> key_figures;
};

// Appends the warnings of enterprises [from, to) to `out`, in enterprise order.
void add_warnings_of_range(const IndexedDataset& records, const RegionScope& scope,
                           int period_index, const EnterpriseRules& rules, std::size_t from,
                           std::size_t to, std::vector<Warning>& out) {
  const MonthlyColumns& columns = records.columns();
  OutputReader reader(columns);
  std::span<const Enterprise> enterprises = records.enterprises();
  std::vector<Run> runs;
  std::vector<const WarningRule*> band_raised;
  for (std::size_t e = from; e < to; ++e) {
    std::ptrdiff_t at = columns.offset(period_index, e);
    bool present = at >= 0 && columns.presence[at] == RecordPresence::kInScope;
    const Enterprise& enterprise = enterprises[e];
    const KeyEnterpriseFigures* key_figure = nullptr;
    if (enterprise.key && !rules.band.empty()) {
      auto found = rules.key_figures.find(enterprise.uscc);
      if (found != rules.key_figures.end()) key_figure = found->second;
    }
    if (!present && key_figure == nullptr) continue;
    if (!scope.contains(enterprise.region)) continue;
    runs.clear();
    for (double below : rules.falling_below) runs.push_back(Run{below, 0, std::nullopt, true});
    band_raised.clear();
    if (key_figure != nullptr && key_figure->output_growth) {
      for (const WarningRule* rule : rules.band) {
        if (*key_figure->output_growth < rule->parameter("below")) {
          band_raised.push_back(rule);
          runs.push_back(Run{rule->parameter("below"), 0, std::nullopt, true});
        }
      }
    }
    if (runs.empty()) continue;
    MonthReading now = count_runs(reader, e, period_index, runs);
    for (std::size_t r = 0; r < rules.falling.size(); ++r) {
      const WarningRule& rule = *rules.falling[r];
      if (runs[r].months < static_cast<int>(rule.parameter("months"))) continue;
      if (now.output < rule.parameter("min_output")) continue;
      if (rule.parameter("key_only") != 0 && !enterprise.key) continue;
      Warning w = warning_of(rule, "enterprise", enterprise.uscc, enterprise.name);
      w.figures = {{"months", runs[r].months},
                   {"growth", now.growth},
                   {"output", now.output},
                   {"output_prev", now.previous}};
      w.since = runs[r].since;
      out.push_back(std::move(w));
    }
    for (std::size_t b = 0; b < band_raised.size(); ++b) {
      const Run& run = runs[rules.falling.size() + b];
      Warning w = warning_of(*band_raised[b], "enterprise", enterprise.uscc, enterprise.name);
      w.figures = {{"growth", *key_figure->output_growth}, {"months", run.months}};
      w.since = run.since;
      out.push_back(std::move(w));
    }
  }
}

// From this many enterprises the two halves are evaluated on two threads (as the engine's
// per-enterprise figures, engine/scoped_enterprises.cc); the second half's warnings are appended
// after the first's, so the order is the one-thread order.
constexpr std::size_t kParallelFrom = 20'000;

}  // namespace

void add_enterprise_warnings(const IndexedDataset& records, const RegionScope& scope,
                             YearMonth period, const KeyEnterprises& key,
                             std::span<const WarningRule* const> rules, std::vector<Warning>& out) {
  EnterpriseRules split;
  for (const WarningRule* rule : rules) {
    if (rule->kind == WarningKind::kOutputFalling) split.falling.push_back(rule);
    if (rule->kind == WarningKind::kKeyBelowBand) split.band.push_back(rule);
  }
  if (split.falling.empty() && split.band.empty()) return;
  for (const WarningRule* rule : split.falling) {
    split.falling_below.push_back(rule->parameter("below"));
  }
  for (const KeyEnterpriseFigures& e : key.enterprises) split.key_figures.emplace(e.uscc, &e);

  const MonthlyColumns& columns = records.columns();
  const int period_index = period.index();
  std::ptrdiff_t probe = columns.offset(period_index, 0);
  if (probe < 0 && split.band.empty()) return;  // no records of the period: no run can end there
  const std::size_t n = std::min(records.enterprises().size(), columns.enterprises);
  if (n < kParallelFrom || std::thread::hardware_concurrency() < 2) {
    add_warnings_of_range(records, scope, period_index, split, 0, n, out);
    return;
  }
  std::vector<Warning> second_half;
  {
    std::jthread second(
        [&] { add_warnings_of_range(records, scope, period_index, split, n / 2, n, second_half); });
    add_warnings_of_range(records, scope, period_index, split, 0, n / 2, out);
  }
  out.insert(out.end(), std::make_move_iterator(second_half.begin()),
             std::make_move_iterator(second_half.end()));
}

Warning warning_of(const WarningRule& rule, std::string subject_kind, std::string subject_id,
                   std::string subject_name) {
  Warning w;
  w.level = rule.level;
  w.rule = rule.id;
  w.subject_kind = std::move(subject_kind);
  w.subject_id = std::move(subject_id);
  w.subject_name = std::move(subject_name);
  return w;
}

}  // namespace zhizao::detail
