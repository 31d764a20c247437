#include "server_fixture.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/session_token.h"
#include "ingest/importer.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> small_files() {
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(fs::path(ZHIZAO_TEST_DATA) / "cli" / "small")) {
    paths.push_back(entry.path().string());
  }
  return paths;
}

fs::path new_temporary_folder() {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("zhizao_server_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

AccountOptions fast_accounts() {
  AccountOptions options;
  options.password_cost = PasswordCost::kMinimal;
  return options;
}

}  // namespace

TestServer::TestServer(const std::function<void(ServerOptions&)>& configure)
    : dir_(new_temporary_folder()), db_path_((dir_ / "t.db").string()) {
  {
    auto db = Database::open(db_path_, OpenMode::kCreateIfMissing);
    if (!db) ADD_FAILURE() << db.error().to_string();
    auto imported = import_files(**db, small_files(), ImportOptions{});
    if (!imported || imported->refused()) ADD_FAILURE() << "import of tests/data/cli/small failed";
    Accounts accounts(**db, fast_accounts());
    auto now = Clock::now();
    for (const auto& [name, role] : std::vector<std::pair<std::string, std::string>>{
             {"admin", "admin"},
             {"city", "city"},
             {"county", "county:410302"},
             {"county2", "county:410305"},
             {"ent", std::string("enterprise:") + kOwnUscc},
             {"ent2", std::string("enterprise:") + kOtherUscc}}) {
      Status added = accounts.add_user(name, parse_role(role).value(), kPassword, now);
      if (!added.is_ok()) ADD_FAILURE() << added.to_string();
    }
  }
  ServerOptions options;
  options.db_path = db_path_;
  options.port = 0;
  options.accounts = fast_accounts();
  options.max_body_bytes = 4096;
  options.version = "test";
  options.login_limit.burst = 0;
  if (configure) configure(options);
  server_ = std::make_unique<ApiServer>(options);
  Result<int> port = server_->bind();
  if (!port) {
    ADD_FAILURE() << port.error().to_string();
    return;
  }
  port_ = *port;
  thread_ = std::thread([this] { (void)server_->listen(); });
  // cpp-httplib 0.11 has no wait_until_ready(): poll is_running().
  for (int i = 0; i < 500 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!server_->is_running()) ADD_FAILURE() << "the server did not start";
}

TestServer::~TestServer() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

std::unique_ptr<httplib::Client> TestServer::client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(std::chrono::seconds(5));
  client->set_read_timeout(std::chrono::seconds(30));
  return client;
}

std::string TestServer::login(const std::string& user) const {
  auto response = post_json(*client(), "/api/login", login_body(user));
  if (!response || response->status != 200) return "";
  return session_token_of(response);
}

httplib::Headers TestServer::session(const std::string& token) {
  return {{"Cookie", "theme=dark; zhizao_session=" + token},
          {"X-CSRF-Token", csrf_token_for(token)}};
}

httplib::Headers TestServer::cookie_only(const std::string& token) {
  return {{"Cookie", "theme=dark; zhizao_session=" + token}};
}

std::string session_token_of(const httplib::Result& response) {
  if (!response) return "";
  std::string cookie = response->get_header_value("Set-Cookie");
  std::string prefix = "zhizao_session=";
  if (!cookie.starts_with(prefix)) return "";
  return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
}

std::string login_body(const std::string& user, const std::string& password) {
  return nlohmann::json{{"name", user}, {"password", password}}.dump();
}

httplib::Result post_json(httplib::Client& client, const std::string& path, const std::string& body,
                          const httplib::Headers& headers) {
  return client.Post(path, headers, body, "application/json");
}

httplib::Headers with_header(httplib::Headers headers, const std::string& name,
                             const std::string& value) {
  headers.emplace(name, value);
  return headers;
}

std::string error_code_of(const httplib::Result& response) {
  return nlohmann::json::parse(response->body)["error"]["code"];
}

}  // namespace zhizao::testing
