// /api/report/document gives what `zhizao report --format F` writes (docx, xlsx, html, markdown,
// text) with the right media type and file names; /api/report/analysis the same narrative as
// JSON; /api/report/benchmark the city's figures and ranks. All follow GET /api/report's scope
// rules: enterprises 403, a county only its own area, a period without data 404.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "columnar/report_input.h"
#include "document/office_report.h"
#include "document/report_charts.h"
#include "engine/engine.h"
#include "engine/trend.h"
#include "report/render.h"
#include "report/report_document.h"
#include "server_fixture.h"
#include "xlsx/zip_reader.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// The report's title. The answer carries it percent-encoded (RFC 8187; content_disposition_test
// checks the encoding, the browser tests the raw header), but cpp-httplib's client decodes
// percent-encoded header values when it parses them: the test sees the decoded name.
constexpr const char* kTitle = "洛阳市2021年1—4月工业经济运行情况";

class DocumentEndpointTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto db = Database::open(server_->db_path(), OpenMode::kMustExist);
    ASSERT_TRUE(db);
    auto dataset = (*db)->load();
    ASSERT_TRUE(dataset);
    dataset_ = new Dataset(*std::move(dataset));
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete dataset_;
    dataset_ = nullptr;
  }

  httplib::Result get(const std::string& user, const std::string& path) {
    return server_->client()->Get(path.c_str(), TestServer::session(server_->login(user)));
  }

  // The report the CLI computes for the same request.
  static ReportData report(const std::string& period, WindowKind window = WindowKind::kCumulative,
                           const std::string& scope = "") {
    // As `zhizao report --no-snapshot`: the engine's figures and the v2 figures beside them.
    auto computed = ReportInput::of_dataset(*dataset_).report(
        ReportRequest{parse_year_month(period).value(), window, scope});
    EXPECT_TRUE(computed);
    return *computed;
  }

  static std::vector<TrendPoint> trend(const std::string& period) {
    auto points = compute_trend(
        *dataset_, ReportRequest{parse_year_month(period).value(), WindowKind::kCumulative, ""},
        kTrendMonths);
    EXPECT_TRUE(points);
    return *points;
  }

  static TestServer* server_;
  static Dataset* dataset_;
};

TestServer* DocumentEndpointTest::server_ = nullptr;
Dataset* DocumentEndpointTest::dataset_ = nullptr;

// The entry `name` of the ZIP `bytes` (a docx or xlsx), or "" when absent.
std::string zip_entry(const std::string& bytes, const std::string& name) {
  auto zip = xlsx::ZipReader::open(bytes);
  if (!zip) return "";
  auto entry = zip->read(name);
  return entry ? *entry : "";
}

OfficeOptions office(Language language = Language::kZh) {
  return OfficeOptions{language, today_label(language)};
}

