// The file names of downloads: safe on every file system, ASCII for old clients and RFC 8187
// percent-encoding for the real name; the ranks of the benchmark.
#include "server/content_disposition.h"

#include <gtest/gtest.h>

#include "server/report_benchmark.h"

namespace zhizao::server {
namespace {

TEST(SafeFileName, ReplacesWhatFileSystemsRefuse) {
  EXPECT_EQ(safe_file_name("a/b\\c:d*e?f\"g<h>i|j"), "a_b_c_d_e_f_g_h_i_j");
  EXPECT_EQ(safe_file_name("tab\there\nnew"), "tab_here_new");
  EXPECT_EQ(safe_file_name("  .hidden. "), "hidden");
  EXPECT_EQ(safe_file_name("..."), "");
  EXPECT_EQ(safe_file_name("老城区 1—4月.docx"), "老城区 1—4月.docx");
  EXPECT_EQ(safe_file_name("bad\xff\xfe"
                           "byte"),
            "bad__byte");
  EXPECT_EQ(safe_file_name("\xe8\xa1"), "__");  // a truncated 3-byte sequence
}

TEST(SafeFileName, CutsAtACharacterBoundary) {
  // 表 is 3 bytes: 4 bytes leave room for one only.
  EXPECT_EQ(safe_file_name("表表", 4), "表");
  EXPECT_EQ(safe_file_name("ab.", 3), "ab");
}

TEST(AttachmentDisposition, GivesTheAsciiAndTheEncodedName) {
  EXPECT_EQ(attachment_disposition("report-2021-04.docx", "表 1.docx"),
            "attachment; filename=\"report-2021-04.docx\"; filename*=UTF-8''%E8%A1%A8%201.docx");
  // Quotes and separators never reach the quoted ASCII name.
  EXPECT_EQ(attachment_disposition("a\"b;c.md", ""), "attachment; filename=\"a_b_c.md\"");
  EXPECT_EQ(attachment_disposition("", "x'y(z).md"),
            "attachment; filename=\"download\"; filename*=UTF-8''x%27y%28z%29.md");
}

SetFigures set(std::string code, std::optional<double> growth) {
  SetFigures figures;
  figures.code = std::move(code);
  figures.value_added_growth = growth;
  return figures;
}

TEST(RankByGrowth, RanksFastestFirstAndSharesTies) {
  std::vector<SetFigures> peers = {set("a", 5.0), set("b", 12.5), set("c", std::nullopt),
                                   set("d", 5.0), set("e", -3.0)};
  auto b = rank_by_growth(peers, "b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->rank, 1);
  EXPECT_EQ(b->of, 4);
  EXPECT_EQ(rank_by_growth(peers, "a")->rank, 2);
  EXPECT_EQ(rank_by_growth(peers, "d")->rank, 2);
  EXPECT_EQ(rank_by_growth(peers, "e")->rank, 4);
  EXPECT_FALSE(rank_by_growth(peers, "c"));
  EXPECT_FALSE(rank_by_growth(peers, "zz"));
}

}  // namespace
}  // namespace zhizao::server
