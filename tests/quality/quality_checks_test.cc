#include "quality/quality_checks.h"

#include <gtest/gtest.h>

#include "quality_fixture.h"

namespace zhizao {
namespace {

using namespace testing_quality;
using Strings = std::vector<std::string>;

constexpr YearMonth kChecksPeriod{2021, 4};

TEST(QualityChecks, OrdinaryEnterprisesRaiseNothing) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord&) {});
  EXPECT_TRUE((findings_of(data, kChecksPeriod)).empty());
}

TEST(QualityChecks, RefusesJanuaryAndUnknownScope) {
  Dataset data = ordinary_division(kChecksPeriod);
  detail::IndexedDataset indexed(data);
  EXPECT_EQ(run_quality_checks(indexed, {{2021, 1}, ""}, {}).error().code(), StatusCode::kUsage);
  EXPECT_EQ(run_quality_checks(indexed, {kChecksPeriod, "nowhere"}, {}).error().code(),
            StatusCode::kUsage);
}

TEST(QualityChecks, CopiedYear) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period.year == 2021) {
      MonthlyRecord before = ordinary_record(11, r.period.plus_months(-12));
      r.output = before.output;
      r.value_added = before.value_added;
      r.electricity = before.electricity;
    }
  });
  std::vector<QualityFinding> findings = findings_of(data, kChecksPeriod);
  EXPECT_EQ(checks_of(findings, kPlantedUscc), (Strings{"copied_last_year"}));
  const QualityFinding* copied = finding_of(findings, "copied_last_year");
  ASSERT_NE(copied, nullptr);
  EXPECT_EQ(copied->months, (std::vector<YearMonth>{YearMonth{2021, 1}, YearMonth{2021, 2},
                                                    YearMonth{2021, 3}, YearMonth{2021, 4}}));
  EXPECT_NE(copied->reason.find("请核实"), std::string::npos);
}

TEST(QualityChecks, CopiedFromTheReportedPreviousYearColumn) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period >= YearMonth{2021, 3}) r.output_prev = r.output;
  });
  EXPECT_EQ(checks_of(findings_of(data, kChecksPeriod), kPlantedUscc),
            (Strings{"copied_last_year"}));
  // One copied month is below the default minimum of two.
  Dataset once = ordinary_division(kChecksPeriod);
  add_planted(once, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period == kChecksPeriod) r.output_prev = r.output;
  });
  EXPECT_TRUE((checks_of(findings_of(once, kChecksPeriod), kPlantedUscc)).empty());
}

TEST(QualityChecks, ChanceEqualitiesAreNotACopiedYear) {
  // Three-digit figures equal to last year's, and four-digit ones in only two of six months.
  Dataset data = ordinary_division({2021, 6});
  add_planted(data, {2021, 6}, [](MonthlyRecord& r) {
    if (r.period == YearMonth{2020, 3} || r.period == YearMonth{2021, 3}) r.electricity = 28.4;
    if (r.period == YearMonth{2020, 4} || r.period == YearMonth{2021, 4}) r.electricity = 28.4;
    if (r.period.month == 5 || r.period.month == 6) r.output_prev = r.output;
  });
  EXPECT_FALSE(has(checks_of(findings_of(data, {2021, 6}), kPlantedUscc), "copied_last_year"));
}

TEST(QualityChecks, ConstantSeries) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period >= YearMonth{2020, 12}) r.electricity = 137.0;
  });
  std::vector<QualityFinding> findings = findings_of(data, kChecksPeriod);
  EXPECT_EQ(checks_of(findings, kPlantedUscc), (Strings{"constant_series"}));
  const QualityFinding* constant = finding_of(findings, "constant_series");
  ASSERT_NE(constant, nullptr);
  EXPECT_EQ(constant->months.size(), 4u);  // the window's months of the five-month run
  EXPECT_EQ(constant->labels[0].second, "electricity");
  EXPECT_DOUBLE_EQ(constant->figures[1].second, 5);  // run_months
}

TEST(QualityChecks, ThreeEqualMonthsAreNotYetConstant) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period >= YearMonth{2021, 2}) r.electricity = 137.0;
  });
  EXPECT_TRUE((checks_of(findings_of(data, kChecksPeriod), kPlantedUscc)).empty());
}

