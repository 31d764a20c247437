// monthly_view_sql: the view `monthly` over the year blocks, in plain SQL (month_block.h says
// why). Each value is rebuilt from the 16 hex digits of its big-endian IEEE 754 binary64 bytes:
// sign, 11-bit exponent, 52-bit fraction; (fraction + 2^52) · 2^(exponent − 1075), or
// fraction · 2^−1074 for subnormals. Every step is exact (integers below 2^53 and powers of two),
// so the view returns the stored doubles bit for bit.
#include <string>

#include <fmt/format.h>

#include "store/month_block.h"

namespace zhizao::detail {
namespace {

constexpr const char* kHexDigits = "'0123456789ABCDEF'";

// The value 0..15 of hex digit `i` (1-based) of the text column `hex`.
std::string nibble(const std::string& hex, int i) {
  return fmt::format("(instr({}, substr({}, {}, 1)) - 1)", kHexDigits, hex, i);
}

// The double whose 8 bytes are the 16 hex digits of column `hex`.
std::string double_from_hex(const std::string& hex) {
  std::string exponent = fmt::format("(({} % 8) * 256 + {} * 16 + {})", nibble(hex, 1),
                                     nibble(hex, 2), nibble(hex, 3));
  std::string fraction = "(";
  for (int i = 4; i <= 16; ++i) {
    if (i > 4) fraction += " + ";
    fraction += fmt::format("{} * {}", nibble(hex, i), uint64_t{1} << (4 * (16 - i)));
  }
  fraction += ")";
  return fmt::format(
      "(CASE WHEN {e} = 0 THEN {f} * power(2.0, -1074) "
      "ELSE ({f} + 4503599627370496) * power(2.0, {e} - 1075) END "
      "* CASE WHEN {s} >= 8 THEN -1 ELSE 1 END)",
      fmt::arg("e", exponent), fmt::arg("f", fraction), fmt::arg("s", nibble(hex, 1)));
}

}  // namespace

std::string monthly_view_sql() {
  const std::size_t slot = kMonthSlotBytes;
  std::string months = "SELECT 1 AS month";
  for (int m = 2; m <= 12; ++m) months += fmt::format(" UNION ALL SELECT {}", m);
  std::string inner = fmt::format(
      "SELECT y.uscc AS uscc, y.year AS year, m.month AS month, "
      "hex(substr(y.months, (m.month - 1) * {0} + 1, 1)) AS flags_hex",
      slot);
  for (int v = 0; v < 6; ++v) {
    inner += fmt::format(", hex(substr(y.months, (m.month - 1) * {} + {}, 8)) AS v{}", slot,
                         2 + 8 * v, v);
  }
  inner +=
      fmt::format(" FROM monthly_year y JOIN ({}) m ON (y.present >> (m.month - 1)) & 1", months);
  const std::string flags =
      fmt::format("({} * 16 + {})", nibble("flags_hex", 1), nibble("flags_hex", 2));
  std::string sql =
      "CREATE VIEW monthly (uscc, year, month, output, value_added, electricity, output_prev, "
      "value_added_prev, electricity_prev, in_scope) AS SELECT uscc, year, month, " +
      double_from_hex("v0");
  for (int v = 1; v < 6; ++v) {
    sql += fmt::format(", CASE WHEN ({} >> {}) & 1 THEN {} END", flags, 1 + v,
                       double_from_hex(fmt::format("v{}", v)));
  }
  sql += fmt::format(", ({} >> 1) & 1 FROM ({})", flags, inner);
  return sql;
}

}  // namespace zhizao::detail
