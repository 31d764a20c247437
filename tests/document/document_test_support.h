// Helpers for the document tests: a sample trend, unzipping a package in memory, parsing XML.
#pragma once

#include <zip.h>

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "engine/trend.h"

namespace zhizao::testing {

// 24 months up to 2021-04 without Januaries; 2020-02 has no figure (a gap); 2020 falls.
inline std::vector<TrendPoint> sample_trend() {
  std::vector<TrendPoint> trend;
  for (YearMonth m{2019, 5}; m.index() <= YearMonth{2021, 4}.index(); m = m.plus_months(1)) {
    if (m.month == 1) continue;
    TrendPoint point;
    point.period = m;
    if (!(m.year == 2020 && m.month == 2)) {
      point.value_added_growth = m.year == 2020 ? -8.0 + m.month : 8.5;
      point.manufacturing_value_added_growth = m.year == 2020 ? -9.0 + m.month : 9.0;
    }
    point.electricity_growth = 5.0;
    trend.push_back(point);
  }
  return trend;
}

// Returns every entry of the zip archive `bytes` by name; nullopt when it is not a zip.
inline std::optional<std::map<std::string, std::string>> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return std::nullopt;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    return std::nullopt;
  }
  std::map<std::string, std::string> entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string data(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (file == nullptr) continue;
    zip_fread(file, data.data(), data.size());
    zip_fclose(file);
    entries[stat.name] = data;
  }
  zip_close(archive);
  return entries;
}

// True when `xml` parses as a well-formed document.
inline bool well_formed(const std::string& xml, pugi::xml_document* document = nullptr) {
  pugi::xml_document local;
  pugi::xml_document& target = document != nullptr ? *document : local;
  return static_cast<bool>(target.load_buffer(xml.data(), xml.size()));
}

}  // namespace zhizao::testing
