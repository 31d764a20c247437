#include <fmt/format.h>

#include "xlsx/workbook.h"

namespace zhizao::xlsx {

std::string column_letters(int column) {
  std::string letters;
  while (column > 0) {
    int digit = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return letters;
}

std::string cell_reference(int row, int column) {
  return fmt::format("{}{}", column_letters(column), row);
}

bool parse_cell_reference(std::string_view reference, int& row, int& column) {
  size_t i = 0;
  if (i < reference.size() && reference[i] == '$') ++i;
  column = 0;
  size_t letters = 0;
  for (; i < reference.size(); ++i, ++letters) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > 16384) return false;
  }
  if (letters == 0) return false;
  if (i < reference.size() && reference[i] == '$') ++i;
  row = 0;
  size_t digits = 0;
  for (; i < reference.size(); ++i, ++digits) {
    char c = reference[i];
    if (c < '0' || c > '9') return false;
    row = row * 10 + (c - '0');
    if (row > 1048576) return false;
  }
  return digits > 0 && row > 0;
}

}  // namespace zhizao::xlsx
