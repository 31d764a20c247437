// Excel serial day numbers (ECMA-376 Part 1, 18.17.4.1): in the 1900 system day 1 is
// 1900-01-01 and day 60 is the non-existent 1900-02-29 kept for Lotus 1-2-3 compatibility, so
// from day 61 on the serial is the number of days since 1899-12-30.
#include <fmt/format.h>

#include <cmath>

#include "xlsx/workbook.h"

namespace zhizao::xlsx {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms", days_from_civil).
long days_from_civil(long y, long m, long d) {
  y -= m <= 2 ? 1 : 0;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

const long kEpoch1900 = days_from_civil(1899, 12, 30);
const long kEpoch1904 = days_from_civil(1904, 1, 1);
constexpr double kLastSerial = 2958465;  // 9999-12-31

}  // namespace

Result<CivilDate> date_from_serial(double serial, bool date1904) {
  double day = std::floor(serial);
  if (!std::isfinite(serial) || day < (date1904 ? 0 : 1) || day > kLastSerial ||
      (!date1904 && day == 60)) {
    return fail(Status::invalid_data(fmt::format("not a date: {}", serial)));
  }
  long n = static_cast<long>(day);
  if (date1904) return civil_from_days(kEpoch1904 + n);
  // Before the fictitious 29 February the serials are one day ahead.
  return civil_from_days(kEpoch1900 + (n < 60 ? n + 1 : n));
}

double serial_from_date(const CivilDate& date) {
  long n = days_from_civil(date.year, date.month, date.day) - kEpoch1900;
  return static_cast<double>(n < 61 ? n - 1 : n);
}

}  // namespace zhizao::xlsx
