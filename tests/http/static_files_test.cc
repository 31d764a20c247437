// Static files: only regular files inside the root after links are resolved, no NUL or encoded
// separators, types from the real extension, compressed once, ETag and 304.
#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "http/url.h"

namespace zhizao::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("zhizao_static_" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "root" / "assets");
    std::ofstream(base_ / "root" / "index.html") << "<!doctype html><title>dash</title>";
    std::ofstream(base_ / "root" / "assets" / "app-1234.js") << std::string(4000, 'x');
    std::ofstream(base_ / "secret.txt") << "outside";
    fs::create_symlink(base_ / "secret.txt", base_ / "root" / "leak.txt");
    fs::create_symlink("/etc/passwd", base_ / "root" / "passwd");
    fs::create_symlink(base_ / "root" / "index.html", base_ / "root" / "page.js");
    Result<std::unique_ptr<StaticFiles>> files = StaticFiles::open((base_ / "root").string());
    ASSERT_TRUE(files) << files.error().to_string();
    files_ = std::move(*files);
  }
  void TearDown() override { fs::remove_all(base_); }

  // Serves `target` with `accept_encoding`; returns the outcome and fills `response`.
  StaticFiles::Served get(const std::string& target, Response& response,
                          const std::string& accept_encoding = "",
                          const std::string& if_none_match = "") {
    Request request;
    request.method = "GET";
    EXPECT_TRUE(parse_target(target, request)) << target;
    if (!accept_encoding.empty()) request.headers.emplace("Accept-Encoding", accept_encoding);
    if (!if_none_match.empty()) request.headers.emplace("If-None-Match", if_none_match);
    return files_->serve(request, response);
  }

  fs::path base_;
  std::unique_ptr<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesCodingsAndCaching) {
  Response index;
  ASSERT_EQ(get("/", index), StaticFiles::Served::kAnswered);
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.get_header_value("Cache-Control"), "no-cache");
  Response script;
  ASSERT_EQ(get("/assets/app-1234.js", script, "gzip, br"), StaticFiles::Served::kAnswered);
  EXPECT_EQ(script.get_header_value("Content-Encoding"), "br");
  EXPECT_LT(script.body.size(), 100u);
  EXPECT_EQ(script.get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  Response again;
  get("/assets/app-1234.js", again, "", script.get_header_value("ETag"));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  Response plain;
  get("/assets/app-1234.js", plain);
  EXPECT_EQ(plain.body, std::string(4000, 'x'));
  EXPECT_FALSE(plain.has_header("Content-Encoding"));
}

TEST_F(StaticFilesTest, RefusesNulEncodedSeparatorsAndDotSegments) {
  for (const char* target : {"/index.html%00.js", "/assets%2Fapp-1234.js", "/a%5C..%5Cx",
                             "/%2e%2e/secret.txt", "/assets/../index.html", "/./index.html"}) {
    Response response;
    EXPECT_EQ(get(target, response), StaticFiles::Served::kAnswered) << target;
    EXPECT_EQ(response.status, 400) << target;
  }
}

TEST_F(StaticFilesTest, LinksLeadingOutsideTheRootAreNotServed) {
  Response leak, passwd;
  EXPECT_EQ(get("/leak.txt", leak), StaticFiles::Served::kAnswered);
  EXPECT_EQ(leak.status, 404);
  EXPECT_EQ(get("/passwd", passwd), StaticFiles::Served::kAnswered);
  EXPECT_EQ(passwd.status, 404);
  EXPECT_TRUE(passwd.body.empty());
  Response missing, folder;
  EXPECT_EQ(get("/none.js", missing), StaticFiles::Served::kNoFile);
  EXPECT_EQ(get("/assets", folder), StaticFiles::Served::kAnswered);
  EXPECT_EQ(folder.status, 404);
}

TEST_F(StaticFilesTest, TheTypeComesFromTheRealFile) {
  Response response;
  ASSERT_EQ(get("/page.js", response), StaticFiles::Served::kAnswered);
  EXPECT_EQ(response.get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(media_type_for("a.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(media_type_for("noext"), "application/octet-stream");
}

TEST(StaticFilesOpenTest, AMissingRootIsNotFound) {
  Result<std::unique_ptr<StaticFiles>> files = StaticFiles::open("/nonexistent/zhizao/root");
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace zhizao::http
