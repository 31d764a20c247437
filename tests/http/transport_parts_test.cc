// The transport's small parts: targets and escapes, Host checks, content codings, serialising.
#include <gtest/gtest.h>
#include <zlib.h>

#include "http/content_coding.h"
#include "http/exchange.h"
#include "http/url.h"

namespace zhizao::http {
namespace {

TEST(UrlTest, DecodesEscapesAndRefusesMalformedOnes) {
  EXPECT_EQ(percent_decode("a%2Fb", PlusSign::kLiteral), "a/b");
  EXPECT_EQ(percent_decode("a+b", PlusSign::kLiteral), "a+b");
  EXPECT_EQ(percent_decode("a+b", PlusSign::kSpace), "a b");
  EXPECT_EQ(percent_decode("%", PlusSign::kLiteral), std::nullopt);
  EXPECT_EQ(percent_decode("%4", PlusSign::kLiteral), std::nullopt);
  EXPECT_EQ(percent_decode("%G0", PlusSign::kLiteral), std::nullopt);
  Request request;
  ASSERT_TRUE(parse_target("/api/users/a%2Fb/disable?limit=5&&flag", request));
  EXPECT_EQ(request.raw_path, "/api/users/a%2Fb/disable");
  EXPECT_EQ(request.path, "/api/users/a/b/disable");
  EXPECT_EQ(request.get_param_value("limit"), "5");
  EXPECT_TRUE(request.has_param("flag"));
  EXPECT_FALSE(parse_target("*", request));
  EXPECT_FALSE(parse_target("/a#frag", request));
}

TEST(HostAllowedTest, ComparesTheHostWithoutPortIgnoringCase) {
  std::vector<std::string> allowed = {"localhost", "127.0.0.1", "[::1]"};
  EXPECT_TRUE(host_allowed("127.0.0.1:8080", allowed));
  EXPECT_TRUE(host_allowed("LocalHost", allowed));
  EXPECT_TRUE(host_allowed("[::1]:443", allowed));
  EXPECT_FALSE(host_allowed("attacker.example", allowed));
  EXPECT_FALSE(host_allowed("127.0.0.1.attacker.example:80", allowed));
  EXPECT_FALSE(host_allowed("", allowed));
  EXPECT_TRUE(host_allowed("anything", {}));
}

TEST(ContentCodingTest, ChoosesWhatTheClientAccepts) {
  EXPECT_EQ(choose_coding("gzip, deflate, br", OfferBrotli::kYes), ContentCoding::kBrotli);
  EXPECT_EQ(choose_coding("gzip, deflate, br", OfferBrotli::kNo), ContentCoding::kGzip);
  EXPECT_EQ(choose_coding("br;q=0, gzip;q=0.5", OfferBrotli::kYes), ContentCoding::kGzip);
  EXPECT_EQ(choose_coding("gzip;q=0", OfferBrotli::kNo), ContentCoding::kIdentity);
  EXPECT_EQ(choose_coding("", OfferBrotli::kYes), ContentCoding::kIdentity);
  EXPECT_EQ(choose_coding("*", OfferBrotli::kNo), ContentCoding::kGzip);
}

TEST(ContentCodingTest, GzipRoundTripsThroughZlib) {
  std::string text(5000, 'a');
  std::optional<std::string> packed = encode(text, ContentCoding::kGzip, 5);
  ASSERT_TRUE(packed);
  EXPECT_LT(packed->size(), 200u);
  std::string unpacked(text.size(), '\0');
  z_stream stream{};
  ASSERT_EQ(inflateInit2(&stream, 16 + 15), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(packed->data());
  stream.avail_in = static_cast<uInt>(packed->size());
  stream.next_out = reinterpret_cast<Bytef*>(unpacked.data());
  stream.avail_out = static_cast<uInt>(unpacked.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  inflateEnd(&stream);
  EXPECT_EQ(unpacked, text);
}

TEST(SerializeResponseTest, FramesTheAnswerAndNeutralisesLineBreaksInFields) {
  ExchangeSetup setup;
  setup.default_headers = {{"X-Content-Type-Options", "nosniff"}};
  Request request;
  request.method = "GET";
  Response response;
  response.set_content("hello", "text/plain");
  response.set_header("X-Evil", "a\r\nSet-Cookie: x=1");
  std::string bytes = serialize_response(setup, request, response, KeepAlive::kNo);
  EXPECT_TRUE(bytes.starts_with("HTTP/1.1 200 OK\r\n"));
  EXPECT_NE(bytes.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("Connection: close\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("X-Content-Type-Options: nosniff\r\n"), std::string::npos);
  EXPECT_EQ(bytes.find("\r\nSet-Cookie"), std::string::npos);
  EXPECT_TRUE(bytes.ends_with("\r\n\r\nhello"));
  request.method = "HEAD";
  Response head;
  head.set_content("hello", "text/plain");
  EXPECT_TRUE(serialize_response(setup, request, head, KeepAlive::kYes).ends_with("\r\n\r\n"));
}

}  // namespace
}  // namespace zhizao::http
