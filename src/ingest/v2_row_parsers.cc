#include "ingest/v2_row_parsers.h"

#include <fmt/format.h>

#include <cmath>

#include "base/text.h"
#include "domain/industry.h"
#include "domain/target_indicator.h"
#include "domain/uscc.h"
#include "ingest/uscc_fast_path.h"
#include "ingest/v2_columns.h"

namespace zhizao::detail {
namespace {

// The first year a target may be set for: plan targets of this century (the contract's
// "year ≥ 2000").
constexpr int kFirstTargetYear = 2000;

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

std::optional<CivilDate> required_date(RowReader& row, int column) {
  if (row.text(column, kMust).empty()) return std::nullopt;
  return row.date(column);
}

// A whole number ≥ 0 (a count of projects), absent when empty.
std::optional<long> count(RowReader& row, int column) {
  std::optional<double> value = row.number(column, kNonNeg, kMay);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value) || *value > 1e9) {
    row.error(column, fmt::format("not a whole number: \"{}\"",
                                  shorten_for_message(row.text(column, kMay))));
    return std::nullopt;
  }
  return static_cast<long>(*value);
}

// Reports `later` before `earlier` as an error on `column`.
void check_order(RowReader& row, int column, const std::optional<CivilDate>& earlier,
                 const std::optional<CivilDate>& later, std::string_view earlier_name) {
  if (!earlier || !later || !(*later < *earlier)) return;
  row.error(column, fmt::format("{} is before {} {}", later->to_string(), earlier_name,
                                earlier->to_string()));
}

void keep(ParsedFile& file, RowReader& row) { file.lines.push_back(row.line()); }

void parse_product(RowReader& row, ParsedFile& file) {
  namespace c = product_col;
  Product p;
  p.code = row.text(c::kCode, kMust);
  bool key_read = row.ok();  // the key fields come first
  p.name = row.text(c::kName, kMust);
  p.unit = row.text(c::kUnit, kMust);
  std::string_view division = row.text(c::kDivision, kMay);
  if (!division.empty()) {
    Result<std::string> code = division_of_industry_code(division);
    if (division.size() != 2) {
      row.error(c::kDivision,
                fmt::format("not a 2-digit division: \"{}\"", shorten_for_message(division)));
    } else if (!code) {
      row.error(c::kDivision, code.error().message());
    } else {
      p.division = *std::move(code);
    }
  }
  if (!key_read) return;
  file.rows.products.push_back(std::move(p));
  keep(file, row);
}

void parse_product_output(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  namespace c = product_output_col;
  ProductOutput o;
  o.uscc = uscc(row, c::kUscc, options);
  std::optional<YearMonth> period = row.period(c::kPeriod);
  o.product = row.text(c::kProduct, kMust);
  bool key_read = row.ok();  // the key fields come first
  o.quantity = row.number(c::kQuantity, kNonNeg, kMust).value_or(0);
  o.quantity_prev = row.number(c::kQuantityPrev, kNonNeg, kMay);
  std::string_view unit = row.text(c::kUnit, kMay);
  if (!key_read) return;
  o.period = *period;
  file.rows.product_output.push_back(std::move(o));
  file.stated_units.emplace_back(unit);
  keep(file, row);
}

void parse_target(RowReader& row, ParsedFile& file) {
  namespace c = target_col;
  Target t;
  t.id = row.text(c::kId, kMust);
  bool key_read = row.ok();  // the key fields come first
  t.name = row.text(c::kName, kMust);
  std::string_view indicator = row.text(c::kIndicator, kMust);
  std::optional<TargetIndicator> parsed;
  if (!indicator.empty()) {
    parsed = parse_target_indicator(ascii_lower(indicator));
    if (!parsed) {
      row.error(c::kIndicator,
                fmt::format("unknown indicator \"{}\": one of output, manufacturing_output, "
                            "enterprises_over, manufacturing_enterprises_over",
                            shorten_for_message(indicator)));
    }
  }
  t.indicator = parsed.value_or(TargetIndicator::kOutput);
  t.scope = row.text(c::kScope, kMust);
  t.year = row.year(c::kYear).value_or(0);
  if (t.year != 0 && t.year < kFirstTargetYear) {
    row.error(c::kYear, fmt::format("must be {} or later: \"{}\"", kFirstTargetYear, t.year));
  }
  t.value = row.number(c::kValue, NumberRange::kPositive, kMust).value_or(0);
  t.threshold = row.number(c::kThreshold, kNonNeg, kMay);
  // A threshold that is there but wrong was reported as such already.
  bool threshold_written = !row.text(c::kThreshold, kMay).empty();
  if (parsed && counts_enterprises(*parsed) && !threshold_written) {
    row.error(c::kThreshold, fmt::format("required for indicator {}", indicator));
  }
  if (parsed && !counts_enterprises(*parsed) && t.threshold) {
    row.warning(c::kThreshold, fmt::format("not used by indicator {}", indicator));
  }
  if (!key_read) return;
  file.rows.targets.push_back(std::move(t));
  keep(file, row);
}

