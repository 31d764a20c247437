// The report and the drill-downs are kept per data version (server/answer_cache.h) and read from
// a snapshot brought up to date by merging a published submission: every answer is the one a
// fresh computation from the stored records gives, before and after a publication.
#include <gtest/gtest.h>

#include <zlib.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "columnar/report_input.h"
#include "report/render.h"
#include "server/scoped_report.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

// `gzipped` inflated (RFC 1952); "" when it is not whole gzip.
std::string gunzip(const std::string& gzipped) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + 15) != Z_OK) return "";
  std::string out;
  char buffer[1 << 16];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzipped.data()));
  stream.avail_in = static_cast<uInt>(gzipped.size());
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return result == Z_STREAM_END ? out : "";
}

class ServedAnswersTest : public ::testing::Test {
 protected:
  httplib::Result get(const std::string& user, const std::string& path) {
    return server_.client()->Get(path.c_str(), TestServer::session(server_.login(user)));
  }
  httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    return server_.client()->Post(path.c_str(), TestServer::session(server_.login(user)),
                                  body.dump(), "application/json");
  }
  // The body of GET `path` as the city, which must answer 200.
  std::string body_of(const std::string& path) {
    auto response = get("city", path);
    EXPECT_TRUE(response);
    if (!response) return "";
    EXPECT_EQ(response->status, 200) << path << ": " << response->body;
    return response->body;
  }
  // The report of 2021-04 for the whole city computed from the stored records, without any
  // snapshot or cache: what /api/report must answer.
  std::string fresh_report() {
    auto db = Database::open(server_.db_path(), OpenMode::kMustExist);
    EXPECT_TRUE(db.has_value());
    if (!db) return "";
    Result<Dataset> loaded = (*db)->load();
    EXPECT_TRUE(loaded.has_value());
    if (!loaded) return "";
    ReportRequest request;
    request.period = YearMonth{2021, 4};
    Result<ReportData> report =
        server::complete_report(**db, ReportInput::of_dataset(std::move(*loaded)), request);
    EXPECT_TRUE(report.has_value()) << report.error().message();
    if (!report) return "";
    return render_report(*report, ReportFormat::kJson, Language::kZh);
  }
  // Submits `value_added` for the own enterprise's 2021-04 and has the county and the city
  // approve it: published.
  void publish_value_added(double value_added) {
    auto accepted = post("ent", "/api/submissions",
                         {{"uscc", kOwnUscc},
                          {"period", "2021-04"},
                          {"output", 1274.4},
                          {"value_added", value_added},
                          {"electricity", 63.72},
                          {"in_scope", 1}});
    ASSERT_TRUE(accepted);
    ASSERT_EQ(accepted->status, 201) << accepted->body;
    std::string path =
        "/api/submissions/" + std::to_string(json::parse(accepted->body)["id"].get<long>());
    auto county = post("county", path + "/review", {{"decision", "approve"}});
    ASSERT_TRUE(county);
    ASSERT_EQ(county->status, 200) << county->body;
    auto city = post("city", path + "/review", {{"decision", "approve"}});
    ASSERT_TRUE(city);
    ASSERT_EQ(city->status, 200) << city->body;
    ASSERT_EQ(json::parse(city->body)["state"], "published");
  }

  TestServer server_;
};

TEST_F(ServedAnswersTest, TheReportIsTheFreshOneBeforeAndAfterAPublication) {
  const std::string report_path = "/api/report?period=2021-04";
  const std::string before = body_of(report_path);
  EXPECT_EQ(before, fresh_report());
  EXPECT_EQ(body_of(report_path), before);  // the kept answer, the same bytes

  const std::string industry_before = body_of("/api/industry?period=2021-04");
  publish_value_added(390.5);
  const std::string after = body_of(report_path);
  EXPECT_NE(after, before) << "the report did not follow the published submission";
  EXPECT_EQ(after, fresh_report());
  EXPECT_NE(body_of("/api/industry?period=2021-04"), industry_before);
  auto months = get("ent", std::string("/api/enterprises/") + kOwnUscc + "/months");
  ASSERT_TRUE(months);
  const json body = json::parse(months->body);
  json april;
  for (const json& month : body["months"]) {
    if (month["period"] == "2021-04") april = month;
  }
  EXPECT_EQ(april["value_added"], 390.5);
}

