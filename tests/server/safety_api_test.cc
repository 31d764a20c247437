// The flood-season safety checks of the API (issue 14, docs/api.md "Safety"): a plan, a check, a
// hazard carried through its proof file, rectification, a failed and a passed re-inspection, with
// revisions and audit rows; the figures equal the report's `safety`; the proof file's checks
// (type from the first bytes, declared type, size) and who may download it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "safety/proof_file.h"
#include "server/api_context.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kPdf = "%PDF-1.4\n整改报告";

class SafetyApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    expect("city", "/api/safety/plans",
           {{"id", "FX2021"},
            {"name", "汛期尾矿库检查"},
            {"kind", "尾矿库"},
            {"divisions", {"08", "09", "10", "34"}},
            {"from", "2021-04-01"},
            {"to", "2021-09-30"}},
           201);
    json check = expect("county", "/api/safety/checks",
                        {{"plan", "FX2021"},
                         {"uscc", kOwnUscc},
                         {"date", "2021-04-10"},
                         {"inspector", "张三"},
                         {"findings", "排洪井堵塞"}},
                        201);
    ASSERT_EQ(check["id"], "JC20210410-001");
    json hazard = expect("county", "/api/safety/hazards",
                         {{"check", "JC20210410-001"},
                          {"level", "重大"},
                          {"description", "排洪井堵塞"},
                          {"found", "2021-04-10"}},
                         201);
    ASSERT_EQ(hazard["id"], "YH20210410-001");
  }

  std::string token(const std::string& user) {
    auto found = tokens_.find(user);
    if (found != tokens_.end()) return found->second;
    return tokens_[user] = server_.login(user);
  }
  httplib::Result get(const std::string& user, const std::string& path) {
    return client_->Get(path.c_str(), TestServer::session(token(user)));
  }
  json expect(const std::string& user, const std::string& path, const json& body, int status) {
    httplib::Result answer = client_->Post(path.c_str(), TestServer::session(token(user)),
                                           body.dump(), "application/json");
    EXPECT_TRUE(answer) << path;
    if (!answer) return json();
    EXPECT_EQ(answer->status, status) << user << " " << path << ": " << answer->body;
    return json::parse(answer->body, nullptr, false);
  }
  httplib::Result upload(const std::string& user, const std::string& bytes, const std::string& type,
                         const std::string& hazard = kHazard) {
    const std::string path = "/api/safety/hazards/" + hazard + "/proof";
    return client_->Post(path.c_str(), TestServer::session(token(user)), bytes, type.c_str());
  }
  json read(const std::string& user, const std::string& path) {
    httplib::Result answer = get(user, path);
    EXPECT_TRUE(answer && answer->status == 200) << path << ": " << (answer ? answer->body : "");
    return answer ? json::parse(answer->body, nullptr, false) : json();
  }

  static constexpr const char* kHazard = "YH20210410-001";
  TestServer server_;
  std::unique_ptr<httplib::Client> client_ = server_.client();
  std::map<std::string, std::string> tokens_;
};

TEST_F(SafetyApiTest, AHazardFromFoundToClosedWithRevisions) {
  const std::string path = std::string("/api/safety/hazards/") + kHazard;
  json found = read("county", path);
  EXPECT_EQ(found["level"], "major");
  EXPECT_EQ(found["deadline"], "2021-05-10");  // major: found + 30 days (safety_hazard_deadline)
  EXPECT_EQ(found["uscc"], kOwnUscc);
  EXPECT_TRUE(found["proof"].is_null());

  // Rectified only with a proof file; the enterprise uploads it for its own hazard.
  expect("county", path + "/rectify", {{"rectified", "2021-04-20"}}, 409);
  expect("ent", path + "/rectify", {{"rectified", "2021-04-20"}}, 403);
  httplib::Result uploaded = upload("ent", kPng, "image/png");
  ASSERT_TRUE(uploaded);
  ASSERT_EQ(uploaded->status, 200) << uploaded->body;
  const std::string name = proof_file_name(kPng, ProofType::kPng);
  EXPECT_EQ(json::parse(uploaded->body)["proof"]["name"], name);
  // Stored beside the database, named by its SHA-256, outside any web root.
  const fs::path stored = fs::path(server_.db_path() + ".files") / name;
  ASSERT_TRUE(fs::exists(stored));
  EXPECT_EQ(fs::file_size(stored), kPng.size());

  json rectified = expect("county", path + "/rectify", {{"rectified", "2021-04-20"}}, 200);
  EXPECT_EQ(rectified["rectified"], "2021-04-20");
  EXPECT_EQ(rectified["state"], "awaiting_reinspection");
  expect("county", path + "/rectify", json::object(), 409);  // once
  json failed =
      expect("city", path + "/reinspect", {{"result", "failed"}, {"date", "2021-04-22"}}, 200);
  EXPECT_EQ(failed["reinspection_result"], "failed");
  EXPECT_EQ(failed["state"], "overdue");  // open again, and its deadline passed long ago
  expect("city", path + "/reinspect", {{"result", "passed"}}, 409);         // rectify again first
  expect("county", path + "/rectify", {{"rectified", "2021-04-21"}}, 400);  // before 22 April
  expect("county", path + "/rectify", {{"rectified", "2021-04-25"}}, 200);
  json passed =
      expect("county", path + "/reinspect", {{"result", "通过"}, {"date", "2021-04-26"}}, 200);
  EXPECT_EQ(passed["state"], "closed");
  EXPECT_EQ(upload("ent", kPdf, "application/pdf")->status, 409);  // closed

  json detail = read("ent", path);
  ASSERT_EQ(detail["revisions"].size(), 6u);  // hazard, proof, rectify, reinspect ×2, rectify
  EXPECT_EQ(detail["revisions"][0]["action"], "hazard");
  EXPECT_TRUE(detail["revisions"][0]["before"].is_null());
  EXPECT_EQ(detail["revisions"][3]["action"], "reinspect");
  EXPECT_EQ(detail["revisions"][3]["after"]["reinspection_result"], "failed");
  EXPECT_EQ(detail["revisions"][4]["before"]["reinspection_result"], "failed");
  EXPECT_EQ(detail["revisions"][5]["user"], "county");

  json audit = read("admin", "/api/audit");
  std::vector<std::string> actions;
  for (const json& entry : audit["entries"]) {
    const std::string action = entry["action"];
    if (action.starts_with("safety.")) actions.push_back(action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"safety.plan", "safety.check", "safety.hazard",
                                               "safety.proof", "safety.rectify", "safety.reinspect",
                                               "safety.rectify", "safety.reinspect"}));
}

