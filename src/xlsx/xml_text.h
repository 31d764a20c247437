// The escape that SpreadsheetML uses inside XML text for characters XML cannot hold
// (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): "_x000D_" is U+000D, "_x005F_" a literal '_'.
#pragma once

#include <string>
#include <string_view>

namespace zhizao::xlsx {

// Returns `text` with every "_xHHHH_" replaced by the UTF-8 of U+HHHH. Pure, thread-safe.
std::string unescape_ooxml(std::string_view text);

}  // namespace zhizao::xlsx
