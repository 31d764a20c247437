// projects.csv and project_progress.csv of the national-scale dataset: a small number of
// investment projects (one per thousand enterprises) with start and completion dates spread over
// the range, some not yet started or completed, and their monthly completed investment.
#include <algorithm>
#include <cmath>
#include <optional>

#include "demo/scale_csv_sink.h"
#include "demo/scale_internal.h"
#include "demo/scale_plan.h"
#include "domain/industry.h"
#include "domain/region.h"

namespace zhizao::detail {
namespace {

void date_field(CsvSink& sink, const ScaleOptions& options, std::optional<int> offset, int day) {
  sink.ch(',');
  if (!offset) return;
  const YearMonth m = options.from.plus_months(*offset);
  sink.text(fmt::format("{}-{:02}-{:02}", m.year, m.month, day));
}

}  // namespace

Status write_scale_projects(const ScaleOptions& options, const std::string& dir,
                            ScaleSummary& summary) {
  CsvSink projects;
  CsvSink progress;
  if (Status s = projects.open(dir + "/projects.csv"); !s.is_ok()) return s;
  if (Status s = progress.open(dir + "/project_progress.csv"); !s.is_ok()) return s;
  projects.text(
      "id,name,region,total_investment,industry,chain,park,year_plan_investment,planned_start,"
      "actual_start,planned_completion,actual_completion");
  projects.end_row();
  progress.text("id,period,investment");
  progress.end_row();
  const int months = options.to.index() - options.from.index() + 1;
  const int64_t count = scale_project_count(options.enterprises);
  const int64_t parks = scale_park_count(options.enterprises);
  DemoRandom random(options.seed ^ 0x960C'0000'0000'0001ULL);
  for (int64_t p = 1; p <= count; ++p) {
    const std::string id = fmt::format("X{:05}", p);
    const int planned_start = static_cast<int>(random.below(static_cast<uint64_t>(months)));
    const int start_slip = static_cast<int>(random.below(4)) - 1;
    std::optional<int> actual_start;
    if (random.chance(0.8) && planned_start + start_slip < months) {
      actual_start = std::max(0, planned_start + start_slip);
    }
    const int planned_completion = planned_start + 6 + static_cast<int>(random.below(24));
    std::optional<int> actual_completion;
    const int completion = planned_completion + static_cast<int>(random.below(5)) - 2;
    if (actual_start && completion > *actual_start && completion < months && random.chance(0.7)) {
      actual_completion = completion;
    }
    const int64_t total = 50'000 + static_cast<int64_t>(random.below(5'000'000));  // tenths
    projects.text(fmt::format("{},演示项目{:05},", id, p));
    projects.text(county_regions()[random.below(county_regions().size())].code);
    projects.ch(',');
    projects.tenths(total);
    projects.ch(',');
    projects.text(industrial_divisions()[random.below(industrial_divisions().size())].code);
    projects.ch(',');
    if (random.chance(0.5))
      projects.text(fmt::format("C{:02}", 1 + random.below(kScaleChainCount)));
    projects.ch(',');
    if (random.chance(0.4)) {
      projects.text(fmt::format("P{:04}", 1 + random.below(static_cast<uint64_t>(parks))));
    }
    projects.ch(',');
    projects.tenths(total * 3 / 10);
    date_field(projects, options, planned_start, 1 + static_cast<int>(random.below(28)));
    date_field(projects, options, actual_start, 1 + static_cast<int>(random.below(28)));
    date_field(projects, options, planned_completion, 1 + static_cast<int>(random.below(28)));
    date_field(projects, options, actual_completion, 1 + static_cast<int>(random.below(28)));
    projects.end_row();
    ++summary.projects;
    if (!actual_start) continue;
    const int end = actual_completion.value_or(std::min(months - 1, planned_completion));
    const int64_t per_month = total / (end - *actual_start + 1);
    for (int t = *actual_start; t <= end && t < months; ++t) {
      progress.text(id);
      progress.ch(',');
      progress.text(options.from.plus_months(t).to_string());
      progress.ch(',');
      progress.tenths(std::max<int64_t>(
          1, per_month / 2 +
                 static_cast<int64_t>(random.below(static_cast<uint64_t>(per_month) + 1))));
      progress.end_row();
      ++summary.project_progress_rows;
    }
  }
  if (Status s = projects.close(); !s.is_ok()) return s;
  return progress.close();
}

}  // namespace zhizao::detail
