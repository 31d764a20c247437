// Decoding of input files to UTF-8: UTF-8 with or without BOM when the bytes are valid UTF-8,
// otherwise GB18030 (a superset of GBK, what Excel and WPS write on a Chinese system).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ingest/finding.h"
#include "ingest/importer.h"
#include "tl/expected.hpp"

namespace zhizao::detail {

// UTF-8 text without a byte order mark: a view of the input when it needed no conversion (no
// copy of a large file), else the converted text it owns.
struct DecodedText {
  bool is_converted = false;
  std::string converted;      // when is_converted
  std::string_view borrowed;  // otherwise: a view of the input

  std::string_view text() const { return is_converted ? std::string_view(converted) : borrowed; }
};

// Returns `bytes` as UTF-8 text without a byte order mark, decoding them as `forced` or, when
// absent, as detected. The result may view `bytes`, which must outlive it. Errors: a Finding at
// the physical line of the first byte that cannot be decoded (column "(encoding)").
// Thread-safe.
tl::expected<DecodedText, Finding> decode_to_utf8(std::string_view bytes,
                                                  std::optional<Encoding> forced);

// Converts `bytes` from GB18030 to UTF-8 (a byte order mark is kept). Errors: a Finding at the
// physical line (of `bytes`) of the first byte that cannot be decoded, column "(encoding)",
// reason `failure` and the byte. Thread-safe.
tl::expected<std::string, Finding> convert_gb18030(std::string_view bytes,
                                                   std::string_view failure);

// Whether more of a text follows the block given to Gb18030Converter::convert.
enum class TextEnd { kMore, kLast };

// GB18030 converted to UTF-8 a block at a time, so that a streamed file (monthly_stream.h) is
// never held whole and no block has to grow to hold a long line: a character cut by a block's end
// is carried into the next block (glibc iconv's EINVAL for an incomplete sequence). The blocks
// joined give the output of convert_gb18030 over the whole text, and its Finding (the line
// counted in the whole text). Move-only; not thread-safe.
class Gb18030Converter {
 public:
  // Errors: a Finding on line 1 when iconv has no GB18030.
  static tl::expected<Gb18030Converter, Finding> open(std::string_view failure);
  Gb18030Converter(Gb18030Converter&& other) noexcept;
  Gb18030Converter& operator=(Gb18030Converter&&) = delete;
  Gb18030Converter(const Gb18030Converter&) = delete;
  Gb18030Converter& operator=(const Gb18030Converter&) = delete;
  ~Gb18030Converter();

  // Appends the UTF-8 of `block`, the text's next bytes, to `out`; at most 3 bytes of a character
  // cut at the block's end wait for the next call. With TextEnd::kLast a cut character is an
  // error. Errors: as convert_gb18030's; after one, the converter must not be used again.
  tl::expected<void, Finding> convert(std::string_view block, TextEnd end, std::string& out);

 private:
  Gb18030Converter(void* descriptor, std::string_view failure)
      : descriptor_(descriptor), failure_(failure) {}

  void* descriptor_;          // iconv_t
  std::string_view failure_;  // the reason of a Finding
  std::string carried_;       // the start of a character cut by the last block's end
  long lines_before_ = 0;     // line feeds in the text before carried_
};

// The 1-based line of `text` on which its first byte that is not valid UTF-8 lies (the line
// after the last when all are valid). Thread-safe.
long first_invalid_utf8_line(std::string_view text);

// `text` without a leading UTF-8 byte order mark (EF BB BF), if it has one.
std::string_view strip_utf8_bom(std::string_view text);

// The reasons decode_to_utf8 gives when the bytes do not decode: forced to UTF-8, forced to
// GB18030, detected.
inline constexpr std::string_view kNotUtf8 = "not valid UTF-8";
inline constexpr std::string_view kNotGb18030 = "not valid GB18030";
inline constexpr std::string_view kNeitherEncoding = "neither valid UTF-8 nor GB18030";

}  // namespace zhizao::detail