TEST_F(SafetyApiTest, FiguresAreTheReportsAndRegistersAreScoped) {
  json safety = read("city", "/api/safety?period=2021-04");
  json report = read("city", "/api/report?period=2021-04");
  ASSERT_TRUE(report.contains("safety"));
  EXPECT_EQ(safety["safety"], report["safety"]);
  const json& plan = safety["safety"]["plans"][0];
  EXPECT_EQ(plan["checked"], 1);
  EXPECT_EQ(plan["hazards"]["found"], 1);
  EXPECT_EQ(plan["hazards"]["open"], 1);
  EXPECT_EQ(plan["hazards"]["overdue"], 0);  // deadline 10 May, after 30 April
  ASSERT_EQ(safety["checks"].size(), 1u);
  ASSERT_EQ(safety["hazards"].size(), 1u);
  EXPECT_EQ(safety["hazards"][0]["state"], "open");
  EXPECT_EQ(safety["plans"][0]["id"], "FX2021");

  // County 410305 sees the plan's figures of its own area, without the other county's rows.
  json other = read("county2", "/api/safety?period=2021-04");
  EXPECT_EQ(other["scope"], "410305");
  EXPECT_EQ(other["safety"]["plans"][0]["hazards"]["found"], 0);
  EXPECT_TRUE(other["checks"].empty());
  EXPECT_TRUE(other["hazards"].empty());
  EXPECT_EQ(get("county2", "/api/safety?period=2021-04&scope=410302")->status, 403);

  // Enterprise users: only their own checks and hazards; no figures, plans or roster.
  json own = read("ent", "/api/safety?period=2021-04");
  EXPECT_TRUE(own["safety"].is_null());
  EXPECT_EQ(own["checks"].size(), 1u);
  EXPECT_EQ(own["hazards"].size(), 1u);
  EXPECT_TRUE(own["roster"].empty());
  json stranger = read("ent2", "/api/safety?period=2021-04");
  EXPECT_TRUE(stranger["checks"].empty());
  EXPECT_TRUE(stranger["hazards"].empty());

  // A hazard past its deadline on 30 April: a red warning about the enterprise, which its own
  // user sees as well, and nobody else's user.
  expect("city", "/api/safety/hazards",
         {{"check", "JC20210410-001"},
          {"level", "major"},
          {"found", "2021-04-12"},
          {"deadline", "2021-04-15"}},
         201);
  json warned = read("ent", "/api/safety?period=2021-04");
  ASSERT_EQ(warned["warnings"].size(), 1u);
  EXPECT_EQ(warned["warnings"][0]["rule"], "safety_overdue_major_hazard");
  EXPECT_EQ(warned["warnings"][0]["level"], "red");
  EXPECT_TRUE(read("ent2", "/api/safety?period=2021-04")["warnings"].empty());
  json city = read("city", "/api/safety?period=2021-04");
  EXPECT_EQ(city["safety"]["plans"][0]["hazards"]["overdue"], 1);
  EXPECT_EQ(city["safety"], read("city", "/api/report?period=2021-04")["safety"]);
  json page =
      read("county", std::string("/api/enterprises/") + kOwnUscc + "/safety?date=2021-06-30");
  EXPECT_EQ(page["summary"]["checks"], 1);
  EXPECT_EQ(page["summary"]["hazards"], 2);
  EXPECT_EQ(page["summary"]["overdue"], 2);
  EXPECT_EQ(page["hazards"][0]["days_overdue"], 51);  // 10 May to 30 June
  EXPECT_EQ(get("county2", std::string("/api/enterprises/") + kOwnUscc + "/safety")->status, 403);
  EXPECT_EQ(get("ent2", std::string("/api/enterprises/") + kOwnUscc + "/safety")->status, 403);
}

