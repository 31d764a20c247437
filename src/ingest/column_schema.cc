#include "ingest/column_schema.h"

#include <fmt/format.h>

#include <array>

#include "base/text.h"
#include "ingest/daily_electricity_rows.h"
#include "ingest/encoding.h"
#include "ingest/v2_columns.h"

namespace zhizao::detail {
namespace {

constexpr std::array kEnterpriseColumns = {
    ColumnSpec{"uscc", kReq, "统一社会信用代码|信用代码"},
    ColumnSpec{"name", kReq, "企业名称|名称|单位名称"},
    ColumnSpec{"industry", kReq, "行业代码|行业"},
    ColumnSpec{"region", kReq, "区划代码|行政区划代码"},
    ColumnSpec{"park", kOpt, "园区|所属园区|园区编号"},
    ColumnSpec{"chains", kOpt, "产业链|所属产业链"},
    ColumnSpec{"key", kOpt, "重点企业|是否重点企业"},
};
constexpr std::array kMonthlyColumns = {
    ColumnSpec{"uscc", kReq, "统一社会信用代码|信用代码"},
    ColumnSpec{"period", kReq, "时期|期别|月份"},
    ColumnSpec{"output", kReq, "工业总产值"},
    ColumnSpec{"value_added", kOpt, "工业增加值"},
    ColumnSpec{"electricity", kOpt, "用电量|工业用电量"},
    ColumnSpec{"output_prev", kOpt, "上年同期工业总产值"},
    ColumnSpec{"value_added_prev", kOpt, "上年同期工业增加值"},
    ColumnSpec{"electricity_prev", kOpt, "上年同期用电量|上年同期工业用电量"},
    ColumnSpec{"in_scope", kOpt, "规上|是否规上"},
};
constexpr std::array kDeflatorColumns = {
    ColumnSpec{"industry", kReq, "行业代码|行业"},
    ColumnSpec{"period", kReq, "时期|期别|月份"},
    ColumnSpec{"ppi", kReq, "出厂价格指数|工业生产者出厂价格指数"},
};
constexpr std::array kValueAddedRatioColumns = {
    ColumnSpec{"industry", kReq, "行业代码|行业"},
    ColumnSpec{"year", kReq, "年份|年度"},
    ColumnSpec{"ratio", kReq, "增加值率"},
};
constexpr std::array kParkColumns = {
    ColumnSpec{"id", kReq, "编号|园区编号"},
    ColumnSpec{"name", kReq, "名称|园区名称"},
    ColumnSpec{"region", kOpt, "区划代码|行政区划代码"},
    ColumnSpec{"category", kOpt, "类别|园区类别"},
};
constexpr std::array kChainColumns = {
    ColumnSpec{"id", kReq, "编号|产业链编号"},
    ColumnSpec{"name", kReq, "名称|产业链名称"},
};
constexpr std::array kProjectColumns = {
    ColumnSpec{"id", kReq, "编号|项目编号"},
    ColumnSpec{"name", kReq, "名称|项目名称"},
    ColumnSpec{"region", kReq, "区划代码|行政区划代码"},
    ColumnSpec{"total_investment", kReq, "总投资|计划总投资"},
    ColumnSpec{"industry", kOpt, "行业代码|行业"},
    ColumnSpec{"chain", kOpt, "产业链|所属产业链"},
    ColumnSpec{"park", kOpt, "园区|所属园区"},
    ColumnSpec{"year_plan_investment", kOpt, "年度计划投资"},
    ColumnSpec{"planned_start", kOpt, "计划开工日期|计划开工时间"},
    ColumnSpec{"actual_start", kOpt, "实际开工日期|实际开工时间"},
    ColumnSpec{"planned_completion", kOpt, "计划竣工日期|计划竣工时间"},
    ColumnSpec{"actual_completion", kOpt, "实际竣工日期|实际竣工时间"},
    ColumnSpec{"campaign", kOpt, "所属攻坚行动|攻坚行动编号"},  // v2: a campaign id
};
constexpr std::array kProgressColumns = {
    ColumnSpec{"id", kReq, "编号|项目编号"},
    ColumnSpec{"period", kReq, "时期|期别|月份"},
    ColumnSpec{"investment", kReq, "完成投资|本月完成投资"},
};
constexpr std::array kRegionGroupColumns = {
    ColumnSpec{"id", kReq, "编号|分组编号"},
    ColumnSpec{"name", kReq, "名称|分组名称"},
    ColumnSpec{"members", kReq, "成员|成员区划"},
};

bool matches(const ColumnSpec& spec, std::string_view normalised) {
  if (normalised == spec.name) return true;
  for (std::string_view alias : split(spec.aliases, '|')) {
    if (normalised == alias) return true;
  }
  return false;
}

int find_column(std::span<const ColumnSpec> columns, std::string_view normalised) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (matches(columns[i], normalised)) return static_cast<int>(i);
  }
  return -1;
}

// Trims ASCII whitespace and the ideographic space U+3000.
std::string_view trim_wide(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  while (true) {
    std::string_view before = text;
    text = trim(text);
    if (text.starts_with(kIdeographicSpace)) text.remove_prefix(kIdeographicSpace.size());
    if (text.ends_with(kIdeographicSpace)) text.remove_suffix(kIdeographicSpace.size());
    if (text == before) return text;
  }
}

