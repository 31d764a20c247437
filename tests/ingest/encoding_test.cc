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

// Gb18030Converter over `bytes` cut into blocks of `block` bytes: the joined output, or the
// first error.
tl::expected<std::string, Finding> convert_in_blocks(std::string_view bytes, std::size_t block) {
  auto converter = Gb18030Converter::open("not valid GB18030");
  if (!converter) return tl::unexpected(converter.error());
  std::string out;
  for (std::size_t at = 0; at < bytes.size() || at == 0; at += block) {
    std::string_view piece = bytes.substr(at, block);
    TextEnd end = at + block >= bytes.size() ? TextEnd::kLast : TextEnd::kMore;
    if (auto done = converter->convert(piece, end, out); !done) {
      return tl::unexpected(done.error());
    }
  }
  return out;
}

// A streamed GB18030 file is converted a block at a time (monthly_stream.h); every cut, through
// two- and four-byte characters (€ is 0xA2E3, 𠀀 is 0x95328236) and line breaks, gives what the
// whole text gives, errors too.
TEST(EncodingTest, ConvertingInBlocksGivesTheWholeTextsOutputAndErrors) {
  const std::string text = "\x84\x31\x95\x33" + std::string(kGbName) +
                           ",\xA2\xE3\r\n\x95\x32\x82\x36" + "x\n" + std::string(kGbName);
  const std::vector<std::string> texts = {
      text,
      text + "\n\x80y",      // an undecodable byte on line 4
      "ab\n\n\x95\x32\x82",  // a four-byte character cut by the text's end, line 3
      "",
  };
  for (const std::string& bytes : texts) {
    auto whole = convert_gb18030(bytes, "not valid GB18030");
    for (std::size_t block = 1; block <= bytes.size() + 1; ++block) {
      SCOPED_TRACE(::testing::Message() << "blocks of " << block << " bytes of " << bytes.size());
      auto blocks = convert_in_blocks(bytes, block);
      ASSERT_EQ(blocks.has_value(), whole.has_value());
      if (whole) {
        EXPECT_EQ(*blocks, *whole);
      } else {
        EXPECT_EQ(blocks.error().line, whole.error().line);
        EXPECT_EQ(blocks.error().reason, whole.error().reason);
      }
    }
  }
  EXPECT_EQ(*convert_gb18030(text, "x"), "\xEF\xBB\xBF企业名称,€\r\n𠀀x\n企业名称");
  EXPECT_EQ(convert_gb18030(texts[1], "x").error().line, 4);
  EXPECT_EQ(convert_gb18030(texts[1], "x").error().reason, "x (byte 0x80)");
  EXPECT_EQ(convert_gb18030(texts[2], "x").error().line, 3);
  EXPECT_EQ(convert_gb18030(texts[2], "x").error().reason, "x (byte 0x95)");
}

}  // namespace
}  // namespace zhizao::detail
