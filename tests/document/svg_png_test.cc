#include "document/svg_png.h"

#include <gtest/gtest.h>

namespace zhizao {
namespace {

TEST(SvgPngTest, RendersAtScale) {
  auto png = svg_to_png(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
      "<rect x=\"0\" y=\"0\" width=\"20\" height=\"20\" fill=\"#000\"/></svg>",
      2);
  ASSERT_TRUE(png.has_value()) << png.error().message();
  ASSERT_GT(png->size(), 24u);
  EXPECT_EQ(png->substr(0, 8), "\x89PNG\r\n\x1a\n");
  // IHDR width and height, big-endian at bytes 16..23: 80 × 40.
  auto byte = [&](size_t i) { return static_cast<unsigned char>((*png)[i]); };
  EXPECT_EQ((byte(16) << 24) | (byte(17) << 16) | (byte(18) << 8) | byte(19), 80);
  EXPECT_EQ((byte(20) << 24) | (byte(21) << 16) | (byte(22) << 8) | byte(23), 40);
}

TEST(SvgPngTest, RefusesWhatIsNotSvg) {
  auto png = svg_to_png("not an svg <", 1);
  ASSERT_FALSE(png.has_value());
  EXPECT_EQ(png.error().code(), StatusCode::kInvalidData);
}

TEST(SvgPngTest, RefusesSvgWithoutSize) {
  auto png = svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 1);
  EXPECT_FALSE(png.has_value());
}

}  // namespace
}  // namespace zhizao
