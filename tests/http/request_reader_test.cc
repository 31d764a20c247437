// The bounded request reader: what it accepts, and each limit it refuses with its status.
#include "http/request_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace zhizao::http {
namespace {

ReadOutcome parse(const std::string& bytes, Request& request, const Limits& limits = Limits()) {
  return parse_request_bytes(bytes, limits, request);
}

TEST(RequestReaderTest, ReadsALengthDelimitedRequest) {
  Request request;
  ReadOutcome outcome = parse(
      "POST /api/login?x=1&name=%E5%BC%A0+%E4%B8%89 HTTP/1.1\r\nHost: a\r\n"
      "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
      request);
  ASSERT_EQ(outcome.end, ReadEnd::kDone) << outcome.message;
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.raw_path, "/api/login");
  EXPECT_EQ(request.get_param_value("name"), "张 三");
  EXPECT_EQ(request.get_param_value("x"), "1");
  EXPECT_EQ(request.get_header_value("content-type"), "application/json");
  EXPECT_EQ(request.body, "{}");
  EXPECT_EQ(request.version, 11);
}

TEST(RequestReaderTest, DecodesChunkedBodies) {
  Request request;
  ReadOutcome outcome = parse(
      "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n",
      request);
  ASSERT_EQ(outcome.end, ReadEnd::kDone) << outcome.message;
  EXPECT_EQ(request.body, "abcde");
}

TEST(RequestReaderTest, AChunkedBodyOverTheLimitIs413BeforeItIsRead) {
  Limits limits;
  limits.max_body_bytes = 1024;
  Request request;
  // One chunk that announces 256 MiB: refused on its size line, not after its data.
  ReadOutcome outcome = parse(
      "POST /api/login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10000000\r\nxx",
      request, limits);
  EXPECT_EQ(outcome.end, ReadEnd::kRefused);
  EXPECT_EQ(outcome.status, 413);
  // Many small chunks that add up past the limit.
  std::string many = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 200; ++i) many += "8\r\n12345678\r\n";
  many += "0\r\n\r\n";
  outcome = parse(many, request, limits);
  EXPECT_EQ(outcome.status, 413);
}

TEST(RequestReaderTest, AContentLengthOverTheLimitIs413) {
  Limits limits;
  limits.max_body_bytes = 10;
  Request request;
  ReadOutcome outcome =
      parse("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", request, limits);
  EXPECT_EQ(outcome.status, 413);
}

TEST(RequestReaderTest, HeadsOverTheLimitAre414Or431) {
  Request request;
  std::string long_line = "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n";
  EXPECT_EQ(parse(long_line, request).status, 414);
  std::string many_fields = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 2000; ++i) many_fields += "X-F" + std::to_string(i) + ": v\r\n";
  many_fields += "\r\n";
  EXPECT_EQ(parse(many_fields, request).status, 431);
  std::string one_long_field =
      "GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(20000, 'v') + "\r\n\r\n";
  EXPECT_EQ(parse(one_long_field, request).status, 431);
}

TEST(RequestReaderTest, MalformedRequestsAre400Or505) {
  Request request;
  EXPECT_EQ(parse("GARBAGE\r\n\r\n", request).status, 400);
  EXPECT_EQ(parse("GET / HTTP/2.0\r\nHost: a\r\n\r\n", request).status, 505);
  EXPECT_EQ(parse("GET http://other/ HTTP/1.1\r\nHost: a\r\n\r\n", request).status, 400);
  EXPECT_EQ(parse("GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", request).status, 400);
  EXPECT_EQ(parse("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", request).status,
            501);
  // A chunk of the wrong length, and a body cut short.
  EXPECT_EQ(parse("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "3\r\nabcdef\r\n0\r\n\r\n",
                  request)
                .status,
            400);
  EXPECT_EQ(parse("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\nabc", request).status,
            400);
}

TEST(RequestReaderTest, AnEmptyConnectionIsClosedWithoutAnswer) {
  Request request;
  EXPECT_EQ(parse("", request).end, ReadEnd::kClosed);
}

}  // namespace
}  // namespace zhizao::http
