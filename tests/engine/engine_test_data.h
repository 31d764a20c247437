// Small hand-made datasets for the engine tests: one line per record, values chosen so that the
// expected figures can be computed by hand.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/dataset.h"

namespace zhizao::testing {

inline Enterprise firm(std::string uscc, std::string division, std::string region = "410302") {
  Enterprise enterprise;
  enterprise.uscc = std::move(uscc);
  enterprise.name = "企业" + enterprise.uscc;
  enterprise.industry = division;
  enterprise.division = std::move(division);
  enterprise.region = std::move(region);
  return enterprise;
}

inline Enterprise key_firm(std::string uscc, std::string division) {
  Enterprise enterprise = firm(std::move(uscc), std::move(division));
  enterprise.key = true;
  return enterprise;
}

// A record with value added given (output = 10 × value added unless set otherwise).
inline MonthlyRecord va_record(const std::string& uscc, YearMonth period, double value_added) {
  MonthlyRecord record;
  record.uscc = uscc;
  record.period = period;
  record.output = 10 * value_added;
  record.value_added = value_added;
  return record;
}

// A record with output only (value added from the ratio).
inline MonthlyRecord output_record(const std::string& uscc, YearMonth period, double output) {
  MonthlyRecord record;
  record.uscc = uscc;
  record.period = period;
  record.output = output;
  return record;
}

inline Deflator deflator(std::string division, YearMonth period, double ppi) {
  Deflator row;
  row.division = std::move(division);
  row.period = period;
  row.ppi = ppi;
  return row;
}

inline ValueAddedRatio ratio(std::string division, int year, double value) {
  ValueAddedRatio row;
  row.division = std::move(division);
  row.year = year;
  row.ratio = value;
  return row;
}

}  // namespace zhizao::testing
