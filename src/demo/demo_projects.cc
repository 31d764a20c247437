// The demo's industrial projects and their monthly progress. The milestone dates are laid out
// by construction so that January–April 2021 has the article's counts; the progress amounts are
// whole 万元, so their January–April sum is exact.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "demo/demo_build.h"
#include "demo/demo_tables.h"
#include "domain/industry.h"

namespace zhizao::detail {
namespace {

// The article's project figures for January–April 2021 (万元 and counts).
constexpr long kInvestmentJanApr = 2'255'000;
constexpr int kPlannedStartsJanApr = 154;
constexpr int kActualStartsJanApr = 164;
constexpr int kYearPlannedStarts = 283;
constexpr int kPlannedCompletionsJanApr = 10;
constexpr int kActualCompletionsJanApr = 17;
// Projects carried over from 2020 (started then, all of them to be completed in 2021).
constexpr int kCarriedOver = 17;

// Started in Jan–Apr although planned for May or later; and the 2021 projects finished early.
constexpr int kEarlyStarts = 24;
constexpr int kQuickCompletions = 3;

constexpr std::string_view kKinds[] = {"扩产", "技术改造", "智能化改造",
                                       "新建", "研发中心", "配套"};

CivilDate date_in(DemoRandom& random, int year, int month) {
  const int days = days_in_month(year, month);
  return {year, month, 1 + static_cast<int>(random.below(static_cast<uint64_t>(days)))};
}

std::string industry_of_chain(std::string_view chain) {
  for (const DemoDivision& division : demo_divisions()) {
    for (const DemoClass& cls : division.classes) {
      if (cls.chain != chain || cls.code.empty()) continue;
      auto parent = division_of_industry_code(cls.code);
      return parent && *parent == division.code ? std::string(cls.code)
                                                : std::string(division.code);
    }
  }
  return "";
}

// A project's plan before dates: where, what, how large.
Project make_project(DemoRandom& random, int number) {
  Project p;
  p.id = fmt::format("XM{:03}", number);
  const auto chains = demo_chains();
  const DemoChain& chain = chains[random.below(chains.size())];
  if (random.chance(0.85)) {
    p.chain = std::string(chain.id);
    p.industry = industry_of_chain(chain.id);
  }
  for (const DemoPark& park : demo_parks()) {
    if (!p.chain.empty() && park.chains[0] == p.chain && random.chance(0.6)) {
      p.park = std::string(park.id);
      p.region = std::string(park.region);
    }
  }
  if (p.region.empty()) {
    std::vector<int> weights;
    for (const DemoCounty& county : demo_counties()) weights.push_back(county.weight);
    p.region = std::string(demo_counties()[random.weighted(weights)].code);
  }
  p.name = fmt::format("演示{}产业{}项目{:03}", chain.name, kKinds[random.below(6)], number);
  constexpr int kSizes[] = {20000, 50000, 100000, 200000, 400000};
  constexpr int kWeights[] = {30, 30, 20, 14, 6};
  const int size = kSizes[random.weighted(kWeights)];
  p.total_investment =
      static_cast<double>(size / 2 + static_cast<int>(random.below(static_cast<uint64_t>(size))));
  p.year_plan_investment = std::round(p.total_investment * random.between(0.15, 0.30));
  return p;
}

// Lays out the milestones: index i of the 300 projects decides its role (see docs/demo.md).
void set_dates(DemoRandom& random, int i, Project& p) {
  const int carried = kCarriedOver;
  const int planned_jan_apr = kPlannedStartsJanApr;
  const int on_time = kActualStartsJanApr - kEarlyStarts;  // of the Jan–Apr planned starts
  if (i < carried) {
    p.planned_start = date_in(random, 2020, 3 + i % 9);
    p.actual_start = date_in(random, 2020, p.planned_start->month + static_cast<int>(i % 2));
    if (i < kPlannedCompletionsJanApr) {
      p.planned_completion = date_in(random, 2021, 1 + i % 4);
      p.actual_completion = i < kPlannedCompletionsJanApr - 1
                                ? std::optional(date_in(random, 2021, 1 + i % 4))
                                : std::optional(date_in(random, 2021, 5));
    } else {
      p.planned_completion = date_in(random, 2021, 5 + i % 8);
      const int early = kActualCompletionsJanApr - (kPlannedCompletionsJanApr - 1) -
                        kQuickCompletions;  // 5 of the 7
      if (i - kPlannedCompletionsJanApr < early) p.actual_completion = date_in(random, 2021, 4);
    }
    return;
  }
  const int j = i - carried;  // 0 .. 282: planned to start in 2021
  if (j < planned_jan_apr) {
    const int month = 1 + j % 4;
    p.planned_start = date_in(random, 2021, month);
    if (j < on_time) {
      p.actual_start = date_in(random, 2021, month);
      if (j < kQuickCompletions) {
        p.planned_completion = date_in(random, 2021, 6);
        p.actual_completion = date_in(random, 2021, 4);
        p.actual_start = CivilDate{2021, 1, 1 + j};
      }
    } else if (j % 2 == 0) {
      p.actual_start = date_in(random, 2021, 5 + j % 2);  // lagging
    }
  } else {
    const int k = j - planned_jan_apr;  // 0 .. 128: planned May–December
    const int month = 5 + k % 8;
    p.planned_start = date_in(random, 2021, month);
    if (k < kEarlyStarts) {
      p.actual_start = date_in(random, 2021, 3 + k % 2);
    } else if (month <= 6 && k % 3 != 0) {
      p.actual_start = date_in(random, 2021, month);
    }
  }
  if (!p.planned_completion) {
    p.planned_completion = date_in(random, 2022 + static_cast<int>(j % 2), 1 + j % 12);
  }
}

// Monthly investment from the start month to completion or 2021-06, whole 万元.
void add_progress(DemoRandom& random, const Project& p, std::vector<ProjectProgress>& out) {
  if (!p.actual_start) return;
  const int first = p.actual_start->year_month().index();
  int last = YearMonth{2021, 6}.index();
  if (p.actual_completion) last = std::min(last, p.actual_completion->year_month().index());
  const double monthly = p.total_investment / 24.0;
  for (int t = first; t <= last; ++t) {
    const double amount = std::max(1.0, std::round(monthly * random.between(0.5, 1.5)));
    out.push_back({p.id, YearMonth::from_index(t), amount});
  }
}

// Scales the Jan–Apr 2021 amounts to the article's total, whole 万元; the rounding residual goes
// to the largest row.
void hit_investment_total(std::vector<ProjectProgress>& progress) {
  auto in_window = [](const ProjectProgress& r) {
    return r.period >= YearMonth{2021, 1} && r.period <= YearMonth{2021, 4};
  };
  double total = 0;
  for (const auto& r : progress) total += in_window(r) ? r.investment : 0;
  const double factor = static_cast<double>(kInvestmentJanApr) / total;
  long sum = 0;
  ProjectProgress* largest = nullptr;
  for (auto& r : progress) {
    if (!in_window(r)) continue;
    r.investment = std::max(1.0, std::round(r.investment * factor));
    sum += static_cast<long>(r.investment);
    if (largest == nullptr || r.investment > largest->investment) largest = &r;
  }
  largest->investment += static_cast<double>(kInvestmentJanApr - sum);
}

}  // namespace

void generate_projects(DemoRandom& random, Dataset& dataset) {
  static_assert(kCarriedOver + kYearPlannedStarts == 300);
  for (int i = 0; i < kCarriedOver + kYearPlannedStarts; ++i) {
    Project p = make_project(random, i + 1);
    set_dates(random, i, p);
    add_progress(random, p, dataset.project_progress);
    dataset.projects.push_back(std::move(p));
  }
  hit_investment_total(dataset.project_progress);
}

}  // namespace zhizao::detail
