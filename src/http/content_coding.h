// Content codings of answers (RFC 9110 §8.4.1): which one a client accepts (Accept-Encoding,
// §12.5.3) and encoding a body with it (gzip with zlib, RFC 1952; br with Debian's libbrotli,
// RFC 7932). Requests may not carry a content coding: the server refuses them (415) rather than
// inflate a body past its limit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zhizao::http {

enum class ContentCoding { kIdentity, kGzip, kBrotli };

// Dynamic answers (the transport's, and the server's kept answers) are compressed from this size
// on: below it the coding's header and trailer outweigh the gain.
inline constexpr std::size_t kMinCompressedAnswerBytes = 1024;
// Their gzip level: fast, and most of the gain on JSON. Static files use their own (9, made once).
inline constexpr int kAnswerGzipLevel = 5;

// The best coding `accept_encoding` allows among those `offered` (br before gzip); kIdentity
// when none. A coding with q=0 is refused; '*' stands for any coding not named.
enum class OfferBrotli { kNo, kYes };
ContentCoding choose_coding(std::string_view accept_encoding, OfferBrotli offer_brotli);

// The token for Content-Encoding ("gzip", "br"); "" for identity.
std::string_view coding_token(ContentCoding coding);

// True for media types worth compressing (text, JSON, JavaScript, SVG).
bool is_compressible(std::string_view content_type);

// `body` encoded with `coding` at `level` (gzip 1-9, br 0-11); std::nullopt when the library
// fails (the caller then sends identity).
std::optional<std::string> encode(std::string_view body, ContentCoding coding, int level);

}  // namespace zhizao::http
