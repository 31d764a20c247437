// write_xlsx_report: the report as an Excel workbook (libxlsxwriter). The tables' cells come as
// the report displays them; a figure column's cells are stored as numbers again, with a number
// format of the decimals shown, so that the workbook computes with them.
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

#include "base/text.h"
#include "document/document_content.h"
#include "document/office_report.h"

namespace zhizao {
namespace {

constexpr double kNarrativeColumnWidth = 90;  // Excel character units (a CJK character is two)
constexpr double kLineHeight = 16;            // points per wrapped line
constexpr double kMaxColumnWidth = 60;

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* meta = nullptr;
  lxw_format* heading = nullptr;
  lxw_format* paragraph = nullptr;
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* missing = nullptr;
  lxw_format* note = nullptr;
  lxw_format* number[3] = {nullptr, nullptr, nullptr};  // 0, 1 and 2 decimals
};

lxw_format* bordered(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_border(format, LXW_BORDER_THIN);
  format_set_font_size(format, 10);
  format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

Formats make_formats(lxw_workbook* workbook) {
  Formats f;
  f.title = workbook_add_format(workbook);
  format_set_bold(f.title);
  format_set_font_size(f.title, 16);
  f.meta = workbook_add_format(workbook);
  format_set_font_color(f.meta, 0x404040);
  f.heading = workbook_add_format(workbook);
  format_set_bold(f.heading);
  format_set_font_size(f.heading, 12);
  f.paragraph = workbook_add_format(workbook);
  format_set_text_wrap(f.paragraph);
  format_set_align(f.paragraph, LXW_ALIGN_VERTICAL_TOP);
  f.header = bordered(workbook);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_bg_color(f.header, 0xE7ECF4);
  f.text = bordered(workbook);
  f.missing = bordered(workbook);
  format_set_align(f.missing, LXW_ALIGN_RIGHT);
  f.note = workbook_add_format(workbook);
  format_set_font_size(f.note, 9);
  format_set_font_color(f.note, 0x404040);
  const char* patterns[3] = {"0", "0.0", "0.00"};
  for (int i = 0; i < 3; ++i) {
    f.number[i] = bordered(workbook);
    format_set_num_format(f.number[i], patterns[i]);
  }
  return f;
}

// A displayed figure back as a number: "12.7" → (12.7, 1 decimal); anything else → nothing.
struct Figure {
  double value = 0;
  int decimals = 0;
};
std::optional<Figure> parse_figure(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  Figure figure;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), figure.value);
  if (error != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  size_t point = cell.find('.');
  figure.decimals = point == std::string::npos ? 0 : static_cast<int>(cell.size() - point - 1);
  figure.decimals = std::clamp(figure.decimals, 0, 2);
  return figure;
}

// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook.
std::string sheet_name(const std::string& title, std::set<std::string>& used) {
  std::string name;
  int characters = 0;
  for (size_t i = 0; i < title.size() && characters < 28;) {
    unsigned char lead = static_cast<unsigned char>(title[i]);
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::string character = title.substr(i, length);
    if (character.size() != 1 || std::string("[]:*?/\\").find(character[0]) == std::string::npos) {
      name += character;
      ++characters;
    }
    i += length;
  }
  std::string unique = name;
  for (int n = 2; used.count(unique) > 0; ++n) unique = name + "~" + std::to_string(n);
  used.insert(unique);
  return unique;
}

void write_narrative_sheet(lxw_workbook* workbook, const Formats& f,
                           const detail::DocumentContent& content, const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  worksheet_set_column(sheet, 0, 0, kNarrativeColumnWidth, nullptr);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  lxw_row_t row = 0;
  worksheet_set_row(sheet, row, 24, nullptr);
  worksheet_write_string(sheet, row++, 0, content.document.narrative.title.c_str(), f.title);
  std::string meta = content.period_line;
  if (!content.date_line.empty()) meta += "　" + content.date_line;
  worksheet_write_string(sheet, row++, 0, meta.c_str(), f.meta);
  for (const detail::NarrativeSection& section : content.document.narrative.sections) {
    ++row;
    worksheet_write_string(sheet, row++, 0, section.heading.c_str(), f.heading);
    for (const std::string& paragraph : section.paragraphs) {
      // Excel does not grow a row for wrapped text written by a library: size it here.
      // A little under the column width per line: Excel breaks before punctuation it cannot start
      // a line with.
      int lines = display_width(paragraph) / static_cast<int>(kNarrativeColumnWidth - 6) + 1;
      worksheet_set_row(sheet, row, kLineHeight * lines, nullptr);
      worksheet_write_string(sheet, row++, 0, paragraph.c_str(), f.paragraph);
    }
  }
}

void write_table_sheet(lxw_workbook* workbook, const Formats& f, const detail::Table& table,
                       const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  worksheet_set_paper(sheet, 9);
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_write_string(sheet, 0, 0, table.title.c_str(), f.heading);
  const lxw_row_t header_row = 2;
  std::vector<int> widths(table.columns.size(), 6);
  for (size_t c = 0; c < table.columns.size(); ++c) {
    auto column = static_cast<lxw_col_t>(c);
    worksheet_write_string(sheet, header_row, column, table.columns[c].header.c_str(), f.header);
    widths[c] = std::max(widths[c], display_width(table.columns[c].header));
  }
  lxw_row_t row = header_row + 1;
  for (const auto& cells : table.rows) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      auto column = static_cast<lxw_col_t>(c);
      const std::string cell = c < cells.size() ? cells[c] : "";
      widths[c] = std::max(widths[c], display_width(cell));
      std::optional<Figure> figure =
          detail::numeric_column(table, c) ? parse_figure(cell) : std::nullopt;
      if (figure) {
        worksheet_write_number(sheet, row, column, figure->value, f.number[figure->decimals]);
      } else {
        worksheet_write_string(sheet, row, column, cell.c_str(),
                               detail::numeric_column(table, c) ? f.missing : f.text);
      }
    }
    ++row;
  }
  for (const std::string& note : table.footnotes) {
    worksheet_write_string(sheet, ++row, 0, note.c_str(), f.note);
  }
  for (size_t c = 0; c < widths.size(); ++c) {
    double width = std::min(kMaxColumnWidth, widths[c] + 2.0);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
  worksheet_set_row(sheet, header_row, 30, nullptr);
  worksheet_freeze_panes(sheet, header_row + 1, 0);
  worksheet_repeat_rows(sheet, header_row, header_row);
  if (!table.rows.empty() && !table.columns.empty()) {
    worksheet_autofilter(sheet, header_row, 0,
                         header_row + static_cast<lxw_row_t>(table.rows.size()),
                         static_cast<lxw_col_t>(table.columns.size() - 1));
  }
}

}  // namespace

Status write_xlsx_report(const ReportData& report, const std::string& path,
                         const OfficeOptions& options) {
  detail::DocumentContent content = detail::document_content(report, {}, options);
  std::string temporary = path + ".tmp";
  lxw_workbook* workbook = workbook_new(temporary.c_str());
  if (workbook == nullptr) return Status::io_error("cannot create " + temporary);
  lxw_doc_properties properties{};
  std::string title = content.document.narrative.title;
  properties.title = title.data();
  properties.author = const_cast<char*>("zhizao");
  workbook_set_properties(workbook, &properties);
  Formats formats = make_formats(workbook);
  std::set<std::string> used;
  bool zh = options.language == Language::kZh;
  write_narrative_sheet(workbook, formats, content, sheet_name(zh ? "分析" : "Analysis", used));
  for (const detail::Table& table : content.document.tables) {
    write_table_sheet(workbook, formats, table, sheet_name(table.title, used));
  }
  lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    std::remove(temporary.c_str());
    return Status::io_error("cannot write " + temporary + ": " + lxw_strerror(error));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Status::io_error("cannot rename " + temporary + " to " + path);
  }
  return Status::ok();
}

}  // namespace zhizao