TEST_F(DocumentEndpointTest, MarkdownAndTextAreTheReportsText) {
  auto markdown = get("city", "/api/report/document?period=2021-04&format=markdown");
  ASSERT_TRUE(markdown);
  ASSERT_EQ(markdown->status, 200) << markdown->body;
  EXPECT_EQ(markdown->get_header_value("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(markdown->body,
            render_report(report("2021-04"), ReportFormat::kMarkdown, Language::kZh));
  EXPECT_EQ(markdown->get_header_value("Content-Disposition"),
            std::string("attachment; filename=\"zhizao-analysis-2021-04-zh.md\"; "
                        "filename*=UTF-8''") +
                kTitle + ".md");
  EXPECT_EQ(markdown->get_header_value("Cache-Control"), "no-store");

  auto text = get("admin", "/api/report/document?period=2021-03&monthly=1&format=text&lang=en");
  ASSERT_TRUE(text);
  ASSERT_EQ(text->status, 200);
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(text->body, render_report(report("2021-03", WindowKind::kMonthly), ReportFormat::kText,
                                      Language::kEn));
  EXPECT_NE(text->get_header_value("Content-Disposition")
                .find("filename=\"zhizao-analysis-2021-03-monthly-en.txt\""),
            std::string::npos);
}

TEST_F(DocumentEndpointTest, HtmlIsTheReportsPage) {
  auto html = get("city", "/api/report/document?period=2021-04&format=html");
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto expected = render_html_report(report("2021-04"), trend("2021-04"), office());
  ASSERT_TRUE(expected);
  EXPECT_EQ(html->body, *expected);
  EXPECT_EQ(html->get_header_value("Content-Disposition"),
            std::string("attachment; filename=\"zhizao-analysis-2021-04-zh.html\"; "
                        "filename*=UTF-8''") +
                kTitle + ".html");
}

TEST_F(DocumentEndpointTest, DocxHoldsTheReportsParts) {
  auto docx = get("city", "/api/report/document?period=2021-04&format=docx");
  ASSERT_TRUE(docx);
  ASSERT_EQ(docx->status, 200);
  EXPECT_EQ(docx->get_header_value("Content-Type"), kDocxType);
  EXPECT_NE(docx->get_header_value("Content-Disposition")
                .find("filename=\"zhizao-analysis-2021-04-zh.docx\""),
            std::string::npos);
  auto expected = render_docx_report(report("2021-04"), trend("2021-04"), office());
  ASSERT_TRUE(expected);
  // The ZIP entries' times are the time of writing; the parts are the same.
  for (const char* part : {"word/document.xml", "[Content_Types].xml", "word/styles.xml"}) {
    std::string served = zip_entry(docx->body, part);
    EXPECT_FALSE(served.empty()) << part;
    EXPECT_EQ(served, zip_entry(*expected, part)) << part;
  }
}

TEST_F(DocumentEndpointTest, XlsxHoldsTheReportsSheets) {
  auto xlsx = get("county", "/api/report/document?period=2021-04&format=xlsx");
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->get_header_value("Content-Type"), kXlsxType);
  EXPECT_NE(xlsx->get_header_value("Content-Disposition")
                .find("filename=\"zhizao-analysis-2021-04-410302-zh.xlsx\""),
            std::string::npos);
  // The county's own report (410302), as `zhizao report --scope 410302 --format xlsx` writes it.
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("zhizao-document-test-" + std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(write_xlsx_report(report("2021-04", WindowKind::kCumulative, "410302"), file.string(),
                                office())
                  .is_ok());
  std::ifstream in(file, std::ios::binary);
  std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(file);
  for (const char* part : {"xl/workbook.xml", "xl/worksheets/sheet1.xml",
                           "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"}) {
    std::string served = zip_entry(xlsx->body, part);
    EXPECT_FALSE(served.empty()) << part;
    EXPECT_EQ(served, zip_entry(expected, part)) << part;
  }
}

TEST_F(DocumentEndpointTest, CountyUsersGetOnlyTheirArea) {
  auto own = get("county", "/api/report/document?period=2021-04&format=markdown");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  EXPECT_EQ(own->body, render_report(report("2021-04", WindowKind::kCumulative, "410302"),
                                     ReportFormat::kMarkdown, Language::kZh));
  EXPECT_NE(own->body, render_report(report("2021-04"), ReportFormat::kMarkdown, Language::kZh));
  for (const char* path : {"/api/report/document?period=2021-04&format=markdown&scope=410305",
                           "/api/report/document?period=2021-04&format=docx&scope=nowhere",
                           "/api/report/analysis?period=2021-04&scope=410305",
                           "/api/report/benchmark?period=2021-04&scope=410305"}) {
    auto outside = get("county", path);
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->status, 403) << path;
    EXPECT_EQ(error_code_of(outside), "forbidden") << path;
  }
}

TEST_F(DocumentEndpointTest, EnterprisesAreRefusedAndStrangersMustSignIn) {
  for (const char* path :
       {"/api/report/document?period=2021-04&format=docx",
        "/api/report/document?period=2021-04&format=markdown",
        "/api/report/document?period=2099-04&format=bogus", "/api/report/analysis?period=2021-04",
        "/api/report/benchmark?period=2021-04"}) {
    auto refused = get("ent", path);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << path;
    auto anonymous = server_->client()->Get(path);
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401) << path;
  }
}

TEST_F(DocumentEndpointTest, PeriodsWithoutDataAre404AndBadQueries400) {
  for (const char* path :
       {"/api/report/document?period=2021-05&format=docx",
        "/api/report/document?period=2020-06&format=markdown",
        "/api/report/analysis?period=2021-05", "/api/report/benchmark?period=2021-05"}) {
    auto missing = get("city", path);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404) << path;
    EXPECT_EQ(error_code_of(missing), "not_found") << path;
  }
  for (const char* path :
       {"/api/report/document?period=2021-04", "/api/report/document?period=2021-04&format=pdf",
        "/api/report/document?period=2021-04&format=markdown&lang=fr",
        "/api/report/document?format=markdown",
        "/api/report/document?period=2021-01&format=markdown",
        "/api/report/analysis?period=2021-13"}) {
    auto bad = get("city", path);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400) << path << bad->body;
    EXPECT_EQ(error_code_of(bad), "bad_request") << path;
  }
}

