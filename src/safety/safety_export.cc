#include "safety/safety_export.h"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <variant>
#include <vector>

#include "base/text.h"
#include "ingest/csv_writer.h"
#include "safety/safety_columns.h"
#include "xlsx/workbook_writer.h"

namespace zhizao {
namespace {

constexpr std::array kKinds = {SafetyFileKind::kPlans, SafetyFileKind::kChecks,
                               SafetyFileKind::kHazards, SafetyFileKind::kRoster};

// A cell of a safety file: text (codes and names, written as text cells), or a date.
using SafetyCell = std::variant<std::string, CivilDate>;
using SafetyRow = std::vector<SafetyCell>;

SafetyCell optional_date(const std::optional<CivilDate>& date) {
  if (date) return *date;
  return std::string();
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ";") + part;
  return out;
}

std::string reinspection_text(ReinspectionResult result) {
  switch (result) {
    case ReinspectionResult::kPassed:
      return "通过";
    case ReinspectionResult::kFailed:
      return "未通过";
    case ReinspectionResult::kNone:
      break;
  }
  return "";
}

// Columns in the order of safety_columns(kind) (docs/safety.md's table).
SafetyRow row_of(const SafetyPlan& p) {
  return {p.id, p.name, p.kind, joined(p.divisions), p.region, p.from, p.to};
}
SafetyRow row_of(const SafetyCheck& c) {
  return {c.id, c.plan, c.uscc, c.date, c.inspector, c.findings};
}
SafetyRow row_of(const Hazard& h) {
  return {h.id,
          h.check,
          std::string(hazard_level_name_zh(h.level)),
          h.description,
          h.found,
          h.deadline,
          optional_date(h.rectified),
          optional_date(h.reinspected),
          reinspection_text(h.reinspection),
          h.proof};
}
SafetyRow row_of(const DutyShift& d) { return {d.date, d.shift, d.person, d.phone, d.handover}; }

template <typename Record>
std::vector<SafetyRow> rows_of(const std::vector<Record>& records) {
  std::vector<SafetyRow> rows;
  rows.reserve(records.size());
  for (const Record& record : records) rows.push_back(row_of(record));
  return rows;
}

std::vector<SafetyRow> rows_of_kind(const SafetyRegister& records, SafetyFileKind kind) {
  switch (kind) {
    case SafetyFileKind::kPlans:
      return rows_of(records.plans);
    case SafetyFileKind::kChecks:
      return rows_of(records.checks);
    case SafetyFileKind::kHazards:
      return rows_of(records.hazards);
    case SafetyFileKind::kRoster:
      break;
  }
  return rows_of(records.roster);
}

// The example rows of the templates: a plan, a check of the contract templates' sample
// enterprise under it, a hazard found at that check, a shift (ingest/workbook_template.cc).
constexpr std::string_view kSampleUscc = "91410302MA400001XM";

SafetyRow example_row(SafetyFileKind kind) {
  switch (kind) {
    case SafetyFileKind::kPlans:
      return row_of(SafetyPlan{"JH2021-01",
                               "2021年汛期尾矿库安全检查",
                               "尾矿库",
                               {"08", "09", "10"},
                               "",
                               CivilDate{2021, 6, 1},
                               CivilDate{2021, 9, 30}});
    case SafetyFileKind::kChecks:
      return row_of(SafetyCheck{"JC2021-001", "JH2021-01", std::string(kSampleUscc),
                                CivilDate{2021, 6, 15}, "张三", "排洪设施完好，坝体无渗漏"});
    case SafetyFileKind::kHazards:
      return row_of(Hazard{"YH2021-001", "JC2021-001", HazardLevel::kOrdinary, "排水沟淤堵",
                           CivilDate{2021, 6, 15}, CivilDate{2021, 6, 30}, CivilDate{2021, 6, 25},
                           CivilDate{2021, 6, 28}, ReinspectionResult::kPassed, ""});
    case SafetyFileKind::kRoster:
      break;
  }
  return row_of(DutyShift{CivilDate{2021, 6, 1}, "白班", "李四", "0379-12345678", "交接正常"});
}

// What a column holds, for the template's notes (docs/safety.md).
std::string column_note(const detail::SafetyColumn& column) {
  return fmt::format("{}{}", column.name,
                     column.presence == detail::Presence::kRequired ? "（必填）" : "（可空）");
}

Status write_workbook(SafetyFileKind kind, const std::vector<SafetyRow>& rows,
                      const std::string& path, bool with_notes) {
  Result<std::unique_ptr<xlsx::WorkbookWriter>> workbook = xlsx::WorkbookWriter::create(path);
  if (!workbook) return workbook.error();
  Result<xlsx::SheetWriter> sheet = (*workbook)->add_sheet(safety_sheet_name(kind));
  if (!sheet) return sheet.error();
  const std::span<const detail::SafetyColumn> columns = detail::safety_columns(kind);
  for (size_t c = 0; c < columns.size(); ++c) {
    const int column = static_cast<int>(c);
    sheet->text(0, column, columns[c].chinese, xlsx::CellStyle::kHeader);
    if (with_notes) sheet->note(0, column, column_note(columns[c]));
    double width = xlsx::fitting_width(columns[c].chinese);
    for (const SafetyRow& row : rows) {
      if (const auto* text = std::get_if<std::string>(&row[c])) {
        width = std::max(width, std::min(60.0, xlsx::fitting_width(*text)));
      } else {
        width = std::max(width, 12.0);
      }
    }
    sheet->column_width(column, width);
  }
  sheet->freeze(1, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const int row = static_cast<int>(r) + 1;
      const int column = static_cast<int>(c);
      if (const auto* date = std::get_if<CivilDate>(&rows[r][c])) {
        sheet->date(row, column, *date);
      } else if (const auto& text = std::get<std::string>(rows[r][c]); !text.empty()) {
        sheet->text(row, column, text, xlsx::CellStyle::kText);
      }
    }
  }
  return (*workbook)->close();
}