// Drops a trailing "(...)", "（...）" or "[...]" holding a unit.
std::string_view strip_unit(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kBrackets = {
      {{"(", ")"}, {"（", "）"}, {"[", "]"}}};
  for (auto [open, close] : kBrackets) {
    if (!text.ends_with(close)) continue;
    size_t start = text.rfind(open);
    if (start != std::string_view::npos && start > 0) return trim_wide(text.substr(0, start));
  }
  return text;
}

}  // namespace

std::span<const ColumnSpec> columns_of(FileKind kind) {
  switch (kind) {
    case FileKind::kEnterprises:
      return kEnterpriseColumns;
    case FileKind::kMonthly:
      return kMonthlyColumns;
    case FileKind::kDeflators:
      return kDeflatorColumns;
    case FileKind::kValueAddedRatios:
      return kValueAddedRatioColumns;
    case FileKind::kParks:
      return kParkColumns;
    case FileKind::kChains:
      return kChainColumns;
    case FileKind::kProjects:
      return kProjectColumns;
    case FileKind::kProjectProgress:
      return kProgressColumns;
    case FileKind::kRegionGroups:
      return kRegionGroupColumns;
    case FileKind::kElectricityDaily:
      return daily_electricity_columns();
    case FileKind::kCampaigns:
    case FileKind::kProducts:
    case FileKind::kProductOutput:
    case FileKind::kTargets:
    case FileKind::kAssignments:
    case FileKind::kVisits:
    case FileKind::kCases:
      return v2_columns(kind);
  }
  return {};
}

std::string normalise_header(std::string_view header) {
  std::string_view text = trim_wide(strip_utf8_bom(trim_wide(header)));
  return ascii_lower(strip_unit(text));
}

std::string_view HeaderMap::column_header(FileKind kind, int column) const {
  int field = field_of_column[static_cast<size_t>(column)];
  if (field < 0) return columns_of(kind)[static_cast<size_t>(column)].name;
  return written[static_cast<size_t>(field)];
}

HeaderMap map_header(FileKind kind, const std::vector<std::string_view>& header,
                     Findings& findings) {
  std::span<const ColumnSpec> columns = columns_of(kind);
  HeaderMap map;
  map.field_of_column.assign(columns.size(), -1);
  for (size_t field = 0; field < header.size(); ++field) {
    std::string written(trim_wide(strip_utf8_bom(trim_wide(header[field]))));
    int column = find_column(columns, normalise_header(written));
    if (column < 0) {
      if (!written.empty()) findings.warnings.push_back({1, written, "unknown column, ignored"});
    } else if (int earlier = map.field_of_column[static_cast<size_t>(column)]; earlier >= 0) {
      findings.errors.push_back(
          {1, written,
           fmt::format("column given twice (also as \"{}\")",
                       shorten_for_message(map.written[static_cast<size_t>(earlier)]))});
    } else {
      map.field_of_column[static_cast<size_t>(column)] = static_cast<int>(field);
    }
    map.written.push_back(std::move(written));
  }
  for (size_t column = 0; column < columns.size(); ++column) {
    if (columns[column].requirement == Requirement::kRequired && map.field_of_column[column] < 0) {
      findings.errors.push_back({1, std::string(columns[column].name), "missing required column"});
    }
  }
  return map;
}

HeaderKinds kinds_from_header(const std::vector<std::string_view>& header) {
  std::vector<std::string> normalised;
  for (std::string_view cell : header) {
    // An empty cell names no column; skipping it keeps a header row with a stray cell in
    // column XFD (16,384 cells, nearly all empty) cheap to try.
    std::string name = normalise_header(cell);
    if (!name.empty()) normalised.push_back(std::move(name));
  }
  HeaderKinds found;
  std::vector<FileKind> whole;  // candidates that know every column of the header
  for (FileKind kind : kKindsInDependencyOrder) {
    std::span<const ColumnSpec> columns = columns_of(kind);
    std::vector<bool> present(columns.size(), false);
    bool knows_all = true;
    for (const std::string& cell : normalised) {
      int column = find_column(columns, cell);
      if (column < 0) {
        knows_all = false;
      } else {
        present[static_cast<size_t>(column)] = true;
      }
    }
    bool complete = true;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].requirement == Requirement::kRequired && !present[i]) complete = false;
    }
    if (!complete) continue;
    found.candidates.push_back(kind);
    if (knows_all) whole.push_back(kind);
  }
  if (found.candidates.size() == 1) {
    found.kind = found.candidates.front();
  } else if (whole.size() == 1) {
    found.kind = whole.front();
  }
  return found;
}

std::optional<FileKind> kind_from_header(const std::vector<std::string_view>& header) {
  return kinds_from_header(header).kind;
}

std::string unknown_kind_reason(const HeaderKinds& kinds, NamedThing thing) {
  auto join = [](std::span<const FileKind> list) {
    std::string names;
    for (FileKind kind : list)
      names += fmt::format("{}{}", names.empty() ? "" : ", ", kind_name(kind));
    return names;
  };
  std::string_view what = thing == NamedThing::kSheet ? "sheet" : "file";
  if (kinds.candidates.empty()) {
    return fmt::format("cannot tell the {} kind from its name or header", what);
  }
  return fmt::format(
      "cannot tell the {0} kind: its header fits several kinds ({1}); name the {0} after its kind "
      "(e.g. {2})",
      what, join(kinds.candidates), kind_name(kinds.candidates.front()));
}

}  // namespace zhizao::detail
