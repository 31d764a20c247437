#include "ingest/encoding.h"

#include <gtest/gtest.h>

namespace zhizao::detail {
namespace {

// "企业名称" in GB18030 (= GBK for these characters).
constexpr std::string_view kGbName = "\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6";

TEST(EncodingTest, Utf8IsKept) {
  EXPECT_EQ(decode_to_utf8("企业名称,a\n", std::nullopt)->text(), "企业名称,a\n");
}

TEST(EncodingTest, Utf8BomIsDropped) {
  EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBFuscc,name\n", std::nullopt)->text(), "uscc,name\n");
  EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBFuscc\n", Encoding::kUtf8)->text(), "uscc\n");
}

TEST(EncodingTest, InvalidUtf8IsReadAsGb18030) {
  std::string bytes = std::string(kGbName) + ",x\r\n";
  EXPECT_EQ(decode_to_utf8(bytes, std::nullopt)->text(), "企业名称,x\r\n");
}

TEST(EncodingTest, Gb18030ByteOrderMarkIsDropped) {
  std::string bytes = "\x84\x31\x95\x33" + std::string(kGbName);
  EXPECT_EQ(decode_to_utf8(bytes, Encoding::kGb18030)->text(), "企业名称");
}

TEST(EncodingTest, ForcedGb18030ReadsEvenValidUtf8Bytes) {
  // "\xC3\xA9" is é in UTF-8 but 茅 (C3A9) in GB18030: forcing decides.
  EXPECT_EQ(decode_to_utf8("\xC3\xA9", std::nullopt)->text(), "é");
  EXPECT_EQ(decode_to_utf8("\xC3\xA9", Encoding::kGb18030)->text(), "茅");
}

TEST(EncodingTest, ForcedUtf8RefusesOtherBytesNamingTheLine) {
  std::string bytes = "a,b\n1,2\n" + std::string(kGbName) + "\n";
  auto decoded = decode_to_utf8(bytes, Encoding::kUtf8);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().line, 3);
  EXPECT_EQ(decoded.error().column, "(encoding)");
  EXPECT_EQ(decoded.error().reason, "not valid UTF-8");
}

TEST(EncodingTest, UndecodableByteNamesItsLine) {
  std::string bytes = "a,b\n" + std::string(kGbName) + "\nx,\x80y\n";
  auto decoded = decode_to_utf8(bytes, std::nullopt);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().line, 3);
  EXPECT_EQ(decoded.error().reason, "neither valid UTF-8 nor GB18030 (byte 0x80)");
  auto forced = decode_to_utf8(bytes, Encoding::kGb18030);
  ASSERT_FALSE(forced);
  EXPECT_EQ(forced.error().reason, "not valid GB18030 (byte 0x80)");
}

TEST(EncodingTest, TruncatedSequenceAtTheEndIsAnError) {
  auto decoded = decode_to_utf8("ok\n\xC6", Encoding::kGb18030);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().line, 2);
}

TEST(EncodingTest, LargeInputGrowsTheOutputBuffer) {
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes += std::string(kGbName) + "\n";
  auto decoded = decode_to_utf8(bytes, std::nullopt);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->text().size(), 5000u * (12 + 1));
}

}  // namespace
}  // namespace zhizao::detail
