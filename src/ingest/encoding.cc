#include "ingest/encoding.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

#include "base/text.h"

namespace zhizao::detail {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kEncodingColumn = "(encoding)";

long line_of_offset(std::string_view bytes, size_t offset) {
  return 1 + std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n');
}

}  // namespace

// The first line that is not valid UTF-8. Line feeds never occur inside a UTF-8 sequence, so
// checking line by line finds it.
std::string_view strip_utf8_bom(std::string_view text) {
  return text.starts_with(kUtf8Bom) ? text.substr(kUtf8Bom.size()) : text;
}

long first_invalid_utf8_line(std::string_view text) {
  long line = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!is_valid_utf8(text.substr(start, end - start))) return line;
    start = end + 1;
    ++line;
  }
  return line;
}

// glibc's iconv. GB18030 bytes never use 0x0A inside a
// multi-byte character, so the line of a failing byte is that of the input.
tl::expected<std::string, Finding> convert_gb18030(std::string_view bytes,
                                                   std::string_view failure) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return tl::unexpected(Finding{1, std::string(kEncodingColumn), "iconv has no GB18030"});
  }
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t out_used = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + out_used;
    size_t out_left = out.size() - out_used;
    size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out_used = out.size() - out_left;
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    iconv_close(cd);
    size_t offset = bytes.size() - in_left;
    return tl::unexpected(Finding{
        line_of_offset(bytes, offset), std::string(kEncodingColumn),
        fmt::format("{} (byte 0x{:02X})", failure, static_cast<unsigned char>(bytes[offset]))});
  }
  iconv_close(cd);
  out.resize(out_used);
  return out;
}

tl::expected<DecodedText, Finding> decode_to_utf8(std::string_view bytes,
                                                  std::optional<Encoding> forced) {
  if (forced == Encoding::kUtf8 || (!forced && is_valid_utf8(bytes))) {
    if (forced && !is_valid_utf8(bytes)) {
      return tl::unexpected(Finding{first_invalid_utf8_line(bytes), std::string(kEncodingColumn),
                                    std::string(kNotUtf8)});
    }
    return DecodedText{false, {}, strip_utf8_bom(bytes)};
  }
  auto converted = convert_gb18030(bytes, forced ? kNotGb18030 : kNeitherEncoding);
  if (!converted) return tl::unexpected(std::move(converted.error()));
  // A GB18030 byte order mark (84 31 95 33) decodes to U+FEFF.
  if (std::string_view(*converted).starts_with(kUtf8Bom)) converted->erase(0, kUtf8Bom.size());
  return DecodedText{true, *std::move(converted), {}};
}

}  // namespace zhizao::detail
