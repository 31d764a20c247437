#include "ingest/units.h"

#include <algorithm>
#include <array>
#include <string>

#include "base/text.h"

namespace zhizao::detail {
namespace {

struct KnownUnit {
  std::string_view name;
  Quantity quantity;
  double numerator;
  double denominator;
};

constexpr std::array kUnits = {
    KnownUnit{"元", Quantity::kMoney, 1, 10000},
    KnownUnit{"千元", Quantity::kMoney, 1, 10},
    KnownUnit{"万元", Quantity::kMoney, 1, 1},
    KnownUnit{"百万元", Quantity::kMoney, 100, 1},
    KnownUnit{"亿元", Quantity::kMoney, 10000, 1},
    KnownUnit{"千瓦时", Quantity::kElectricity, 1, 10000},
    KnownUnit{"度", Quantity::kElectricity, 1, 10000},
    KnownUnit{"kwh", Quantity::kElectricity, 1, 10000},
    KnownUnit{"万千瓦时", Quantity::kElectricity, 1, 1},
    KnownUnit{"万度", Quantity::kElectricity, 1, 1},
    KnownUnit{"万kwh", Quantity::kElectricity, 1, 1},
    KnownUnit{"兆瓦时", Quantity::kElectricity, 1, 10},
    KnownUnit{"mwh", Quantity::kElectricity, 1, 10},
    KnownUnit{"亿千瓦时", Quantity::kElectricity, 10000, 1},
};

// Drops spaces (also U+3000) and the brackets (), （）, [] and 【】 around a unit.
std::string bare(std::string_view text) {
  std::string out;
  std::string s(text);
  for (std::string_view wide : {"\xE3\x80\x80", "（", "）", "【", "】", "："}) {
    for (size_t at = s.find(wide); at != std::string::npos; at = s.find(wide)) {
      s.replace(at, wide.size(), wide == "：" ? ":" : "");
    }
  }
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '(' && c != ')' && c != '[' &&
        c != ']') {
      out.push_back(c);
    }
  }
  return ascii_lower(out);
}

}  // namespace

std::optional<Unit> parse_unit(std::string_view text) {
  std::string unit = bare(text);
  for (std::string_view prefix : {"计量单位:", "单位:", "计量单位", "单位"}) {
    if (std::string_view(unit).starts_with(prefix)) {
      unit.erase(0, prefix.size());
      break;
    }
  }
  for (const KnownUnit& known : kUnits) {
    if (unit == known.name)
      return Unit{known.quantity, known.numerator, known.denominator, known.name};
  }
  return std::nullopt;
}

std::string_view header_unit_text(std::string_view header) {
  header = trim(header);
  for (auto [open, close] : std::array<std::pair<std::string_view, std::string_view>, 3>{
           {{"(", ")"}, {"（", "）"}, {"[", "]"}}}) {
    if (!header.ends_with(close)) continue;
    size_t start = header.rfind(open);
    if (start == std::string_view::npos || start == 0) continue;
    size_t from = start + open.size();
    return header.substr(from, header.size() - close.size() - from);
  }
  return {};
}

UnitDefaults units_in_note(std::string_view text) {
  UnitDefaults defaults;
  size_t at = text.find("单位");
  if (at == std::string_view::npos) return defaults;
  std::string rest = bare(text.substr(at + std::string_view("单位").size()));
  if (rest.starts_with(':')) rest.erase(0, 1);
  // Units are separated by 、 ， , ; ；
  for (std::string_view separator : {"、", "，", "；"}) {
    for (size_t p = rest.find(separator); p != std::string::npos; p = rest.find(separator)) {
      rest.replace(p, separator.size(), ",");
    }
  }
  std::replace(rest.begin(), rest.end(), ';', ',');
  for (std::string_view part : split(rest, ',')) {
    std::optional<Unit> unit = parse_unit(part);
    if (!unit) continue;
    if (unit->quantity == Quantity::kMoney && !defaults.money) defaults.money = unit;
    if (unit->quantity == Quantity::kElectricity && !defaults.electricity) {
      defaults.electricity = unit;
    }
  }
  return defaults;
}

}  // namespace zhizao::detail
