// The router: method and raw-path matching, decoded captures, 405 with Allow, HEAD as GET.
#include "http/router.h"

#include <gtest/gtest.h>

#include "http/url.h"

namespace zhizao::http {
namespace {

Router::Dispatch dispatch(const Router& router, const std::string& method,
                          const std::string& target, std::string& seen, std::string& allowed) {
  Request request;
  request.method = method;
  EXPECT_TRUE(parse_target(target, request));
  Response response;
  Router::Dispatch outcome = router.dispatch(request, response, allowed);
  seen = response.body;
  return outcome;
}

TEST(RouterTest, PicksTheRouteOfTheMethodAmongThoseOfThePath) {
  Router router;
  router.post("/api/submissions", [](const Request&, Response& res) { res.body = "post"; });
  router.get("/api/submissions", [](const Request&, Response& res) { res.body = "get"; });
  router.post(R"(/api/users/([^/]+)/disable)",
              [](const Request& req, Response& res) { res.body = "disable " + req.matches[1]; });
  std::string seen, allowed;
  EXPECT_EQ(dispatch(router, "GET", "/api/submissions?state=submitted", seen, allowed),
            Router::Dispatch::kHandled);
  EXPECT_EQ(seen, "get");
  EXPECT_EQ(dispatch(router, "HEAD", "/api/submissions", seen, allowed),
            Router::Dispatch::kHandled);
  EXPECT_EQ(seen, "get");
  EXPECT_EQ(dispatch(router, "POST", "/api/submissions", seen, allowed),
            Router::Dispatch::kHandled);
  EXPECT_EQ(seen, "post");
  EXPECT_EQ(dispatch(router, "DELETE", "/api/submissions", seen, allowed),
            Router::Dispatch::kWrongMethod);
  EXPECT_EQ(allowed, "POST, GET");
  EXPECT_EQ(dispatch(router, "GET", "/api/nothing", seen, allowed), Router::Dispatch::kNoRoute);
  // An encoded '/' stays inside the capture and is decoded for the handler.
  EXPECT_EQ(dispatch(router, "POST", "/api/users/a%2Fb/disable", seen, allowed),
            Router::Dispatch::kHandled);
  EXPECT_EQ(seen, "disable a/b");
  EXPECT_EQ(dispatch(router, "POST", "/api/users/%E5%BC%A0%E4%B8%89/disable", seen, allowed),
            Router::Dispatch::kHandled);
  EXPECT_EQ(seen, "disable 张三");
}

}  // namespace
}  // namespace zhizao::http
