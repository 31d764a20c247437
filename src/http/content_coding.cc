#include "http/content_coding.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <charconv>

namespace zhizao::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool lowered_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// The q-value of one Accept-Encoding member ("gzip;q=0.5" → 0.5; absent → 1).
double quality(std::string_view parameters) {
  size_t q = parameters.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string_view digits = trim(parameters.substr(q + 2));
  double value = 1.0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

ContentCoding choose_coding(std::string_view accept_encoding, OfferBrotli offer_brotli) {
  double brotli = -1, gzip = -1, any = -1;
  while (!accept_encoding.empty()) {
    size_t comma = accept_encoding.find(',');
    std::string_view member = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    size_t semicolon = member.find(';');
    std::string_view token = trim(member.substr(0, semicolon));
    double q = semicolon == std::string_view::npos ? 1.0 : quality(member.substr(semicolon + 1));
    if (lowered_equals(token, "br")) brotli = q;
    if (lowered_equals(token, "gzip") || lowered_equals(token, "x-gzip")) gzip = q;
    if (token == "*") any = q;
  }
  if (brotli < 0) brotli = any;
  if (gzip < 0) gzip = any;
  if (offer_brotli == OfferBrotli::kYes && brotli > 0 && brotli >= gzip) {
    return ContentCoding::kBrotli;
  }
  if (gzip > 0) return ContentCoding::kGzip;
  if (offer_brotli == OfferBrotli::kYes && brotli > 0) return ContentCoding::kBrotli;
  return ContentCoding::kIdentity;
}

std::string_view coding_token(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::kGzip:
      return "gzip";
    case ContentCoding::kBrotli:
      return "br";
    case ContentCoding::kIdentity:
      break;
  }
  return "";
}

bool is_compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("application/javascript") ||
         content_type.starts_with("text/javascript") || content_type.starts_with("image/svg+xml");
}

std::optional<std::string> encode(std::string_view body, ContentCoding coding, int level) {
  if (coding == ContentCoding::kBrotli) {
    size_t size = BrotliEncoderMaxCompressedSize(body.size());
    if (size == 0) return std::nullopt;
    std::string out(size, '\0');
    if (!BrotliEncoderCompress(level, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, body.size(),
                               reinterpret_cast<const uint8_t*>(body.data()), &size,
                               reinterpret_cast<uint8_t*>(out.data()))) {
      return std::nullopt;
    }
    out.resize(size);
    return out;
  }
  if (coding == ContentCoding::kGzip) {
    z_stream stream{};
    // 16 + 15: a gzip wrapper (RFC 1952) around a 32 KiB-window deflate stream.
    if (deflateInit2(&stream, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      return std::nullopt;
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(body.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) return std::nullopt;
    return out;
  }
  return std::string(body);
}

}  // namespace zhizao::http
