#include "quality/quality_report.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "quality/quality_check_list.h"

namespace zhizao {
namespace {

using Json = nlohmann::json;

Json number_or_null(std::optional<double> value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return *value;
}

std::string months_text(const std::vector<YearMonth>& months) {
  std::string text;
  for (const YearMonth& month : months) text += (text.empty() ? "" : ", ") + month.to_string();
  return text;
}

}  // namespace

void apply_verifications(std::vector<QualityFinding>& findings,
                         const std::vector<QualityVerification>& verifications) {
  std::map<std::tuple<std::string, std::string, YearMonth>, const QualityVerification*> by_month;
  for (const QualityVerification& v : verifications) by_month[{v.uscc, v.check, v.month}] = &v;
  for (QualityFinding& finding : findings) {
    const QualityVerification* latest = nullptr;
    bool all = !finding.months.empty();
    for (const YearMonth& month : finding.months) {
      auto it = by_month.find({finding.uscc, finding.check, month});
      if (it == by_month.end()) {
        all = false;
        break;
      }
      if (latest == nullptr || it->second->verified_at > latest->verified_at) latest = it->second;
    }
    if (!all) continue;
    finding.status = QualityStatus::kVerified;
    finding.verified_by = latest->verified_by;
    finding.verified_at = latest->verified_at;
    finding.note = latest->note;
  }
}

Json quality_finding_to_json(const QualityFinding& finding, QualityJsonDetail detail) {
  Json months = Json::array();
  for (const YearMonth& month : finding.months) months.push_back(month.to_string());
  Json evidence = Json::object();
  for (const auto& [name, value] : finding.figures) evidence[name] = number_or_null(value);
  for (const auto& [name, text] : finding.labels) evidence[name] = text;
  for (const QualitySeries& series : finding.series) {
    Json values = Json::array();
    for (const std::optional<double>& value : series.values)
      values.push_back(number_or_null(value));
    evidence[series.name] = std::move(values);
  }
  Json json = {{"uscc", finding.uscc},
               {"check", finding.check},
               {"months", std::move(months)},
               {"evidence", std::move(evidence)},
               {"status", finding.status == QualityStatus::kVerified ? "verified" : "open"}};
  if (finding.status == QualityStatus::kVerified) {
    json["verified_by"] = finding.verified_by;
    json["verified_at"] = finding.verified_at;
    json["note"] = finding.note;
  }
  if (detail == QualityJsonDetail::kDashboard) {
    json["name"] = finding.name;
    json["region"] = finding.region;
    json["division"] = finding.division;
    json["reason"] = finding.reason;
    json["reason_en"] = finding.reason_en;
  }
  return json;
}

Json quality_report_to_json(const QualityReport& report, QualityJsonDetail detail) {
  Json findings = Json::array();
  for (const QualityFinding& finding : report.findings) {
    findings.push_back(quality_finding_to_json(finding, detail));
  }
  return {{"period", report.period.to_string()}, {"findings", std::move(findings)}};
}

std::string quality_check_title(const std::string& check, Language language) {
  static const std::map<std::string, std::pair<const char*, const char*>> titles = {
      {detail::kElectricityDivergence, {"产值与用电量背离", "output against electricity"}},
      {detail::kValueAddedRatio, {"增加值率偏离行业", "value-added ratio off its division's"}},
      {detail::kCopiedLastYear, {"与上年同期相同", "equal to last year"}},
      {detail::kConstantSeries, {"连续填报同一数值", "same figure month after month"}},
      {detail::kUnexplainedJump, {"产值突增无支撑", "jump without electricity or division"}},
      {detail::kBenfordFirstDigit, {"首位数字不符合本福特定律", "first digits against Benford"}},
      {detail::kLastDigitUniformity, {"末位数字分布不均", "last digits not uniform"}},
      {detail::kPhysicalLimit, {"超出物理界限", "beyond a physical limit"}},
  };
  auto it = titles.find(check);
  if (it == titles.end()) return check;
  return language == Language::kZh ? it->second.first : it->second.second;
}

std::string quality_report_to_text(const QualityReport& report, Language language,
                                   QualityTextFormat format) {
  bool zh = language == Language::kZh;
  bool markdown = format == QualityTextFormat::kMarkdown;
  std::string out;
  long open = 0;
  for (const QualityFinding& f : report.findings) open += f.status == QualityStatus::kOpen;
  std::string heading =
      zh ? fmt::format("{} 数据质量核查：{}条待核实，{}条已核实", report.period.to_string(), open,
                       std::ssize(report.findings) - open)
         : fmt::format("Data quality, {}: {} finding(s) to verify, {} verified",
                       report.period.to_string(), open, std::ssize(report.findings) - open);
  out += markdown ? "# " + heading + "\n\n" : heading + "\n";
  if (report.findings.empty()) {
    out += zh ? "未发现需要核实的数据。\n" : "Nothing to verify.\n";
    return out;
  }
  if (markdown) {
    out += zh ? "| 企业 | 统一社会信用代码 | 核查项 | 月份 | 说明 | 状态 |\n"
              : "| Enterprise | Credit code | Check | Months | Why | Status |\n";
    out += "|---|---|---|---|---|---|\n";
  }
  for (const QualityFinding& f : report.findings) {
    std::string status = f.status == QualityStatus::kOpen
                             ? (zh ? "待核实" : "to verify")
                             : (zh ? fmt::format("已核实（{}：{}）", f.verified_by, f.note)
                                   : fmt::format("verified ({}: {})", f.verified_by, f.note));
    const std::string& reason = zh ? f.reason : f.reason_en;
    if (markdown) {
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", f.name, f.uscc,
                         quality_check_title(f.check, language), months_text(f.months), reason,
                         status);
    } else {
      out += fmt::format("\n{} {}  [{}]  {}\n  {}: {}\n  {}\n", f.uscc, f.name, f.check,
                         quality_check_title(f.check, language), zh ? "月份" : "months",
                         months_text(f.months), reason);
      out += fmt::format("  {}: {}\n", zh ? "状态" : "status", status);
    }
  }
  return out;
}

}  // namespace zhizao
