#include "ingest/row_parsers.h"

#include <fmt/format.h>

#include "base/text.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "domain/region_group.h"
#include "domain/uscc.h"
#include "ingest/daily_electricity_rows.h"
#include "ingest/uscc_fast_path.h"
#include "ingest/v2_row_parsers.h"

namespace zhizao::detail {
namespace {

std::string uscc(RowReader& row, int column, const ImportOptions& options) {
  std::string_view text = row.text(column, kMust);
  if (text.empty()) return {};
  if (is_canonical_valid_uscc(text)) return std::string(text);
  Result<std::string> code = check_uscc(text, options.uscc_exceptions);
  if (!code) {
    row.error(column, code.error().message());
    return {};
  }
  return *std::move(code);
}

// A 2-digit industrial division (deflators, va_ratios).
std::string division(RowReader& row, int column) {
  std::string_view text = row.text(column, kMust);
  if (text.empty()) return {};
  bool two_digits =
      text.size() == 2 && text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9';
  if (!two_digits) {
    row.error(column, fmt::format("not a 2-digit division: \"{}\"", shorten_for_message(text)));
    return {};
  }
  Result<std::string> code = division_of_industry_code(text);
  if (!code) {
    row.error(column, code.error().message());
    return {};
  }
  return *std::move(code);
}

// A county-level region; retired codes are mapped with a warning.
std::string county(RowReader& row, int column) {
  std::string_view text = row.text(column, kMust);
  if (text.empty()) return {};
  Result<CountyResolution> resolved = resolve_county(text);
  if (!resolved) {
    row.error(column, resolved.error().message());
    return {};
  }
  if (resolved->warning) row.warning(column, *resolved->warning);
  return std::move(resolved->code);
}

// A region code of any level (parks, region group members).
bool check_any_region(RowReader& row, int column, std::string_view code) {
  if (find_region(code) != nullptr) return true;
  row.error(column, fmt::format("unknown region code: \"{}\"", shorten_for_message(code)));
  return false;
}

std::string chain_id(RowReader& row, int column) {
  std::string_view text = row.text(column, kMust);
  if (text.find(';') != std::string_view::npos || text.find("；") != std::string_view::npos) {
    row.error(column,
              fmt::format("a chain id must not contain ';': \"{}\"", shorten_for_message(text)));
    return {};
  }
  return std::string(text);
}

void parse_enterprise(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  namespace c = enterprise_col;
  Enterprise e;
  e.uscc = uscc(row, c::kUscc, options);
  bool key_read = row.ok();  // the key fields come first
  e.name = row.text(c::kName, kMust);
  e.industry = row.text(c::kIndustry, kMust);
  if (!e.industry.empty()) {
    Result<std::string> code = division_of_industry_code(e.industry);
    if (code) {
      e.division = *std::move(code);
    } else {
      row.error(c::kIndustry, code.error().message());
    }
  }
  e.region = county(row, c::kRegion);
  e.park = row.text(c::kPark, kMay);
  for (std::string_view chain : split_id_list(row.text(c::kChains, kMay))) {
    e.chains.emplace_back(chain);
  }
  e.key = row.flag(c::kKey, false);
  if (!key_read) return;
  file.rows.enterprises.push_back(std::move(e));
  file.lines.push_back(row.line());
}

void parse_monthly(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  namespace c = monthly_col;
  MonthlyRecord m;
  m.uscc = uscc(row, c::kUscc, options);
  std::optional<YearMonth> period = row.period(c::kPeriod);
  bool key_read = row.ok();  // the key fields come first
  m.output = row.number(c::kOutput, kNonNeg, kMust).value_or(0);
  m.value_added = row.number(c::kValueAdded, kNonNeg, kMay);
  m.electricity = row.number(c::kElectricity, kNonNeg, kMay);
  m.output_prev = row.number(c::kOutputPrev, kNonNeg, kMay);
  m.value_added_prev = row.number(c::kValueAddedPrev, kNonNeg, kMay);
  m.electricity_prev = row.number(c::kElectricityPrev, kNonNeg, kMay);
  m.in_scope = row.flag(c::kInScope, true);
  if (!key_read) return;
  m.period = *period;
  file.rows.monthly.push_back(std::move(m));
  file.lines.push_back(row.line());
}

void parse_deflator(RowReader& row, ParsedFile& file) {
  namespace c = deflator_col;
  Deflator d;
  d.division = division(row, c::kIndustry);
  std::optional<YearMonth> period = row.period(c::kPeriod);
  bool key_read = row.ok();  // the key fields come first
  d.ppi = row.number(c::kPpi, NumberRange::kPositive, kMust).value_or(100);
  if (!key_read) return;
  d.period = *period;
  file.rows.deflators.push_back(std::move(d));
  file.lines.push_back(row.line());
}

void parse_va_ratio(RowReader& row, ParsedFile& file) {
  namespace c = va_ratio_col;
  ValueAddedRatio r;
  r.division = division(row, c::kIndustry);
  r.year = row.year(c::kYear).value_or(0);
  bool key_read = row.ok();  // the key fields come first
  r.ratio = row.number(c::kRatio, NumberRange::kRatio, kMust).value_or(0);
  if (!key_read) return;
  file.rows.va_ratios.push_back(std::move(r));
  file.lines.push_back(row.line());
}

void parse_park(RowReader& row, ParsedFile& file) {
  namespace c = park_col;
  Park p;
  p.id = row.text(c::kId, kMust);
  bool key_read = row.ok();  // the key fields come first
  p.name = row.text(c::kName, kMust);
  p.region = row.text(c::kRegion, kMay);
  if (!p.region.empty() && !check_any_region(row, c::kRegion, p.region)) p.region.clear();
  p.category = row.text(c::kCategory, kMay);
  if (!key_read) return;
  file.rows.parks.push_back(std::move(p));
  file.lines.push_back(row.line());
}

void parse_chain(RowReader& row, ParsedFile& file) {
  namespace c = chain_col;
  Chain ch;
  ch.id = chain_id(row, c::kId);
  bool key_read = row.ok();  // the key fields come first
  ch.name = row.text(c::kName, kMust);
  if (!key_read) return;
  file.rows.chains.push_back(std::move(ch));
  file.lines.push_back(row.line());
}

void parse_project(RowReader& row, ParsedFile& file) {
  namespace c = project_col;
  Project p;
  p.id = row.text(c::kId, kMust);
  bool key_read = row.ok();  // the key fields come first
  p.name = row.text(c::kName, kMust);
  p.region = county(row, c::kRegion);
  p.total_investment = row.number(c::kTotalInvestment, kNonNeg, kMust).value_or(0);
  p.industry = row.text(c::kIndustry, kMay);
  if (!p.industry.empty()) {
    Result<std::string> code = division_of_industry_code(p.industry);
    if (!code) row.error(c::kIndustry, code.error().message());
  }
  p.chain = row.text(c::kChain, kMay);
  p.park = row.text(c::kPark, kMay);
  p.year_plan_investment = row.number(c::kYearPlanInvestment, kNonNeg, kMay);
  p.planned_start = row.date(c::kPlannedStart);
  p.actual_start = row.date(c::kActualStart);
  p.planned_completion = row.date(c::kPlannedCompletion);
  p.actual_completion = row.date(c::kActualCompletion);
  p.campaign = row.text(c::kCampaign, kMay);
  if (!key_read) return;
  file.rows.projects.push_back(std::move(p));
  file.lines.push_back(row.line());
}

void parse_progress(RowReader& row, ParsedFile& file) {
  namespace c = progress_col;
  ProjectProgress p;
  p.project_id = row.text(c::kId, kMust);
  std::optional<YearMonth> period = row.period(c::kPeriod);
  bool key_read = row.ok();  // the key fields come first
  p.investment = row.number(c::kInvestment, NumberRange::kNonNegative, kMust).value_or(0);
  if (!key_read) return;
  p.period = *period;
  file.rows.project_progress.push_back(std::move(p));
  file.lines.push_back(row.line());
}

void parse_region_group(RowReader& row, ParsedFile& file) {
  namespace c = region_group_col;
  RegionGroup g;
  g.id = row.text(c::kId, kMust);
  bool key_read = row.ok();  // the key fields come first
  g.name = row.text(c::kName, kMust);
  std::string_view members = row.text(c::kMembers, kMust);
  std::vector<std::string_view> codes = split_id_list(members);
  if (!members.empty() && codes.empty()) row.error(c::kMembers, "missing value");
  for (std::string_view code : codes) {
    if (check_any_region(row, c::kMembers, code)) g.members.emplace_back(code);
  }
  if (row.ok()) {
    // The group's own rules (e.g. no member twice), see domain/region_group.h.
    Status checked = check_region_group(g);
    if (!checked.is_ok()) row.error(c::kMembers, checked.message());
  }
  if (!key_read) return;
  file.rows.region_groups.push_back(std::move(g));
  file.lines.push_back(row.line());
}

}  // namespace

void parse_row(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  switch (*file.kind) {
    case FileKind::kEnterprises:
      return parse_enterprise(row, options, file);
    case FileKind::kMonthly:
      return parse_monthly(row, options, file);
    case FileKind::kDeflators:
      return parse_deflator(row, file);
    case FileKind::kValueAddedRatios:
      return parse_va_ratio(row, file);
    case FileKind::kParks:
      return parse_park(row, file);
    case FileKind::kChains:
      return parse_chain(row, file);
    case FileKind::kProjects:
      return parse_project(row, file);
    case FileKind::kProjectProgress:
      return parse_progress(row, file);
    case FileKind::kRegionGroups:
      return parse_region_group(row, file);
    case FileKind::kElectricityDaily:
      return parse_daily_electricity(row, options, file);
    case FileKind::kCampaigns:
    case FileKind::kProducts:
    case FileKind::kProductOutput:
    case FileKind::kTargets:
    case FileKind::kAssignments:
    case FileKind::kVisits:
    case FileKind::kCases:
      return parse_v2_row(row, options, file);
  }
}

}  // namespace zhizao::detail