void parse_campaign(RowReader& row, ParsedFile& file) {
  namespace c = campaign_col;
  Campaign campaign;
  campaign.id = row.text(c::kId, kMust);
  bool key_read = row.ok();  // the key fields come first
  campaign.name = row.text(c::kName, kMust);
  std::optional<CivilDate> from = required_date(row, c::kFrom);
  std::optional<CivilDate> to = required_date(row, c::kTo);
  check_order(row, c::kTo, from, to, "from");
  campaign.from = from.value_or(CivilDate{});
  campaign.to = to.value_or(CivilDate{});
  campaign.planned_starts = count(row, c::kPlannedStarts);
  campaign.planned_completions = count(row, c::kPlannedCompletions);
  campaign.planned_investment = row.number(c::kPlannedInvestment, kNonNeg, kMay);
  if (!key_read) return;
  file.rows.campaigns.push_back(std::move(campaign));
  keep(file, row);
}

void parse_assignment(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  namespace c = assignment_col;
  Assignment a;
  a.uscc = uscc(row, c::kUscc, options);
  a.cadre = row.text(c::kCadre, kMust);
  a.department = row.text(c::kDepartment, kMust);
  if (!row.ok()) return;  // every field is part of the key
  file.rows.assignments.push_back(std::move(a));
  keep(file, row);
}

void parse_visit(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  namespace c = visit_col;
  Visit v;
  v.uscc = uscc(row, c::kUscc, options);
  std::optional<CivilDate> date = required_date(row, c::kDate);
  v.cadre = row.text(c::kCadre, kMust);
  bool key_read = row.ok();  // the key fields come first
  v.findings = row.text(c::kFindings, kMay);
  if (!key_read) return;
  v.date = *date;
  file.rows.visits.push_back(std::move(v));
  keep(file, row);
}

void parse_case(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  namespace c = case_col;
  ServiceCase s;
  s.id = row.text(c::kId, kMust);
  bool key_read = row.ok();  // the key fields come first
  s.uscc = uscc(row, c::kUscc, options);
  std::optional<CivilDate> raised = required_date(row, c::kRaised);
  s.category = row.text(c::kCategory, kMust);
  s.department = row.text(c::kDepartment, kMust);
  std::optional<CivilDate> deadline = required_date(row, c::kDeadline);
  s.resolved = row.date(c::kResolved);
  check_order(row, c::kDeadline, raised, deadline, "raised");
  check_order(row, c::kResolved, raised, s.resolved, "raised");
  s.raised = raised.value_or(CivilDate{});
  s.deadline = deadline.value_or(CivilDate{});
  std::optional<double> rating = row.number(c::kRating, NumberRange::kAny, kMay);
  if (rating) {
    if (*rating != std::floor(*rating) || *rating < 1 || *rating > 5) {
      row.error(c::kRating, fmt::format("not a whole number from 1 to 5: \"{}\"",
                                        shorten_for_message(row.text(c::kRating, kMay))));
    } else {
      s.rating = static_cast<int>(*rating);
    }
  }
  if (!key_read) return;
  file.rows.cases.push_back(std::move(s));
  keep(file, row);
}

}  // namespace

void parse_v2_row(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  switch (*file.kind) {
    case FileKind::kProducts:
      return parse_product(row, file);
    case FileKind::kProductOutput:
      return parse_product_output(row, options, file);
    case FileKind::kTargets:
      return parse_target(row, file);
    case FileKind::kCampaigns:
      return parse_campaign(row, file);
    case FileKind::kAssignments:
      return parse_assignment(row, options, file);
    case FileKind::kVisits:
      return parse_visit(row, options, file);
    case FileKind::kCases:
      return parse_case(row, options, file);
    default:
      return;
  }
}

}  // namespace zhizao::detail