TEST_F(DocumentEndpointTest, AnalysisIsTheReportsNarrativeAndTables) {
  auto response = get("city", "/api/report/analysis?period=2021-04&lang=en");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  json body = json::parse(response->body);
  ReportDocument document = report_document(report("2021-04"), Language::kEn);
  EXPECT_EQ(body["period"], "2021-04");
  EXPECT_EQ(body["monthly"], false);
  EXPECT_TRUE(body["scope"].is_null());
  EXPECT_EQ(body["lang"], "en");
  EXPECT_EQ(body["title"], document.narrative.title);
  ASSERT_EQ(body["sections"].size(), document.narrative.sections.size());
  for (size_t i = 0; i < document.narrative.sections.size(); ++i) {
    EXPECT_EQ(body["sections"][i]["heading"], document.narrative.sections[i].heading);
    EXPECT_EQ(body["sections"][i]["paragraphs"], document.narrative.sections[i].paragraphs);
  }
  ASSERT_EQ(body["tables"].size(), document.tables.size());
  ASSERT_FALSE(document.tables.empty());
  const detail::Table& first = document.tables.front();
  EXPECT_EQ(body["tables"][0]["title"], first.title);
  EXPECT_EQ(body["tables"][0]["rows"], first.rows);
  EXPECT_EQ(body["tables"][0]["columns"][0]["header"], first.columns[0].header);

  auto county = get("county", "/api/report/analysis?period=2021-04&monthly=1");
  ASSERT_TRUE(county);
  ASSERT_EQ(county->status, 200);
  json scoped = json::parse(county->body);
  EXPECT_EQ(scoped["scope"], "410302");
  EXPECT_EQ(scoped["monthly"], true);
  EXPECT_EQ(scoped["title"],
            report_document(report("2021-04", WindowKind::kMonthly, "410302"), Language::kZh)
                .narrative.title);
}

TEST_F(DocumentEndpointTest, BenchmarkGivesTheCityAndTheRanks) {
  auto response = get("county", "/api/report/benchmark?period=2021-04");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  json body = json::parse(response->body);
  ReportData city = report("2021-04");
  EXPECT_EQ(body["scope"], "410302");
  EXPECT_EQ(body["city"]["value_added_growth"].get<double>(), *city.industry.value_added_growth);
  EXPECT_EQ(body["city"]["enterprises"], city.industry.enterprises);
  // Counties of tests/data/cli/small at 1–4月 2021: 410329 87.5%, 410303 35.2%, 410302 16.6%,
  // 410323 12.0%, 410311 −0.5%, 410305 −1.4%.
  EXPECT_EQ(body["region"]["code"], "410302");
  EXPECT_EQ(body["region"]["rank"], 3);
  EXPECT_EQ(body["region"]["of"], 6);

  auto whole = get("city", "/api/report/benchmark?period=2021-04");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->status, 200);
  json all = json::parse(whole->body);
  EXPECT_TRUE(all["region"].is_null());
  // Parks: P2 35.2% first, P1 3.8% second; chains: C2 28.2%, C1 21.7%.
  ASSERT_EQ(all["parks"].size(), 2u);
  EXPECT_EQ(all["parks"][0]["id"], "P1");
  EXPECT_EQ(all["parks"][0]["rank"], 2);
  EXPECT_EQ(all["parks"][1]["rank"], 1);
  EXPECT_EQ(all["parks"][1]["of"], 2);
  EXPECT_EQ(all["chains"][0]["id"], "C1");
  EXPECT_EQ(all["chains"][0]["rank"], 2);

  auto other = get("city", "/api/report/benchmark?period=2021-04&scope=410305");
  ASSERT_TRUE(other);
  ASSERT_EQ(other->status, 200);
  EXPECT_EQ(json::parse(other->body)["region"]["rank"], 6);
}

}  // namespace
}  // namespace zhizao::testing
