// A zhizao server started in-process on a free port over a temporary database holding
// tests/data/cli/small, with one user of each role (password cost minimal, so tests stay fast).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "server/api_server.h"
#include "store/database.h"

namespace zhizao::testing {

inline constexpr const char* kPassword = "password-1";
inline constexpr const char* kOwnUscc = "91410302MA400001XM";    // in county 410302
inline constexpr const char* kOtherUscc = "91410305MA400002X2";  // in county 410305
// A proof photo's bytes: PNG's signature, then text (the server checks the signature only).
inline const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "整改后照片";

// Runs `sql` on the database at `db_path` behind the server's back (a test's set-up).
inline void run_sql(const std::string& db_path, const std::string& sql) {
  auto db = Database::open(db_path, OpenMode::kMustExist);
  ASSERT_TRUE(db);
  ASSERT_EQ(sqlite3_exec((*db)->native_handle(), sql.c_str(), nullptr, nullptr, nullptr),
            SQLITE_OK);
}

// Users: "admin" (admin), "city" (city), "county" (county:410302), "county2" (county:410305),
// "ent" (enterprise:kOwnUscc), "ent2" (enterprise:kOtherUscc).
class TestServer {
 public:
  // Creates the database under a new temporary folder and starts the server; aborts the test
  // (fatal failure) when that fails. The login rate limit is off (tests log in hundreds of
  // times from 127.0.0.1); `configure` may change the options before the server starts.
  explicit TestServer(const std::function<void(ServerOptions&)>& configure = {});
  ~TestServer();

  int port() const { return port_; }
  const std::string& db_path() const { return db_path_; }
  std::unique_ptr<httplib::Client> client() const;
  // Logs `user` in and returns the session token, or "" on failure.
  std::string login(const std::string& user) const;
  // Returns the headers of a request in session `token`: the Cookie and the session's CSRF
  // token (X-CSRF-Token), as the dashboard sends them.
  static httplib::Headers session(const std::string& token);
  // Returns only the Cookie header (no CSRF token).
  static httplib::Headers cookie_only(const std::string& token);

 private:
  std::filesystem::path dir_;
  std::string db_path_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// Returns the value of the zhizao_session cookie set by `response`, or "".
std::string session_token_of(const httplib::Result& response);

// Returns the JSON body of a login request of `user` with `password`, as the dashboard sends it.
std::string login_body(const std::string& user, const std::string& password = kPassword);

// POSTs `body` as application/json to `path` with `headers`; returns the raw answer (tests of
// logins, cookies and refusals look at it whole, where TestServer::login keeps only the token).
httplib::Result post_json(httplib::Client& client, const std::string& path, const std::string& body,
                          const httplib::Headers& headers = {});

// Returns `headers` with one more header `name: value`.
httplib::Headers with_header(httplib::Headers headers, const std::string& name,
                             const std::string& value);

// Returns error.code of the JSON error answer `response` (which must hold an answer: check it
// first), e.g. "csrf"; throws, failing the test, when the body is not JSON.
std::string error_code_of(const httplib::Result& response);

}  // namespace zhizao::testing
