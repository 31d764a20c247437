// The data-quality appendix in the server's documents (issue 20): /api/report/document and
// /api/report/analysis with quality_appendix=1 carry the appendix `zhizao report
// --quality-appendix` writes (the same function over the same database: attach_open_quality_
// findings), scoped as the documents (a county user gets its county's findings only); and the
// server's thresholds (`serve --quality-rules`, ServerOptions::quality_thresholds) are the ones
// /api/quality and the appendix use.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "columnar/report_input.h"
#include "document/office_report.h"
#include "document/report_charts.h"
#include "ingest/importer.h"
#include "report/render.h"
#include "report/report_document.h"
#include "rules/rule_set.h"
#include "server/quality_service.h"
#include "server_fixture.h"
#include "xlsx/zip_reader.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

namespace fs = std::filesystem;

// tests/data/cli/quality beside tests/data/cli/small: a copied year and a constant figure in
// 410303, an inflated month in 410302 (the county user's).
constexpr const char* kJump = "91410302MA4QC0010N";
constexpr const char* kCopied = "91410303MA4QC00090";
constexpr const char* kAppendixZh = "附录：数据质量待核实事项";

void add_quality_examples(const std::string& db_path) {
  auto db = Database::open(db_path, OpenMode::kMustExist);
  ASSERT_TRUE(db);
  fs::path dir = fs::path(ZHIZAO_TEST_DATA) / "cli" / "quality";
  auto imported = import_files(
      **db, {(dir / "enterprises.csv").string(), (dir / "monthly.csv").string()}, ImportOptions{});
  ASSERT_TRUE(imported && !imported->refused());
}

// The report of `scope` as `zhizao report --quality-appendix` makes it from the database at
// `db_path`, with `thresholds` (the CLI's are the defaults).
ReportData cli_report(const std::string& db_path, const std::string& scope,
                      const QualityThresholds& thresholds = {}) {
  auto db = Database::open(db_path, OpenMode::kMustExist);
  EXPECT_TRUE(db);
  Result<ReportInput> input = open_report_input(**db, db_path, SnapshotUse::kAuto);
  EXPECT_TRUE(input);
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, scope};
  Result<ReportData> report = input->report(request);
  EXPECT_TRUE(report);
  Status attached =
      attach_open_quality_findings(**db, *input, request, *report, thresholds, default_rule_set());
  EXPECT_TRUE(attached.is_ok()) << attached.to_string();
  return *report;
}

std::set<std::string> usccs_of(const ReportData& report) {
  std::set<std::string> usccs;
  for (const QualityFinding& f : report.quality_findings) usccs.insert(f.uscc);
  return usccs;
}

std::string zip_entry(const std::string& bytes, const std::string& name) {
  auto zip = xlsx::ZipReader::open(bytes);
  if (!zip) return "";
  auto entry = zip->read(name);
  return entry ? *entry : "";
}

class QualityDocumentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    add_quality_examples(server_->db_path());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  httplib::Result get(const std::string& user, const std::string& path) {
    return server_->client()->Get(path.c_str(), TestServer::session(server_->login(user)));
  }
  static TestServer* server_;
};

TestServer* QualityDocumentsTest::server_ = nullptr;

TEST_F(QualityDocumentsTest, TheDocumentsAppendixIsTheCommandLinesInEveryFormat) {
  ReportData expected = cli_report(server_->db_path(), "");
  ASSERT_TRUE(usccs_of(expected).count(kJump) && usccs_of(expected).count(kCopied));
  auto markdown =
      get("city", "/api/report/document?period=2021-04&format=markdown&quality_appendix=1");
  ASSERT_TRUE(markdown);
  ASSERT_EQ(markdown->status, 200) << markdown->body;
  EXPECT_EQ(markdown->body, render_report(expected, ReportFormat::kMarkdown, Language::kZh));
  EXPECT_NE(markdown->body.find(kAppendixZh), std::string::npos);
  EXPECT_NE(markdown->body.find(kCopied), std::string::npos);
  auto text =
      get("admin", "/api/report/document?period=2021-04&format=text&lang=en&quality_appendix=true");
  ASSERT_TRUE(text);
  ASSERT_EQ(text->status, 200);
  EXPECT_EQ(text->body, render_report(expected, ReportFormat::kText, Language::kEn));

  OfficeOptions office{Language::kZh, today_label(Language::kZh)};
  auto input =
      ReportInput::of_dataset(*(*Database::open(server_->db_path(), OpenMode::kMustExist))->load());
  auto trend = input.trend({{2021, 4}, WindowKind::kCumulative, ""}, kTrendMonths);
  ASSERT_TRUE(trend);
  auto html = get("city", "/api/report/document?period=2021-04&format=html&quality_appendix=1");
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  auto expected_html = render_html_report(expected, *trend, office);
  ASSERT_TRUE(expected_html);
  EXPECT_EQ(html->body, *expected_html);
  auto docx = get("city", "/api/report/document?period=2021-04&format=docx&quality_appendix=1");
  ASSERT_TRUE(docx);
  ASSERT_EQ(docx->status, 200);
  auto expected_docx = render_docx_report(expected, *trend, office);
  ASSERT_TRUE(expected_docx);
  std::string document_xml = zip_entry(docx->body, "word/document.xml");
  EXPECT_EQ(document_xml, zip_entry(*expected_docx, "word/document.xml"));
  EXPECT_NE(document_xml.find(kCopied), std::string::npos);
  // The workbook's appendix sheet: the same finding's credit code among its strings.
  auto xlsx = get("city", "/api/report/document?period=2021-04&format=xlsx&quality_appendix=1");
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_NE(zip_entry(xlsx->body, "xl/sharedStrings.xml").find(kCopied), std::string::npos);
  auto plain_xlsx = get("city", "/api/report/document?period=2021-04&format=xlsx");
  ASSERT_TRUE(plain_xlsx);
  EXPECT_EQ(zip_entry(plain_xlsx->body, "xl/sharedStrings.xml").find(kCopied), std::string::npos);
}