// The kept answers go gzipped, compressed once, to clients that accept gzip, and as they are to
// the others; both are the same text.
TEST_F(ServedAnswersTest, KeptAnswersGoGzippedToClientsThatAcceptIt) {
  const std::string token = server_.login("city");
  std::unique_ptr<httplib::Client> client = server_.client();
  client->set_decompress(false);
  httplib::Headers identity = TestServer::session(token);
  identity.emplace("Accept-Encoding", "identity");
  httplib::Headers gzip = TestServer::session(token);
  gzip.emplace("Accept-Encoding", "gzip");
  for (const std::string& path : {std::string("/api/report?period=2021-04"),
                                  std::string("/api/enterprises/") + kOwnUscc + "/months"}) {
    auto plain = client->Get(path.c_str(), identity);
    ASSERT_TRUE(plain);
    ASSERT_EQ(plain->status, 200) << plain->body;
    EXPECT_FALSE(plain->has_header("Content-Encoding")) << path;
    for (int ask = 0; ask < 2; ++ask) {  // computed, then kept
      auto packed = client->Get(path.c_str(), gzip);
      ASSERT_TRUE(packed);
      ASSERT_EQ(packed->status, 200);
      EXPECT_EQ(packed->get_header_value("Content-Encoding"), "gzip") << path;
      EXPECT_EQ(packed->get_header_value("Vary"), "Accept-Encoding") << path;
      EXPECT_LT(packed->body.size(), plain->body.size()) << path;
      EXPECT_EQ(gunzip(packed->body), plain->body) << path;
    }
  }
}

TEST_F(ServedAnswersTest, KeptAnswersAreOfTheCallersScope) {
  // The county's report is of its own area: a kept city report is never given to it.
  const std::string city = body_of("/api/report?period=2021-04");
  auto county = get("county", "/api/report?period=2021-04");
  ASSERT_TRUE(county);
  ASSERT_EQ(county->status, 200) << county->body;
  EXPECT_NE(county->body, city);
  auto again = get("county", "/api/report?period=2021-04");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, county->body);
  EXPECT_EQ(body_of("/api/report?period=2021-04"), city);
}

// The service registers look enterprises up in the served snapshot (not in every enterprise row
// per request): one imported while the server runs is known to them at once, with its name.
TEST_F(ServedAnswersTest, TheRegistersKnowAnEnterpriseImportedWhileServing) {
  const std::string uscc = "91410302MA4000NEW7";
  auto unknown = post("city", "/api/visits", {{"uscc", uscc}, {"date", "2021-04-12"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);

  auto db = Database::open(server_.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value());
  SourcedBatch batch{"enterprises_new.csv", {}};
  Enterprise enterprise;
  enterprise.uscc = uscc;
  enterprise.name = "新登记机械有限公司";
  enterprise.industry = "3484";
  enterprise.division = "34";
  enterprise.region = "410302";
  batch.rows.enterprises.push_back(enterprise);
  ASSERT_TRUE((*db)->apply({batch}).has_value());

  auto logged = post("county", "/api/visits", {{"uscc", uscc}, {"date", "2021-04-12"}});
  ASSERT_TRUE(logged);
  ASSERT_EQ(logged->status, 201) << logged->body;
  EXPECT_EQ(json::parse(logged->body)["name"], "新登记机械有限公司");
  EXPECT_EQ(json::parse(logged->body)["region"], "410302");
  auto other_county = post("county2", "/api/visits", {{"uscc", uscc}, {"date", "2021-04-12"}});
  ASSERT_TRUE(other_county);
  EXPECT_EQ(other_county->status, 403);
}

}  // namespace
}  // namespace zhizao::testing
