// Finding: one located message about an input file (an error that refuses the import, or a
// warning that does not), before the file name is put in front of it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zhizao::detail {

struct Finding {
  long line = 0;       // 1-based physical line where the record starts (1 for file-level)
  std::string column;  // header as written in the file, or a marker such as "(header)"
  std::string reason;
};

// What a file's checks found, kept per file so that they can be sorted by line.
struct Findings {
  std::vector<Finding> errors;
  std::vector<Finding> warnings;
};

// Returns "FILE:LINE: COLUMN: reason", the data contract's format for every message.
std::string format_finding(std::string_view file, const Finding& finding);

}  // namespace zhizao::detail
