// Small UTF-8 text helpers shared by every module. All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhizao {

// Returns `text` without leading and trailing ASCII whitespace (space, tab, CR, LF).
std::string_view trim(std::string_view text);

// Splits `text` at every `separator`; an empty text gives one empty field.
std::vector<std::string_view> split(std::string_view text, char separator);

// Returns how many bytes of `text` equal `byte`. Eight bytes at a time: the import counts the
// line feeds and quotes of a national file (1.7 GB) to size its vectors and split its parsing,
// and std::count went a byte at a time (1.2 GB/s).
size_t count_byte(std::string_view text, char byte);

// True if `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Returns the number of terminal columns `text` occupies: CJK and full-width characters count
// two, others one. Used to align tables that mix Chinese and digits.
int display_width(std::string_view text);

// Pads `text` with spaces to `width` display columns, on the right (kLeft) or left (kRight).
enum class Align { kLeft, kRight };
std::string pad_to_width(std::string_view text, int width, Align align);

// Returns `text` with ASCII letters lower-cased.
std::string ascii_lower(std::string_view text);

// How many characters of an input value a message quotes (docs/security.md, "Bounds on input").
inline constexpr size_t kMessageValueChars = 60;

// Returns `text` as an error message may quote it: whole when it has at most `max_chars`
// characters, else its first `max_chars` characters followed by "…(N bytes)", N being the size
// of the whole text, so that a 100 MB field gives a readable line. Never cuts a UTF-8 sequence.
std::string shorten_for_message(std::string_view text, size_t max_chars = kMessageValueChars);

}  // namespace zhizao
