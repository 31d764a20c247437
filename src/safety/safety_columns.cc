#include "safety/safety_columns.h"

#include <array>

#include <fmt/format.h>

#include "base/text.h"

namespace zhizao::detail {
namespace {

constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;

constexpr std::array kPlanColumns = {
    SafetyColumn{"id", "计划编号", kRequired},     SafetyColumn{"name", "计划名称", kRequired},
    SafetyColumn{"kind", "检查对象", kRequired},   SafetyColumn{"divisions", "行业大类", kRequired},
    SafetyColumn{"region", "区划代码", kOptional}, SafetyColumn{"from", "开始日期", kRequired},
    SafetyColumn{"to", "结束日期", kRequired},
};
constexpr std::array kCheckColumns = {
    SafetyColumn{"id", "检查编号", kRequired},
    SafetyColumn{"plan", "检查计划", kRequired},
    SafetyColumn{"uscc", "统一社会信用代码", kRequired},
    SafetyColumn{"date", "检查日期", kRequired},
    SafetyColumn{"inspector", "检查人", kRequired},
    SafetyColumn{"findings", "检查情况", kOptional},
};
constexpr std::array kHazardColumns = {
    SafetyColumn{"id", "隐患编号", kRequired},
    SafetyColumn{"check", "检查编号", kRequired},
    SafetyColumn{"level", "隐患等级", kRequired},
    SafetyColumn{"description", "隐患描述", kOptional},
    SafetyColumn{"found", "发现日期", kRequired},
    SafetyColumn{"deadline", "整改时限", kOptional},
    SafetyColumn{"rectified", "整改完成日期", kOptional},
    SafetyColumn{"reinspected", "复查日期", kOptional},
    SafetyColumn{"reinspection_result", "复查结果", kOptional},
    SafetyColumn{"proof", "整改佐证", kOptional},
};
constexpr std::array kRosterColumns = {
    SafetyColumn{"date", "值班日期", kRequired},       SafetyColumn{"shift", "班次", kRequired},
    SafetyColumn{"person", "值班人员", kRequired},     SafetyColumn{"phone", "联系电话", kOptional},
    SafetyColumn{"handover", "交接班情况", kOptional},
};

}  // namespace

std::span<const SafetyColumn> safety_columns(SafetyFileKind kind) {
  switch (kind) {
    case SafetyFileKind::kPlans:
      return kPlanColumns;
    case SafetyFileKind::kChecks:
      return kCheckColumns;
    case SafetyFileKind::kHazards:
      return kHazardColumns;
    case SafetyFileKind::kRoster:
      return kRosterColumns;
  }
  return {};
}

SafetyColumnMap::SafetyColumnMap(SafetyFileKind kind, const std::vector<std::string>& header,
                                 Findings& findings)
    : columns_(safety_columns(kind)), indexes_(columns_.size()), headers_(columns_.size()) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& written = header[i];
    std::size_t match = columns_.size();
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (ascii_lower(written) == columns_[c].name || written == columns_[c].chinese) match = c;
    }
    if (match == columns_.size()) {
      if (!written.empty()) {
        findings.warnings.push_back(Finding{1, written, "unknown column, ignored"});
      }
      continue;
    }
    if (indexes_[match]) {
      findings.errors.push_back(
          Finding{1, written, fmt::format("column {} given twice", columns_[match].name)});
      continue;
    }
    indexes_[match] = i;
    headers_[match] = written;
  }
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!indexes_[c] && columns_[c].presence == Presence::kRequired) {
      findings.errors.push_back(Finding{
          1, "(header)",
          fmt::format("missing required column {} [{}]", columns_[c].name, columns_[c].chinese)});
    }
  }
}

std::optional<std::size_t> SafetyColumnMap::index_of(std::string_view name) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].name == name) return indexes_[c];
  }
  return std::nullopt;
}

std::string_view SafetyColumnMap::field(const std::vector<std::string>& fields,
                                        std::string_view name) const {
  std::optional<std::size_t> index = index_of(name);
  if (!index || *index >= fields.size()) return {};
  return fields[*index];
}

std::string_view SafetyColumnMap::header_of(std::string_view name) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].name == name) return indexes_[c] ? headers_[c] : columns_[c].name;
  }
  return name;
}

}  // namespace zhizao::detail
