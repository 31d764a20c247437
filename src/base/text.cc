#include "base/text.h"

#include <cstdint>
#include <cstring>

namespace zhizao {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Decodes one UTF-8 sequence at `text[*pos]`; returns the code point or -1 if malformed.
int32_t decode_one(std::string_view text, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t lead = byte(*pos);
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || *pos + static_cast<size_t>(length) > text.size()) return -1;
  int32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    uint8_t next = byte(*pos + static_cast<size_t>(i));
    if ((next & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (next & 0x3F);
  }
  static constexpr int32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *pos += static_cast<size_t>(length);
  return cp;
}

// East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones that occur in reports.
bool is_wide(int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::string_view trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

size_t count_byte(std::string_view text, char byte) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const uint64_t pattern = 0x0101010101010101ULL * static_cast<unsigned char>(byte);
  size_t count = 0;
  size_t pos = 0;
  for (; pos + sizeof(uint64_t) <= text.size(); pos += sizeof(uint64_t)) {
    uint64_t eight = 0;
    std::memcpy(&eight, text.data() + pos, sizeof eight);
    uint64_t equal_is_zero = eight ^ pattern;
    // The high bit of each byte of `zero_bytes` is set exactly when that byte of equal_is_zero
    // is zero (no carries cross bytes: each lane adds at most 0x7F + 0x7F).
    uint64_t zero_bytes = ~(((equal_is_zero & kLow7) + kLow7) | equal_is_zero | kLow7);
    // One bit per byte, at bit 7 of each: summed by one multiply into the top byte (std::popcount
    // compiled to a libgcc call without -mpopcnt, slower than the byte loop it replaced).
    count += static_cast<size_t>(((zero_bytes >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; pos < text.size(); ++pos) count += text[pos] == byte ? 1 : 0;
  return count;
}

bool is_valid_utf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Eight ASCII bytes at a time: a national monthly file (1.7 GB) is almost all ASCII, and
    // decoding it byte by byte cost 4 s of the import.
    while (pos + sizeof(uint64_t) <= text.size()) {
      uint64_t eight = 0;
      std::memcpy(&eight, text.data() + pos, sizeof eight);
      if ((eight & 0x8080808080808080ULL) != 0) break;
      pos += sizeof eight;
    }
    if (pos == text.size()) break;
    if (decode_one(text, &pos) < 0) return false;
  }
  return true;
}

int display_width(std::string_view text) {
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    int32_t cp = decode_one(text, &pos);
    if (cp < 0) {
      ++pos;
      ++width;
      continue;
    }
    width += is_wide(cp) ? 2 : 1;
  }
  return width;
}

std::string pad_to_width(std::string_view text, int width, Align align) {
  int missing = width - display_width(text);
  std::string padding(missing > 0 ? static_cast<size_t>(missing) : 0, ' ');
  return align == Align::kLeft ? std::string(text) + padding : padding + std::string(text);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string shorten_for_message(std::string_view text, size_t max_chars) {
  // Characters are counted as UTF-8 lead bytes: a continuation byte is 10xxxxxx.
  size_t characters = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;
    if (characters == max_chars) {
      return std::string(text.substr(0, pos)) + "…(" + std::to_string(text.size()) + " bytes)";
    }
    ++characters;
  }
  return std::string(text);
}

}  // namespace zhizao
