// The demo under construction: the Dataset plus, per enterprise, the plan it was generated from,
// so that the calibration knows which rows to scale. Internal to the demo module.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "demo/demo_random.h"
#include "domain/dataset.h"

namespace zhizao::detail {

// Where a key enterprise's own output growth is placed (the article counts them by band).
enum class KeyBand { kNotKey, kBelow50, kOver50, kDoubled };

// What a month's record of a firm looks like; the span is of month numbers 0 = 2019-01 .. 29.
struct DemoFirm {
  size_t division = 0;     // index into demo_divisions()
  size_t enterprise = 0;   // index into Dataset::enterprises
  double base = 0;         // mean monthly gross output in 2019, 万元
  double va_ratio = 0;     // own value added / gross output
  double electricity = 0;  // 万千瓦时 per 万元 of output at 2019 prices; 0: not reported
  double growth_2021 = 0;  // designed growth Jan–Apr 2021, % (real value added; key: output)
  KeyBand band = KeyBand::kNotKey;
  bool reports_value_added = true;
  bool folds_january = false;   // January reported together with February, every year
  int first_month = 0;          // first month with a record (24 for a 2021 entrant)
  int last_month = 29;          // last month with a record
  int out_of_scope_first = -1;  // months first..last not in scope (规上); -1: none
  int out_of_scope_last = -1;
};

struct DemoBuild {
  Dataset dataset;
  std::vector<DemoFirm> firms;
  std::vector<size_t> row_firm;  // firm of each Dataset::monthly row
};

constexpr int kDemoMonths = 30;  // 2019-01 .. 2021-06

// Fills enterprises, parks, chains and the firms' plans.
void generate_enterprises(DemoRandom& random, DemoBuild& build);

// Fills monthly, deflators and va_ratios from the firms' plans.
void generate_monthly(DemoRandom& random, DemoBuild& build);

// Fills projects and project_progress so that Jan–Apr 2021 shows the article's figures.
void generate_projects(DemoRandom& random, Dataset& dataset);

// Scales the 2021 figures until the engine's report for 2021-04 shows the article's figures.
// Errors: kInternal naming the figure that could not be reached.
Status calibrate(DemoBuild& build);

}  // namespace zhizao::detail
