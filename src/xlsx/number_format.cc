// Telling date number formats (ECMA-376 Part 1, 18.8.30 numFmt and the built-in ids).
#include "xlsx/workbook.h"

namespace zhizao::xlsx {

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  bool date_letter = false;
  bool month_letter = false;
  bool time_letter = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {  // quoted literal text
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {  // an escaped or padding character
      ++i;
    } else if (c == '[') {  // [Red], [$-804], [DBNum1]; [h], [mm], [ss] are elapsed time
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      char first = i + 1 < end ? code[i + 1] : ' ';
      if (first == 'h' || first == 'H' || first == 'm' || first == 'M' || first == 's' ||
          first == 'S') {
        time_letter = true;
      }
      i = end;
    } else if (c == ';') {  // only the first section (positive numbers) decides
      break;
    } else {
      char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (lower == 'y' || lower == 'd') date_letter = true;
      if (lower == 'm') month_letter = true;
      if (lower == 'h' || lower == 's') time_letter = true;
    }
  }
  // "m" alone is a month; beside h or s it is minutes ("h:mm", "mm:ss").
  return date_letter || (month_letter && !time_letter);
}

}  // namespace zhizao::xlsx
