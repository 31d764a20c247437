#include "ingest/encoding.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <utility>

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

// glibc's iconv. GB18030 bytes never use 0x0A inside a multi-byte character, so the line of a
// failing byte is that of the input.
tl::expected<std::string, Finding> convert_gb18030(std::string_view bytes,
                                                   std::string_view failure) {
  auto converter = Gb18030Converter::open(failure);
  if (!converter) return tl::unexpected(std::move(converter.error()));
  std::string out;
  if (auto done = converter->convert(bytes, TextEnd::kLast, out); !done) {
    return tl::unexpected(std::move(done.error()));
  }
  return out;
}

tl::expected<Gb18030Converter, Finding> Gb18030Converter::open(std::string_view failure) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return tl::unexpected(Finding{1, std::string(kEncodingColumn), "iconv has no GB18030"});
  }
  return Gb18030Converter(cd, failure);
}

Gb18030Converter::Gb18030Converter(Gb18030Converter&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, nullptr)),
      failure_(other.failure_),
      carried_(std::move(other.carried_)),
      lines_before_(other.lines_before_) {}

Gb18030Converter::~Gb18030Converter() {
  if (descriptor_ != nullptr) iconv_close(static_cast<iconv_t>(descriptor_));
}

tl::expected<void, Finding> Gb18030Converter::convert(std::string_view block, TextEnd end,
                                                      std::string& out) {
  // The carried bytes (at most 3) go before the block; only then is the block copied.
  std::string joined;
  std::string_view bytes = block;
  if (!carried_.empty()) {
    joined = carried_ + std::string(block);
    bytes = joined;
  }
  auto* cd = static_cast<iconv_t>(descriptor_);
  std::size_t out_used = out.size();
  out.resize(out_used + bytes.size() + bytes.size() / 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* out_ptr = out.data() + out_used;
    std::size_t out_left = out.size() - out_used;
    std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out_used = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (errno == EINVAL && end == TextEnd::kMore) break;  // a character cut by the block's end
    std::size_t offset = bytes.size() - in_left;
    return tl::unexpected(Finding{
        lines_before_ + line_of_offset(bytes, offset), std::string(kEncodingColumn),
        fmt::format("{} (byte 0x{:02X})", failure_, static_cast<unsigned char>(bytes[offset]))});
  }
  out.resize(out_used);
  const std::size_t taken = bytes.size() - in_left;
  lines_before_ += line_of_offset(bytes, taken) - 1;
  carried_ = std::string(bytes.substr(taken));
  return {};
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