// Written to PATH.tmp and renamed, as the workbooks are, so no half file appears under PATH.
Status write_csv(SafetyFileKind kind, const std::vector<SafetyRow>& rows, const std::string& path) {
  detail::CsvWriter out;
  for (const detail::SafetyColumn& column : detail::safety_columns(kind)) out.field(column.chinese);
  out.end_record();
  for (const SafetyRow& row : rows) {
    for (const SafetyCell& cell : row) {
      if (const auto* date = std::get_if<CivilDate>(&cell)) {
        out.field(date->to_string());
      } else {
        out.field(std::get<std::string>(cell));
      }
    }
    out.end_record();
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << out.text();
    file.flush();
    if (!file) {
      std::filesystem::remove(temporary);
      return Status::io_error("cannot write " + temporary);
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    return Status::io_error(
        fmt::format("cannot rename {} to {}: {}", temporary, path, error.message()));
  }
  return Status::ok();
}

}  // namespace

std::optional<SafetyFileKind> parse_safety_kind(std::string_view stem) {
  const std::string lower = ascii_lower(stem);
  for (SafetyFileKind kind : kKinds) {
    if (lower == safety_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view safety_sheet_name(SafetyFileKind kind) {
  switch (kind) {
    case SafetyFileKind::kPlans:
      return "检查计划";
    case SafetyFileKind::kChecks:
      return "检查记录";
    case SafetyFileKind::kHazards:
      return "隐患台账";
    case SafetyFileKind::kRoster:
      break;
  }
  return "值班表";
}

Status export_safety_file(const SafetyRegister& records, SafetyFileKind kind,
                          SafetyFileFormat format, const std::string& path) {
  const std::vector<SafetyRow> rows = rows_of_kind(records, kind);
  return format == SafetyFileFormat::kXlsx ? write_workbook(kind, rows, path, false)
                                           : write_csv(kind, rows, path);
}

Status export_safety_files(const SafetyRegister& records, SafetyFileFormat format,
                           const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::io_error(fmt::format("cannot create {}: {}", dir, error.message()));
  for (SafetyFileKind kind : kKinds) {
    const std::string name = fmt::format("{}.{}", safety_kind_name(kind),
                                         format == SafetyFileFormat::kXlsx ? "xlsx" : "csv");
    ZHIZAO_RETURN_IF_ERROR(
        export_safety_file(records, kind, format, (std::filesystem::path(dir) / name).string()));
  }
  return Status::ok();
}

Status write_safety_template(SafetyFileKind kind, const std::string& path) {
  return write_workbook(kind, {example_row(kind)}, path, true);
}

}  // namespace zhizao
