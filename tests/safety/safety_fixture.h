// Hand-made enterprises and safety records for the safety tests (the figures of
// safety_figures_test.cc are computed by hand from these, in the comments there).
#pragma once

#include <string>

#include "domain/dataset.h"
#include "domain/uscc.h"
#include "safety/safety_records.h"

namespace zhizao::testing_support {

inline std::string code(char letter) {
  return complete_uscc(std::string("91410300MA0000") + "00" + letter);
}

// A (09, 洛宁 410328), B (08, 栾川 410324), C (10, 洛宁), D (34, 洛宁), E (09, 栾川).
inline Dataset safety_enterprises() {
  Dataset dataset;
  auto add = [&](char letter, const char* industry, const char* region) {
    Enterprise e;
    e.uscc = code(letter);
    e.name = std::string("企业") + letter;
    e.industry = industry;
    e.division = std::string(industry).substr(0, 2);
    e.region = region;
    dataset.enterprises.push_back(e);
  };
  add('A', "0931", "410328");
  add('B', "0810", "410324");
  add('C', "1011", "410328");
  add('D', "3411", "410328");
  add('E', "0921", "410324");
  return dataset;
}

inline CivilDate day(int year, int month, int d) { return CivilDate{year, month, d}; }

// P1: divisions 08–10, the whole area, 2021-06-01..09-30; P2: division 09 in 洛宁, May 2021;
// P3: division 08, October 2021. Checks c1..c5, hazards h1..h7, June's roster without 19 and 20
// June (21 June has only a night shift).
inline SafetyRegister safety_register() {
  SafetyRegister r;
  r.plans = {
      {"P1", "汛期尾矿库检查", "尾矿库", {"08", "09", "10"}, "", day(2021, 6, 1), day(2021, 9, 30)},
      {"P2", "五月检查", "尾矿库", {"09"}, "410328", day(2021, 5, 1), day(2021, 5, 31)},
      {"P3", "十月检查", "尾矿库", {"08"}, "", day(2021, 10, 1), day(2021, 10, 31)},
  };
  r.checks = {
      {"c1", "P1", code('A'), day(2021, 6, 5), "甲", ""},
      {"c2", "P1", code('B'), day(2021, 6, 20), "乙", ""},
      {"c3", "P1", code('D'), day(2021, 6, 10), "甲", ""},
      {"c4", "P1", code('C'), day(2021, 7, 5), "乙", ""},
      {"c5", "P2", code('A'), day(2021, 5, 10), "丙", ""},
  };
  using L = HazardLevel;
  using R = ReinspectionResult;
  r.hazards = {
      {"h1", "c1", L::kMajor, "", day(2021, 6, 5), day(2021, 6, 20), {}, {}, R::kNone, ""},
      {"h2", "c1", L::kOrdinary, "", day(2021, 6, 5), day(2021, 6, 20), day(2021, 6, 15),
       day(2021, 6, 18), R::kPassed, ""},
      {"h3",
       "c2",
       L::kOrdinary,
       "",
       day(2021, 6, 20),
       day(2021, 7, 5),
       day(2021, 6, 25),
       {},
       R::kNone,
       ""},
      {"h4", "c2", L::kMajor, "", day(2021, 6, 20), day(2021, 7, 20), day(2021, 6, 22),
       day(2021, 6, 24), R::kFailed, ""},
      {"h5", "c3", L::kOrdinary, "", day(2021, 6, 10), day(2021, 6, 25), {}, {}, R::kNone, ""},
      {"h6", "c1", L::kOrdinary, "", day(2021, 7, 1), day(2021, 7, 16), {}, {}, R::kNone, ""},
      {"h7",
       "c5",
       L::kOrdinary,
       "",
       day(2021, 5, 10),
       day(2021, 5, 25),
       day(2021, 5, 20),
       {},
       R::kNone,
       ""},
  };
  for (int d = 1; d <= 30; ++d) {
    if (d == 19 || d == 20) continue;
    if (d != 21) r.roster.push_back({day(2021, 6, d), "白班", "张三", "", ""});
    r.roster.push_back({day(2021, 6, d), "夜班", "李四", "", ""});
  }
  return r;
}

}  // namespace zhizao::testing_support
