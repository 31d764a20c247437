#include "ingest/monthly_audit.h"

#include "ingest/column_schema.h"

namespace zhizao::detail {
namespace {

// The header of the monthly column `field` as written in `file`, or "(row)" for a field that is
// not a monthly column.
std::string column_of(const ParsedFile& file, std::string_view field) {
  std::span<const ColumnSpec> columns = columns_of(FileKind::kMonthly);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].name == field) {
      return std::string(file.header.column_header(FileKind::kMonthly, static_cast<int>(c)));
    }
  }
  return "(row)";
}

}  // namespace

void audit_monthly_part(ParsedFile& file, const std::vector<MonthlyRecord>& records,
                        std::span<const long> lines, std::span<const uint32_t> key_order,
                        const std::vector<Enterprise>& enterprises, const MonthlyAudit& audit) {
  if (records.empty()) return;
  for (AuditFinding& found : audit({records, key_order, enterprises})) {
    if (found.record >= records.size() || found.record >= lines.size()) continue;
    Finding finding{lines[found.record], column_of(file, found.field), std::move(found.reason)};
    auto& list = found.level == AuditLevel::kError ? file.findings.errors : file.findings.warnings;
    list.push_back(std::move(finding));
  }
}

std::vector<Enterprise> imported_enterprises(const std::vector<ParsedFile>& files) {
  std::vector<Enterprise> enterprises;
  for (const ParsedFile& file : files) {
    if (file.kind != FileKind::kEnterprises) continue;
    enterprises.insert(enterprises.end(), file.rows.enterprises.begin(),
                       file.rows.enterprises.end());
  }
  return enterprises;
}

void audit_monthly_files(std::vector<ParsedFile>& files, const MonthlyAudit& audit) {
  const std::vector<Enterprise> enterprises = imported_enterprises(files);
  for (ParsedFile& file : files) {
    const std::vector<MonthlyRecord>& records = file.rows.monthly;
    if (file.kind != FileKind::kMonthly || records.empty()) continue;
    std::span<const uint32_t> order;
    if (file.monthly_order.size() == records.size()) order = file.monthly_order;
    audit_monthly_part(file, records, file.lines, order, enterprises, audit);
  }
}

}  // namespace zhizao::detail
