// Parsing the quality thresholds file with toml++ (https://marzer.github.io/tomlplusplus/), which
// throws toml::parse_error on a syntax error; it is caught here and becomes a value.
#include "quality/quality_thresholds.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <functional>
#include <vector>

#include "base/bounded_file.h"

namespace zhizao {
namespace {

// One threshold: its table and key, where it goes, and its lower bound (exclusive unless
// `inclusive`).
struct Knob {
  std::string_view table;
  std::string_view key;
  std::function<void(QualityThresholds&, double)> set;
  double minimum;
  bool integral;
};

std::vector<Knob> knobs() {
  auto real = [](double QualityThresholds::*member) {
    return [member](QualityThresholds& t, double v) { t.*member = v; };
  };
  auto whole = [](int QualityThresholds::*member) {
    return [member](QualityThresholds& t, double v) { t.*member = static_cast<int>(v); };
  };
  using T = QualityThresholds;
  return {
      {"electricity_divergence", "band", real(&T::divergence_band), 1, false},
      {"electricity_divergence", "min_output", real(&T::divergence_min_output), -1e-300, false},
      {"value_added_ratio", "robust_z", real(&T::ratio_robust_z), 0, false},
      {"value_added_ratio", "min_enterprises", whole(&T::ratio_min_enterprises), 2, true},
      {"value_added_ratio", "mad_floor", real(&T::ratio_mad_floor), 0, false},
      {"copied_last_year", "min_months", whole(&T::copied_min_months), 0, true},
      {"constant_series", "min_months", whole(&T::constant_min_months), 1, true},
      {"unexplained_jump", "factor", real(&T::jump_factor), 1, false},
      {"unexplained_jump", "follow", real(&T::jump_follow), 1, false},
      {"unexplained_jump", "history", whole(&T::jump_history), 0, true},
      {"unexplained_jump", "min_history", whole(&T::jump_min_history), 0, true},
      {"digits", "alpha", real(&T::digit_alpha), 0, false},
      {"benford_first_digit", "min_figures", whole(&T::benford_min_figures), 9, true},
      {"benford_first_digit", "min_orders", real(&T::benford_min_orders), 0, false},
      {"last_digit_uniformity", "min_figures", whole(&T::last_digit_min_figures), 9, true},
  };
}

std::string at(const std::string& source, const toml::source_region& where) {
  return fmt::format("{}:{}", source, where.begin.line);
}

}  // namespace

Result<QualityThresholds> parse_quality_thresholds(std::string_view toml_text,
                                                   const std::string& source) {
  toml::table document;
  try {
    document = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    return fail(Status::invalid_data(
        fmt::format("{}:{}: {}", source, e.source().begin.line, std::string(e.description()))));
  }
  QualityThresholds thresholds;
  const std::vector<Knob> all = knobs();
  std::vector<std::string> faults;
  for (auto&& [table_name, node] : document) {
    const toml::table* table = node.as_table();
    bool known_table = false;
    for (const Knob& knob : all) known_table = known_table || knob.table == table_name.str();
    if (table == nullptr || !known_table) {
      faults.push_back(fmt::format("{}: unknown table \"{}\"", at(source, table_name.source()),
                                   table_name.str()));
      continue;
    }
    for (auto&& [key, value] : *table) {
      const Knob* found = nullptr;
      for (const Knob& knob : all) {
        if (knob.table == table_name.str() && knob.key == key.str()) found = &knob;
      }
      if (found == nullptr) {
        faults.push_back(fmt::format("{}: unknown key \"{}\" in [{}]", at(source, key.source()),
                                     key.str(), table_name.str()));
        continue;
      }
      std::optional<double> number = value.value<double>();
      bool whole_ok = !found->integral || value.is_integer();
      bool above =
          number && (found->integral ? *number >= found->minimum : *number > found->minimum);
      if (!number || !whole_ok || !above) {
        faults.push_back(fmt::format("{}: {}.{} must be {} {} {}", at(source, key.source()),
                                     table_name.str(), key.str(),
                                     found->integral ? "a whole number" : "a number",
                                     found->integral ? "of at least" : "above", found->minimum));
        continue;
      }
      found->set(thresholds, *number);
    }
  }
  if (thresholds.digit_alpha >= 1) faults.push_back(source + ": digits.alpha must be below 1");
  if (!faults.empty()) {
    std::string joined;
    for (const std::string& fault : faults) joined += (joined.empty() ? "" : "\n") + fault;
    return fail(Status::invalid_data(joined));
  }
  return thresholds;
}

Result<QualityThresholds> load_quality_thresholds(const std::string& path) {
  Result<std::string> text = read_bounded_file(path, kRulesFileMaxBytes, "quality rules file");
  if (!text) return fail(text.error());
  return parse_quality_thresholds(*text, path);
}

}  // namespace zhizao
