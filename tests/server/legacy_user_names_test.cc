// Issue #19 item 8 through the API: a name stored before the naming rule (here "a/b", "..")
// is reached percent-encoded, since routes match the raw path and decode the captured name.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/password.h"
#include "server_fixture.h"
#include "store/account_store.h"

namespace zhizao::testing {
namespace {

TEST(LegacyUserNamesTest, AStoredNameWithASlashCanBeDisabledAndEnabledThroughTheApi) {
  TestServer server;
  {
    auto db = Database::open(server.db_path(), OpenMode::kMustExist);
    ASSERT_TRUE(db);
    for (const std::string name : {"a/b", ".."}) {
      UserRow row;
      row.name = name;
      row.password_hash = hash_password("old password", PasswordCost::kMinimal).value();
      row.role = "city";
      row.created_at = "2024-01-01T00:00:00Z";
      ASSERT_TRUE(AccountStore(**db).insert_user(row).is_ok()) << name;
    }
  }
  std::string admin = server.login("admin");
  auto client = server.client();
  for (const std::string encoded : {"a%2Fb", "%2E%2E"}) {
    auto disabled = client->Post("/api/users/" + encoded + "/disable", TestServer::session(admin),
                                 "", "application/json");
    ASSERT_TRUE(disabled);
    EXPECT_EQ(disabled->status, 204) << encoded << " " << disabled->body;
  }
  auto users = client->Get("/api/users", TestServer::session(admin));
  ASSERT_TRUE(users);
  int disabled_count = 0;
  // Parsed into a variable: a range-for over a member of a temporary would dangle.
  nlohmann::json listed = nlohmann::json::parse(users->body);
  for (const auto& user : listed["users"]) {
    if (user["name"] == "a/b" || user["name"] == "..") {
      EXPECT_TRUE(user["disabled"].get<bool>()) << user["name"];
      ++disabled_count;
    }
  }
  EXPECT_EQ(disabled_count, 2);
  auto enabled =
      client->Post("/api/users/a%2Fb/enable", TestServer::session(admin), "", "application/json");
  ASSERT_TRUE(enabled);
  EXPECT_EQ(enabled->status, 204);
  // A new user with such a name is refused by the API as by the command line.
  auto created = client->Post("/api/users", TestServer::session(admin),
                              R"({"name": "c/d", "password": "a long password", "role": "city"})",
                              "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 400);
}

}  // namespace
}  // namespace zhizao::testing
