#include "document/svg_charts.h"

#include <gtest/gtest.h>

#include <string>

#include "document/document_test_support.h"
#include "document/svg_canvas.h"

namespace zhizao {
namespace {

struct Bar {
  std::string label;
  double x, y, width, height;
};

std::vector<Bar> bars(const pugi::xml_document& svg) {
  std::vector<Bar> out;
  for (pugi::xpath_node node : svg.select_nodes("//rect[@class='bar']")) {
    pugi::xml_node rect = node.node();
    out.push_back({rect.attribute("data-label").value(), rect.attribute("x").as_double(),
                   rect.attribute("y").as_double(), rect.attribute("width").as_double(),
                   rect.attribute("height").as_double()});
  }
  return out;
}

ChartSpec spec_with(std::vector<std::optional<double>> values) {
  ChartSpec spec;
  spec.title = "分县(市、区)增加值增速 <测试> & 样例";
  for (size_t i = 0; i < values.size(); ++i) spec.labels.push_back("县" + std::to_string(i));
  spec.series = {{"增加值增速(%)", std::move(values), "#2f5597", 1}};
  return spec;
}

TEST(SvgChartsTest, ColumnsAreWellFormedWithOneBarPerFigure) {
  SvgChart chart = svg_columns(spec_with({8.4, -2.2, std::nullopt, 15.6}));
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(chart.svg, &svg));
  EXPECT_STREQ(svg.first_child().name(), "svg");
  EXPECT_EQ(svg.first_child().attribute("width").as_double(), kChartWidth);
  std::vector<Bar> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 3u);  // the null county has no bar, not a bar of height 0
  EXPECT_EQ(drawn[0].label, "县0");
  EXPECT_EQ(drawn[1].label, "县1");
  EXPECT_EQ(drawn[2].label, "县3");
  // The title's < & > are escaped, and survive the round trip.
  EXPECT_STREQ(svg.first_child().child("title").text().get(),
               "分县(市、区)增加值增速 <测试> & 样例");
}

TEST(SvgChartsTest, NegativeColumnHangsBelowTheAxis) {
  SvgChart chart = svg_columns(spec_with({8.4, -2.2}));
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(chart.svg, &svg));
  std::vector<Bar> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 2u);
  double axis = drawn[0].y + drawn[0].height;  // a positive bar ends on the zero axis
  EXPECT_NEAR(drawn[1].y, axis, 0.01);         // the negative one starts there, going down
  EXPECT_GT(drawn[1].height, 0);
  // Heights are proportional to the values: 8.4 / 2.2.
  EXPECT_NEAR(drawn[0].height / drawn[1].height, 8.4 / 2.2, 0.01);
}

TEST(SvgChartsTest, NullFigureIsMarkedNotDrawnAsZero) {
  SvgChart chart = svg_columns(spec_with({std::nullopt}));
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(chart.svg, &svg));
  EXPECT_TRUE(bars(svg).empty());
  EXPECT_TRUE(svg.select_node("//text[text()='—']"));
  EXPECT_EQ(chart.svg.find("data-value"), std::string::npos);
}

TEST(SvgChartsTest, HorizontalBarsHaveAPanelPerSeriesAndNegativesLeftOfZero) {
  ChartSpec spec;
  spec.title = "分行业";
  spec.labels = {"通用设备制造业", "化学原料和化学制品制造业", "其他制造业"};
  spec.series = {{"增加值增速(%)", {25.1, -4.6, std::nullopt}, "#2f5597", 1},
                 {"拉动(百分点)", {2.1, -0.39, std::nullopt}, "#c55a11", 2}};
  SvgChart chart = svg_horizontal_bars(spec);
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(chart.svg, &svg));
  std::vector<Bar> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 4u);  // two divisions with figures × two panels
  for (size_t panel = 0; panel < 2; ++panel) {
    const Bar& up = drawn[panel * 2];
    const Bar& down = drawn[panel * 2 + 1];
    EXPECT_EQ(up.label, "通用设备制造业");
    EXPECT_EQ(down.label, "化学原料和化学制品制造业");
    EXPECT_NEAR(down.x + down.width, up.x,
                0.01);  // coordinates have 3 decimals  // both meet at the zero axis
  }
  EXPECT_LT(drawn[1].x + drawn[1].width, drawn[2].x);  // the pull panel is right of growth
  EXPECT_EQ(svg.select_nodes("//text[text()='—']").size(), 2u);
}

TEST(SvgChartsTest, LineBreaksAtAMissingPoint) {
  ChartSpec spec;
  spec.title = "走势";
  spec.labels = {"a", "b", "c", "d", "e"};
  spec.series = {{"规上工业增加值", {1.0, 2.0, std::nullopt, -3.0, 4.0}, "#2f5597", 1}};
  SvgChart chart = svg_lines(spec);
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(chart.svg, &svg));
  std::string d = svg.select_node("//path[@class='series']").node().attribute("d").value();
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2);  // two segments, no point at 0 for "c"
  EXPECT_EQ(std::count(d.begin(), d.end(), 'L'), 2);
  EXPECT_EQ(svg.select_nodes("//circle").size(), 4u);
}

TEST(SvgChartsTest, EmptyChartIsStillWellFormed) {
  ChartSpec spec;
  spec.title = "空";
  for (SvgChart chart : {svg_columns(spec), svg_horizontal_bars(spec), svg_lines(spec)}) {
    EXPECT_TRUE(testing::well_formed(chart.svg)) << chart.svg;
  }
}

TEST(SvgCanvasTest, NiceTicksCoverTheRangeWithARoundStep) {
  EXPECT_EQ(detail::nice_ticks(-3.2, 12.7, 6), (std::vector<double>{-5, 0, 5, 10, 15}));
  EXPECT_EQ(detail::nice_ticks(0, 0.9, 5), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
  EXPECT_EQ(detail::nice_ticks(0, 0, 5), (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
  EXPECT_EQ(detail::format_tick(-0.0, 0.5), "0.0");
  EXPECT_EQ(detail::svg_number(12.5000), "12.5");
  EXPECT_EQ(detail::svg_number(-0.0001), "0");
}

TEST(SvgChartsTest, ControlCharactersAndBrokenUtf8InNamesKeepTheXmlValid) {
  ChartSpec spec = spec_with({1.0, 2.0});
  spec.labels = {"县\x01\x1f", "\xff\xfe镇"};
  SvgChart chart = svg_columns(spec);
  pugi::xml_document svg;
  ASSERT_TRUE(testing::well_formed(chart.svg, &svg));
  std::vector<Bar> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 2u);
  EXPECT_EQ(drawn[0].label, "县");
  EXPECT_EQ(drawn[1].label.substr(0, 3), "\xEF\xBF\xBD");  // U+FFFD for a stray byte
}

TEST(SvgCanvasTest, FitTextCutsLongLabelsAtCharacters) {
  EXPECT_EQ(detail::fit_text("汽车制造业", 100, 10), "汽车制造业");  // 10 columns: 55 px
  // Each CJK character is 11 px at 10 px (two columns × 0.55); "…" is one column, 5.5 px.
  EXPECT_EQ(detail::fit_text("计算机、通信和其他电子设备制造业", 40, 10), "计算机…");
  EXPECT_EQ(detail::fit_text("Manufacture of computers", 30, 10), "Manu…");
}

}  // namespace
}  // namespace zhizao
