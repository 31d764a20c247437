// parks.csv, chains.csv, deflators.csv and va_ratios.csv of the national-scale dataset.
#include <array>
#include <string_view>

#include "demo/scale_csv_sink.h"
#include "demo/scale_internal.h"
#include "demo/scale_plan.h"
#include "domain/industry.h"
#include "domain/region.h"

namespace zhizao::detail {
namespace {

constexpr std::array<std::string_view, kScaleChainCount> kChainNames = {
    "装备制造产业链", "新材料产业链",     "电子信息产业链", "新能源汽车产业链",
    "生物医药产业链", "绿色食品产业链",   "现代化工产业链", "纺织服装产业链",
    "有色金属产业链", "钢铁深加工产业链", "智能家电产业链", "节能环保产业链"};

constexpr std::array<std::string_view, 3> kParkCategories = {"国家级", "省级", "市级"};

// Divisions without a PPI series, so that the report lists divisions at current prices.
bool without_ppi(std::string_view division) { return division == "07" || division == "16"; }

Status write_parks_and_chains(const ScaleOptions& options, const std::string& dir,
                              ScaleSummary& summary) {
  DemoRandom random(options.seed ^ 0x9A4C'0000'0000'0001ULL);
  CsvSink parks;
  if (Status s = parks.open(dir + "/parks.csv"); !s.is_ok()) return s;
  parks.text("id,name,region,category");
  parks.end_row();
  const int64_t park_count = scale_park_count(options.enterprises);
  for (int64_t park = 1; park <= park_count; ++park) {
    const auto county = random.below(county_regions().size());
    parks.text(fmt::format("P{:04},演示园区{:04},", park, park));
    parks.text(county_regions()[county].code);
    parks.ch(',');
    parks.text(kParkCategories[random.below(kParkCategories.size())]);
    parks.end_row();
  }
  summary.parks = park_count;
  if (Status s = parks.close(); !s.is_ok()) return s;

  CsvSink chains;
  if (Status s = chains.open(dir + "/chains.csv"); !s.is_ok()) return s;
  chains.text("id,name");
  chains.end_row();
  for (int chain = 1; chain <= kScaleChainCount; ++chain) {
    chains.text(fmt::format("C{:02},", chain));
    chains.text(kChainNames[static_cast<size_t>(chain - 1)]);
    chains.end_row();
  }
  summary.chains = kScaleChainCount;
  return chains.close();
}

Status write_deflators_and_ratios(const ScaleOptions& options, const std::string& dir,
                                  ScaleSummary& summary) {
  CsvSink deflators;
  if (Status s = deflators.open(dir + "/deflators.csv"); !s.is_ok()) return s;
  deflators.text("industry,period,ppi");
  deflators.end_row();
  CsvSink ratios;
  if (Status s = ratios.open(dir + "/va_ratios.csv"); !s.is_ok()) return s;
  ratios.text("industry,year,ratio");
  ratios.end_row();
  const auto divisions = industrial_divisions();
  for (size_t d = 0; d < divisions.size(); ++d) {
    DemoRandom random(options.seed ^ (0xDEF1'0000'0000'0000ULL + d));
    const std::string_view code = divisions[d].code;
    // A division's prices drift for a year at a time, with a little noise month to month.
    if (!without_ppi(code)) {
      int64_t drift = 0;
      for (YearMonth m = options.from; m <= options.to; m = m.plus_months(1)) {
        if (m == options.from || m.month == 1) drift = 970 + static_cast<int64_t>(random.below(90));
        const int64_t ppi = drift + static_cast<int64_t>(random.below(21)) - 10;
        deflators.text(code);
        deflators.ch(',');
        deflators.text(m.to_string());
        deflators.ch(',');
        deflators.tenths(ppi);
        deflators.end_row();
        ++summary.deflator_rows;
      }
    }
    for (int year = options.from.year - 1; year <= options.to.year; ++year) {
      ratios.text(code);
      ratios.text(fmt::format(",{},0.{}", year, 200 + random.below(150)));
      ratios.end_row();
      ++summary.va_ratio_rows;
    }
  }
  if (Status s = deflators.close(); !s.is_ok()) return s;
  return ratios.close();
}

}  // namespace

Status write_scale_reference_tables(const ScaleOptions& options, const std::string& dir,
                                    ScaleSummary& summary) {
  if (Status s = write_parks_and_chains(options, dir, summary); !s.is_ok()) return s;
  return write_deflators_and_ratios(options, dir, summary);
}

}  // namespace zhizao::detail
