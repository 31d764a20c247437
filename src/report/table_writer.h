// A plain table (title, header, rows, footnotes) and its two renderings: aligned columns for a
// terminal, where a Chinese character takes two columns (base/text.h display_width), and a
// GitHub-flavoured Markdown pipe table. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/text.h"

namespace zhizao::detail {

struct Column {
  std::string header;
  Align align = Align::kLeft;  // numbers kRight, names kLeft
};

struct Table {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells
  std::vector<std::string> footnotes;
};

// Returns the title, the header, a rule of '-', the rows, and the footnotes, each line ending
// in '\n'; columns are two spaces apart and padded to the widest cell (display columns).
// Missing cells of a short row are blank; extra cells are ignored.
std::string write_text_table(const Table& table);

// Returns "### title", a blank line, a pipe table (':' marks right-aligned columns; '|' in cells
// escaped) and the footnotes as paragraphs.
std::string write_markdown_table(const Table& table);

}  // namespace zhizao::detail