TEST_F(SafetyApiTest, ProofFilesAreCheckedAndServedOnlyInScope) {
  // Refused: a type other than PDF/JPEG/PNG, bytes that contradict the declared type, nothing,
  // more than the transport's bound (4 KiB in the test server; 256 KiB by default).
  httplib::Result html = upload("county", "<html><script>alert(1)</script></html>", "text/html");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 415);
  EXPECT_EQ(error_code_of(html), "unsupported_media_type");
  EXPECT_EQ(upload("county", "<html></html>", "image/png")->status, 415);
  EXPECT_EQ(upload("county", kPng, "application/pdf")->status, 415);
  EXPECT_EQ(upload("county", "", "image/png")->status, 400);
  httplib::Result large = upload("county", kPng + std::string(8192, 'x'), "image/png");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  // Others' hazards: forbidden, whether or not they exist.
  EXPECT_EQ(upload("ent2", kPng, "image/png")->status, 403);
  EXPECT_EQ(upload("county2", kPng, "image/png")->status, 403);
  EXPECT_EQ(upload("county2", kPng, "image/png", "NOPE")->status, 403);
  EXPECT_EQ(upload("admin", kPng, "image/png", "NOPE")->status, 404);

  const std::string proof = std::string("/api/safety/hazards/") + kHazard + "/proof";
  EXPECT_EQ(get("city", proof)->status, 404);  // none yet
  ASSERT_EQ(upload("county", kPdf, "application/pdf; charset=binary")->status, 200);
  for (const char* user : {"admin", "city", "county", "ent"}) {
    httplib::Result download = get(user, proof);
    ASSERT_TRUE(download);
    ASSERT_EQ(download->status, 200) << user;
    EXPECT_EQ(download->body, kPdf);
    EXPECT_EQ(download->get_header_value("Content-Type"), "application/pdf");
    EXPECT_TRUE(download->get_header_value("Content-Disposition").starts_with("attachment;"));
    EXPECT_EQ(download->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  for (const char* user : {"county2", "ent2"}) EXPECT_EQ(get(user, proof)->status, 403) << user;
  EXPECT_EQ(client_->Get(proof.c_str())->status, 401);

  // A file altered on disk is not served.
  const fs::path stored =
      fs::path(server_.db_path() + ".files") / proof_file_name(kPdf, ProofType::kPdf);
  std::ofstream(stored, std::ios::binary | std::ios::trunc) << "%PDF-1.4 something else";
  EXPECT_EQ(get("city", proof)->status, 500);
}

TEST(SafetyProofFolderTest, NotWithinTheWebRoot) {
  TestServer running;  // its proof folder is beside its database: it started
  ASSERT_GT(running.port(), 0);
  const fs::path root = fs::temp_directory_path() / ("zhizao_web_" + std::to_string(::getpid()));
  fs::create_directories(root);
  std::ofstream(root / "index.html") << "<!doctype html>";
  ServerOptions options;
  options.db_path = running.db_path();
  options.port = 0;
  options.web_root = root.string();
  options.proof_dir = (root / "proofs").string();
  ApiServer server(options);
  Result<int> bound = server.bind();
  ASSERT_FALSE(bound);
  EXPECT_EQ(bound.error().code(), StatusCode::kUsage);
  EXPECT_NE(bound.error().message().find("web root"), std::string::npos);
  // A database inside the web root is refused first (it would be a static file anyone could
  // fetch), and its proof folder with it.
  options.proof_dir = "";
  options.db_path = (root / "city.db").string();
  Status inside = server::check_proof_folder(options.db_path, "", options.web_root);
  EXPECT_EQ(inside.code(), StatusCode::kUsage);
  EXPECT_NE(inside.message().find("the database"), std::string::npos) << inside.message();
  EXPECT_NE(server::check_proof_folder(running.db_path(), (root / "p").string(), options.web_root)
                .message()
                .find("proof folder"),
            std::string::npos);
  EXPECT_TRUE(server::check_proof_folder(running.db_path(), "", options.web_root).is_ok());
  fs::remove_all(root);
}

}  // namespace
}  // namespace zhizao::testing