TEST_F(QualityDocumentsTest, WithoutTheParameterThereIsNoAppendix) {
  for (const char* path :
       {"/api/report/document?period=2021-04&format=markdown",
        "/api/report/document?period=2021-04&format=markdown&quality_appendix=0",
        "/api/report/document?period=2021-04&format=markdown&quality_appendix=no"}) {
    auto plain = get("city", path);
    ASSERT_TRUE(plain);
    ASSERT_EQ(plain->status, 200);
    EXPECT_EQ(plain->body.find(kAppendixZh), std::string::npos) << path;
  }
}

TEST_F(QualityDocumentsTest, ACountyUserGetsItsCountysFindingsOnly) {
  ReportData county = cli_report(server_->db_path(), "410302");
  EXPECT_EQ(usccs_of(county), std::set<std::string>{kJump});
  auto own =
      get("county", "/api/report/document?period=2021-04&format=markdown&quality_appendix=1");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  EXPECT_EQ(own->body, render_report(county, ReportFormat::kMarkdown, Language::kZh));
  EXPECT_NE(own->body.find(kJump), std::string::npos);
  EXPECT_EQ(own->body.find(kCopied), std::string::npos);
  // The analysis page carries the same appendix table.
  auto analysis = get("county", "/api/report/analysis?period=2021-04&quality_appendix=1");
  ASSERT_TRUE(analysis);
  ASSERT_EQ(analysis->status, 200);
  json body = json::parse(analysis->body);
  ReportDocument document = report_document(county, Language::kZh);
  ASSERT_EQ(body["tables"].size(), document.tables.size());
  EXPECT_EQ(body["tables"].back()["title"], document.tables.back().title);
  EXPECT_EQ(body["tables"].back()["rows"], document.tables.back().rows);
  EXPECT_NE(body["tables"].back()["rows"].dump().find(kJump), std::string::npos);
  // Another county's scope stays refused, appendix or not.
  auto outside =
      get("county",
          "/api/report/document?period=2021-04&format=markdown&quality_appendix=1&scope=410303");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 403);
}

// A server given stricter thresholds (`serve --quality-rules`) uses them for /api/quality and for
// the appendix; the defaults give neither of these findings.
TEST(QualityServerThresholdsTest, TheServersThresholdsDecideApiAndAppendix) {
  QualityThresholds strict;
  strict.divergence_band = 1.02;
  strict.divergence_min_output = 0;
  TestServer server([&](ServerOptions& options) { options.quality_thresholds = strict; });
  ReportData with_strict = cli_report(server.db_path(), "", strict);
  ReportData with_defaults = cli_report(server.db_path(), "");
  ASSERT_FALSE(with_strict.quality_findings.empty());
  ASSERT_TRUE(with_defaults.quality_findings.empty());  // tests/data/cli/small raises nothing
  std::string token = server.login("city");
  auto document =
      server.client()->Get("/api/report/document?period=2021-04&format=markdown&quality_appendix=1",
                           TestServer::session(token));
  ASSERT_TRUE(document);
  ASSERT_EQ(document->status, 200);
  EXPECT_EQ(document->body, render_report(with_strict, ReportFormat::kMarkdown, Language::kZh));
  auto api = server.client()->Get("/api/quality?period=2021-04", TestServer::session(token));
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  json findings = json::parse(api->body)["findings"];
  ASSERT_EQ(findings.size(), with_strict.quality_findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    EXPECT_EQ(findings[i]["uscc"], with_strict.quality_findings[i].uscc);
    EXPECT_EQ(findings[i]["check"], "electricity_divergence");
    EXPECT_EQ(findings[i]["evidence"]["band"], 1.02);
    EXPECT_EQ(findings[i]["evidence"]["electricity_source"], "monthly");
  }
}

}  // namespace
}  // namespace zhizao::testing
