#include "demo/demo_safety.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>

namespace zhizao::detail {
namespace {

constexpr int kDaysOfJune = 30;
// 19 June has nobody on duty: the roster's gap the demo shows (docs/safety.md, roster_gaps).
constexpr int kDayWithoutDuty = 19;

// The mining enterprises (divisions 08–10), each once, by code.
std::vector<const Enterprise*> mining_enterprises(const Dataset& dataset) {
  std::vector<const Enterprise*> mining;
  std::set<std::string> seen;
  for (const Enterprise& e : dataset.enterprises) {
    if ((e.division == "08" || e.division == "09" || e.division == "10") &&
        seen.insert(e.uscc).second) {
      mining.push_back(&e);
    }
  }
  std::sort(mining.begin(), mining.end(),
            [](const Enterprise* a, const Enterprise* b) { return a->uscc < b->uscc; });
  return mining;
}

std::string plans_csv() {
  return "id,name,kind,divisions,region,from,to\n"
         "AQ2021-01,2021年汛期尾矿库安全检查（演示）,尾矿库,08;09;10,,2021-06-01,2021-09-30\n";
}

struct DemoCheck {
  std::string id;
  int day = 0;  // of June 2021
};

// Two of every three mining enterprises are checked in June, a few days apart.
std::string checks_csv(const std::vector<const Enterprise*>& mining, std::vector<DemoCheck>& done) {
  std::string csv = "id,plan,uscc,date,inspector,findings\n";
  for (std::size_t i = 0; i < mining.size(); ++i) {
    if (i % 3 == 2) continue;
    DemoCheck check{fmt::format("JC2021-{:03}", done.size() + 1),
                    2 + static_cast<int>((i * 3) % 26)};
    csv += fmt::format("{},AQ2021-01,{},2021-06-{:02},市应急局检查组{:02}（演示）,{}\n", check.id,
                       mining[i]->uscc, check.day, i % 4 + 1,
                       i % 2 == 0 ? "库容和排洪设施正常（演示）" : "防汛预案需完善（演示）");
    done.push_back(std::move(check));
  }
  return csv;
}

// The `n`-th check (the last when there are fewer).
const DemoCheck& nth(const std::vector<DemoCheck>& checks, std::size_t n) {
  return checks[std::min(n, checks.size() - 1)];
}

// The latest check of June: its hazard's deadline (found + 15 days) is after 30 June.
const DemoCheck& latest(const std::vector<DemoCheck>& checks) {
  return *std::max_element(checks.begin(), checks.end(),
                           [](const DemoCheck& a, const DemoCheck& b) { return a.day < b.day; });
}

// Hazards found on their check's day (the importer refuses one found before its check). Empty
// deadlines take the level's days (30 major, 15 ordinary). At 30 June: YH2021-001 (major, deadline
// 20 June) is open and overdue; 002 is rectified and passed; 003 is rectified awaiting its
// re-inspection; 004 failed its re-inspection and is open again within its 30 days; 005 is open
// within its 15 days when its check is on or after 16 June.
std::string hazards_csv(const std::vector<DemoCheck>& checks) {
  std::string csv =
      "id,check,level,description,found,deadline,rectified,reinspected,reinspection_result,proof\n";
  if (checks.empty()) return csv;
  const DemoCheck& first = nth(checks, 0);
  const DemoCheck& second = nth(checks, 1);
  const DemoCheck& third = nth(checks, 2);
  csv += fmt::format(
      "YH2021-001,{},重大,排洪井堵塞，排洪能力不足（演示）,2021-06-{:02},2021-06-20,,,,\n",
      first.id, first.day);
  csv += fmt::format(
      "YH2021-002,{},一般,坝面局部冲沟（演示）,2021-06-{:02},,2021-06-{:02},2021-06-{:02},通过,"
      "YH2021-002-整改照片.jpg\n",
      first.id, first.day, first.day + 3, first.day + 6);
  csv += fmt::format(
      "YH2021-003,{},一般,监测设施数据中断（演示）,2021-06-{:02},,2021-06-{:02},,,"
      "YH2021-003-整改报告.pdf\n",
      second.id, second.day, std::min(second.day + 7, kDaysOfJune));
  csv += fmt::format(
      "YH2021-004,{},重大,浸润线偏高（演示）,2021-06-{:02},,2021-06-{:02},2021-06-{:02},未通过,"
      "YH2021-004-整改报告.pdf\n",
      third.id, third.day, std::min(third.day + 2, kDaysOfJune),
      std::min(third.day + 4, kDaysOfJune));
  csv += fmt::format("YH2021-005,{},一般,应急物资储备不足（演示）,2021-06-{:02},,,,,\n",
                     latest(checks).id, latest(checks).day);
  return csv;
}

std::string roster_csv() {
  std::string csv = "date,shift,person,phone,handover\n";
  for (int day = 1; day <= kDaysOfJune; ++day) {
    if (day == kDayWithoutDuty) continue;
    csv += fmt::format("2021-06-{:02},白班,值班员{:02}（演示）,0379-6000{:04},交接正常（演示）\n",
                       day, day % 7 + 1, day % 7 + 1);
    csv += fmt::format("2021-06-{:02},夜班,值班员{:02}（演示）,0379-6000{:04},交接正常（演示）\n",
                       day, (day + 3) % 7 + 1, (day + 3) % 7 + 1);
  }
  return csv;
}

}  // namespace

std::vector<SourceFile> demo_safety_files(const Dataset& dataset) {
  std::vector<const Enterprise*> mining = mining_enterprises(dataset);
  if (mining.empty()) return {};
  std::vector<DemoCheck> done;
  std::string checks = checks_csv(mining, done);
  return {SourceFile{"safety_plans.csv", plans_csv()},
          SourceFile{"safety_checks.csv", std::move(checks)},
          SourceFile{"safety_hazards.csv", hazards_csv(done)},
          SourceFile{"duty_roster.csv", roster_csv()}};
}

}  // namespace zhizao::detail