TEST(QualityChecks, InflatedMonthWithoutElectricity) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period == YearMonth{2021, 3}) {
      r.output *= 4;
      *r.value_added *= 4;
    }
  });
  std::vector<QualityFinding> findings = findings_of(data, kChecksPeriod);
  // Output ×4 on its own recent level, and against the same month last year while electricity
  // stayed where it was; value added with it, so that the ratio stays the division's.
  EXPECT_EQ(checks_of(findings, kPlantedUscc),
            (Strings{"electricity_divergence", "unexplained_jump"}));
  const QualityFinding* jump = finding_of(findings, "unexplained_jump");
  ASSERT_NE(jump, nullptr);
  EXPECT_EQ(jump->months, (std::vector<YearMonth>{YearMonth{2021, 3}}));
  EXPECT_EQ(jump->series[0].name, "output");
}

TEST(QualityChecks, JumpFollowedByElectricityIsNotRaised) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period == YearMonth{2021, 3}) {
      r.output *= 4;
      *r.value_added *= 4;
      *r.electricity *= 4;
    }
  });
  EXPECT_TRUE((checks_of(findings_of(data, kChecksPeriod), kPlantedUscc)).empty());
}

TEST(QualityChecks, OutputAgainstElectricity) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period.year == 2021 && r.period.month >= 2) {
      r.output = tenth(r.output * 1.45);
      r.value_added = tenth(*r.value_added * 1.45);
      r.electricity = tenth(*r.electricity * 0.9);
    }
  });
  std::vector<QualityFinding> findings = findings_of(data, kChecksPeriod);
  EXPECT_EQ(checks_of(findings, kPlantedUscc), (Strings{"electricity_divergence"}));
  EXPECT_EQ(finding_of(findings, "electricity_divergence")->months.size(), 3u);
}

TEST(QualityChecks, ValueAddedRatioFarFromTheDivision) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod,
              [](MonthlyRecord& r) { r.value_added = tenth(r.output * 0.75); });
  std::vector<QualityFinding> findings = findings_of(data, kChecksPeriod);
  EXPECT_EQ(checks_of(findings, kPlantedUscc), (Strings{"value_added_ratio"}));
  const QualityFinding* ratio = finding_of(findings, "value_added_ratio");
  EXPECT_NEAR(ratio->figures[0].second, 0.75, 0.001);
  EXPECT_GT(ratio->figures[2].second, 3.5);  // robust z
}

TEST(QualityChecks, RoundedFiguresFailTheLastDigitTest) {
  Dataset data = ordinary_division(kChecksPeriod);
  // Output and value added in whole fives beside electricity in tenths: estimates, not readings.
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    auto to_five = [](double v) { return std::round(v / 5) * 5; };
    r.output = to_five(r.output);
    r.value_added = to_five(*r.value_added);
  });
  std::vector<QualityFinding> findings = findings_of(data, kChecksPeriod);
  EXPECT_EQ(checks_of(findings, kPlantedUscc), (Strings{"last_digit_uniformity"}));
}

TEST(QualityChecks, ScopeLimitsTheEnterprisesChecked) {
  Dataset data = ordinary_division(kChecksPeriod);
  add_planted(data, kChecksPeriod, [](MonthlyRecord& r) {
    if (r.period == YearMonth{2021, 3}) {
      r.output *= 4;
      *r.value_added *= 4;
    }
  });
  detail::IndexedDataset indexed(data);
  Result<std::vector<QualityFinding>> elsewhere =
      run_quality_checks(indexed, {kChecksPeriod, "410302"}, {});
  ASSERT_TRUE(elsewhere);
  EXPECT_TRUE((*elsewhere).empty());
  Result<std::vector<QualityFinding>> county =
      run_quality_checks(indexed, {kChecksPeriod, "410303"}, {});
  ASSERT_TRUE(county);
  EXPECT_EQ(county->size(), 2u);
}

TEST(QualityChecks, EvidenceSeriesForCharting) {
  Dataset data = ordinary_division(kChecksPeriod);
  detail::IndexedDataset indexed(data);
  Result<QualityEvidenceSeries> series =
      quality_evidence_series(indexed, "914103000000000000", kChecksPeriod);
  ASSERT_TRUE(series);
  EXPECT_EQ(series->months.size(), 24u);
  EXPECT_EQ(series->months.front(), (YearMonth{2019, 5}));
  EXPECT_DOUBLE_EQ(*series->output.back(), ordinary_record(0, kChecksPeriod).output);
  ASSERT_TRUE(series->division_growth.back());
  EXPECT_FALSE(series->division_growth.front());  // 2018 has no records
  EXPECT_EQ(quality_evidence_series(indexed, "nobody", kChecksPeriod).error().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace zhizao
