#include "report/table_writer.h"

#include <algorithm>

namespace zhizao::detail {
namespace {

const std::string& cell_at(const std::vector<std::string>& row, size_t column) {
  static const std::string kBlank;
  return column < row.size() ? row[column] : kBlank;
}

std::string escape_markdown_cell(const std::string& cell) {
  std::string out;
  for (char c : cell) {
    if (c == '|' || c == '*') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string write_text_table(const Table& table) {
  std::vector<int> widths;
  for (const Column& column : table.columns) widths.push_back(display_width(column.header));
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(cell_at(row, i)));
    }
  }
  auto write_line = [&](auto cell_of) {
    std::string line;
    for (size_t i = 0; i < widths.size(); ++i) {
      if (i > 0) line += "  ";
      line += pad_to_width(cell_of(i), widths[i], table.columns[i].align);
    }
    // Trailing padding of a left-aligned last column is noise in a terminal and in diffs.
    line.erase(line.find_last_not_of(' ') + 1);
    return line + "\n";
  };
  std::string out;
  if (!table.title.empty()) out += table.title + "\n";
  out += write_line([&](size_t i) { return table.columns[i].header; });
  int total = 0;
  for (int width : widths) total += width;
  total += 2 * static_cast<int>(widths.empty() ? 0 : widths.size() - 1);
  out += std::string(static_cast<size_t>(total), '-') + "\n";
  for (const auto& row : table.rows) {
    out += write_line([&](size_t i) { return cell_at(row, i); });
  }
  for (const std::string& note : table.footnotes) out += note + "\n";
  return out;
}

std::string write_markdown_table(const Table& table) {
  std::string out;
  if (!table.title.empty()) out += "### " + table.title + "\n\n";
  std::string header = "|";
  std::string rule = "|";
  for (const Column& column : table.columns) {
    header += " " + escape_markdown_cell(column.header) + " |";
    rule += column.align == Align::kRight ? " ---: |" : " --- |";
  }
  out += header + "\n" + rule + "\n";
  for (const auto& row : table.rows) {
    std::string line = "|";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      line += " " + escape_markdown_cell(cell_at(row, i)) + " |";
    }
    out += line + "\n";
  }
  for (const std::string& note : table.footnotes) {
    out += "\n" + escape_markdown_cell(note) + "\n";
  }
  return out;
}

}  // namespace zhizao::detail
