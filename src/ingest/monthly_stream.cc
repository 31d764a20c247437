#include "ingest/monthly_stream.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <thread>
#include <utility>

#include "base/text.h"
#include "ingest/csv_reader.h"
#include "ingest/encoding.h"
#include "ingest/file_kind.h"
#include "ingest/record_split.h"

namespace zhizao::detail {
namespace {

// The bytes read at a time while deciding the encoding.
constexpr std::size_t kDecodeBlockBytes = std::size_t{16} << 20;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Where `bytes` (a block of a file that goes on after it) may be cut so that no UTF-8 sequence
// and, when one is there, no line is split: after its last line feed, else before its last byte
// that is not a continuation byte.
std::size_t utf8_cut(std::string_view bytes) {
  std::size_t line_feed = bytes.rfind('\n');
  if (line_feed != std::string_view::npos) return line_feed + 1;
  for (std::size_t i = bytes.size(); i-- > 0;) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) return i == 0 ? bytes.size() : i;
  }
  return bytes.size();
}

// Whether a line starting at `start` of `text` is blank (LF or CRLF alone), which CsvReader skips.
bool blank_line_at(std::string_view text, std::size_t start) {
  return text[start] == '\n' ||
         (text[start] == '\r' && start + 1 < text.size() && text[start + 1] == '\n');
}

// The last offset in (0, cut] just after a line feed whose line is not blank, so that a reader
// skipping blank lines before it reads the record there (cut < text.size()).
std::optional<std::size_t> last_record_line_start(std::string_view text, std::size_t cut) {
  for (std::size_t end = cut; end > 0;) {
    const void* found = memrchr(text.data(), '\n', end);
    if (found == nullptr) return std::nullopt;
    const std::size_t start =
        static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) + 1;
    if (!blank_line_at(text, start)) return start;
    end = start - 1;
  }
  return std::nullopt;
}

// The blank lines at the start of `text` that start before `cut`: their bytes and count. A CRLF
// line that starts at cut - 1 is taken whole (the window holds a record's reach past `cut`).
std::pair<std::size_t, long> blank_lines_before(std::string_view text, std::size_t cut) {
  std::size_t at = 0;
  long lines = 0;
  while (at < cut && blank_line_at(text, at)) {
    at += text[at] == '\r' ? 2 : 1;
    ++lines;
  }
  return {at, lines};
}

// How far past a record's start its reader may look: its window of max_record_bytes + 2 bytes
// (CsvReader's bounded_end), and two bytes beyond, where a closing quote's CRLF is told from
// another character; and the text must go on past the window for the reader to say "a record of
// more than N bytes" rather than "unterminated quoted field" (csv_reader.cc, read_quoted).
std::uint64_t record_reach(const ImportOptions& options) {
  return std::uint64_t{options.limits.max_record_bytes} + 4;
}

// Empties `part` but keeps the room of its monthly records and lines: a national file's parts of
// a million records were otherwise mapped and faulted in afresh each time (perf: 2.4 GB of fresh
// pages at 500,000 enterprises, most of it the second reader's half).
void empty_keeping_room(ParsedFile& part) {
  std::vector<MonthlyRecord> rows = std::move(part.rows.monthly);
  std::vector<long> lines = std::move(part.lines);
  rows.clear();
  lines.clear();
  part = ParsedFile{};
  part.rows.monthly = std::move(rows);
  part.lines = std::move(lines);
}

}  // namespace

MonthlyFileStream::MonthlyFileStream(const ImportOptions& options, RegularFile file)
    : options_(options), file_(std::move(file)) {}

Result<std::unique_ptr<MonthlyFileStream>> MonthlyFileStream::open(const std::string& path,
                                                                   const ImportOptions& options) {
  Result<RegularFile> file = RegularFile::open(path, options.limits.max_file_bytes);
  if (!file) return fail(file.error());
  std::unique_ptr<MonthlyFileStream> stream(new MonthlyFileStream(options, *std::move(file)));
  ParsedFile& head = stream->head_;
  head.name = path;
  head.kind = kind_from_file_name(path);
  if (Status s = stream->decode(); !s.is_ok()) return fail(s);
  if (stream->done_) return stream;
  if (Status s = stream->fill(record_reach(options)); !s.is_ok()) return fail(s);
  std::string_view text = stream->window();
  CsvReader reader(text, csv_limits_of(options));
  if (!parse_header(reader, head)) {
    stream->done_ = true;
    return stream;
  }
  stream->header_ = head.findings.errors.empty() ? HeaderValidity::kValid : HeaderValidity::kBroken;
  stream->line_ += static_cast<long>(count_byte(text.substr(0, reader.position()), '\n'));
  stream->position_ = reader.position();
  if (stream->position_ >= stream->text_size_) stream->done_ = true;
  return stream;
}

Status MonthlyFileStream::decode() {
  const std::optional<Encoding> forced = options_.encoding;
  const std::uint64_t size = file_.size();
  std::string block;
  bool valid = forced != Encoding::kGb18030;
  long lines_before = 0;
  for (std::uint64_t offset = 0; valid && offset < size;) {
    block.resize(
        static_cast<std::size_t>(std::min<std::uint64_t>(kDecodeBlockBytes, size - offset)));
    Result<std::size_t> read = file_.read_at(offset, block);
    if (!read) return read.error();
    if (*read == 0) break;
    std::string_view bytes(block.data(), *read);
    std::string_view part = offset + *read < size ? bytes.substr(0, utf8_cut(bytes)) : bytes;
    if (!is_valid_utf8(part)) {
      valid = false;
      if (forced == Encoding::kUtf8) {
        head_.findings.errors.push_back(
            {lines_before + first_invalid_utf8_line(part), "(encoding)", std::string(kNotUtf8)});
        done_ = true;
        return Status::ok();
      }
      break;
    }
    lines_before += static_cast<long>(count_byte(part, '\n'));
    offset += part.size();
  }
  if (valid) {
    char start[3] = {};
    Result<std::size_t> read = file_.read_at(0, start);
    if (!read) return read.error();
    text_begin_ = std::string_view(start, *read) == kUtf8Bom ? kUtf8Bom.size() : 0;
    text_size_ = size - text_begin_;
    return Status::ok();
  }
  // GB18030, converted block by block; a character cut by a block's end waits for the next
  // block, so a block never grows to hold a long line.
  Result<SpillFile> spill = SpillFile::create(options_.spill_dir);
  if (!spill) return spill.error();
  auto converter = Gb18030Converter::open(forced ? kNotGb18030 : kNeitherEncoding);
  if (!converter) {
    head_.findings.errors.push_back(std::move(converter.error()));
    done_ = true;
    return Status::ok();
  }
  std::string converted;
  for (std::uint64_t offset = 0; offset < size;) {
    block.resize(
        static_cast<std::size_t>(std::min<std::uint64_t>(kDecodeBlockBytes, size - offset)));
    Result<std::size_t> read = file_.read_at(offset, block);
    if (!read) return read.error();
    if (*read == 0) break;
    offset += *read;
    converted.clear();
    auto done =
        converter->convert(std::string_view(block.data(), *read), TextEnd::kMore, converted);
    if (!done) {
      head_.findings.errors.push_back(std::move(done.error()));
      done_ = true;
      return Status::ok();
    }
    // A GB18030 byte order mark (84 31 95 33) decodes to U+FEFF.
    std::string_view text = converted;
    if (offset == *read && text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
    ZHIZAO_RETURN_IF_ERROR(spill->append(text));
  }
  // The text's end, also when the file ended before its size: a character cut there is an error.
  converted.clear();
  if (auto done = converter->convert({}, TextEnd::kLast, converted); !done) {
    head_.findings.errors.push_back(std::move(done.error()));
    done_ = true;
    return Status::ok();
  }
  converted_.emplace(*std::move(spill));
  text_begin_ = 0;
  text_size_ = converted_->size();
  return Status::ok();
}

Result<std::size_t> MonthlyFileStream::read_text(std::uint64_t offset, std::span<char> out) const {
  if (converted_) return converted_->read_at(offset, out);
  return file_.read_at(text_begin_ + offset, out);
}

std::string_view MonthlyFileStream::window() const {
  return std::string_view(buffer_).substr(static_cast<std::size_t>(position_ - buffer_start_));
}

Status MonthlyFileStream::fill(std::uint64_t bytes) {
  const std::uint64_t want_end = std::min(text_size_, position_ + bytes);
  const std::uint64_t have_end = buffer_start_ + buffer_.size();
  if (buffer_start_ <= position_ && have_end >= want_end) return Status::ok();
  if (position_ >= buffer_start_ && position_ <= have_end) {
    buffer_.erase(0, static_cast<std::size_t>(position_ - buffer_start_));
  } else {
    buffer_.clear();
  }
  buffer_start_ = position_;
  const std::size_t have = buffer_.size();
  buffer_.resize(static_cast<std::size_t>(want_end - position_));
  Result<std::size_t> read = read_text(position_ + have, std::span<char>(buffer_).subspan(have));
  if (!read) return read.error();
  buffer_.resize(have + *read);
  if (buffer_start_ + buffer_.size() < want_end) text_size_ = buffer_start_ + buffer_.size();
  return Status::ok();
}

std::size_t MonthlyFileStream::parse_part(std::string_view text, std::size_t stop,
                                          ParsedFile& part) {
  CsvReader reader(text, line_, csv_limits_of(options_));
  // Two readers, each on a half, as parse_file parses a large text (record_split.h): the second
  // half's results are kept only when the first reader ends exactly where the second began.
  std::optional<std::size_t> split = std::thread::hardware_concurrency() > 1
                                         ? find_split_point(text.substr(0, stop), 0)
                                         : std::nullopt;
  if (!split) {
    read_on_ = parse_records_before(reader, stop, header_, options_, part);
    return reader.position();
  }
  ParsedFile& later = later_;
  empty_keeping_room(later);
  later.kind = part.kind;
  later.header = part.header;
  const std::size_t later_most = most_kept_records(text.substr(*split, stop - *split));
  later.rows.monthly.reserve(later_most);
  later.lines.reserve(later_most);
  const long split_line = line_ + static_cast<long>(count_byte(text.substr(0, *split), '\n'));
  CsvReader later_reader(text.substr(*split), split_line, csv_limits_of(options_));
  bool later_read_on = true;
  {
    std::jthread second([&] {
      later_read_on = parse_records_before(later_reader, stop - *split, header_, options_, later);
    });
    read_on_ = parse_records_before(reader, *split, header_, options_, part);
  }
  if (!read_on_) return reader.position();  // one reader would have stopped here too
  if (reader.position() == *split) {
    append_parsed(part, std::move(later));
    read_on_ = later_read_on;
    return *split + later_reader.position();
  }
  read_on_ = parse_records_before(reader, stop, header_, options_, part);
  return reader.position();
}

Result<bool> MonthlyFileStream::next_part(ParsedFile& part) {
  empty_keeping_room(part);
  if (done_) return false;
  part.name = head_.name;
  part.kind = head_.kind;
  part.header = head_.header;
  const std::uint64_t chunk = std::max<std::uint64_t>(1, options_.monthly_chunk_bytes);
  const std::uint64_t bound = record_reach(options_);
  std::size_t stop = 0;
  std::string_view text;
  // The window never holds more than chunk + bound bytes: the part ends at the last record that
  // starts by `chunk`, and blank lines are passed over here, so neither a run of blank lines nor
  // one long line makes it grow.
  while (true) {
    if (Status s = fill(chunk + bound); !s.is_ok()) return fail(s);
    text = window();
    if (text.empty()) {
      done_ = true;
      return false;
    }
    const bool at_end = position_ + text.size() >= text_size_;
    if (at_end && text.size() <= chunk) {
      stop = text.size();
      break;
    }
    // Records that start before `stop` have their whole bound inside `text`, so the reader
    // reads them as it would read them in the whole file.
    const std::size_t limit = at_end ? text.size() : text.size() - static_cast<std::size_t>(bound);
    const std::size_t cut = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, limit));
    if (std::optional<std::size_t> found = last_record_line_start(text, cut)) {
      stop = *found;
      break;
    }
    if (at_end) {
      stop = text.size();
      break;
    }
    // No record starts in (0, cut]: the window starts with blank lines (passed over here), or with
    // one record (or a line longer than its bound, which the reader refuses) followed by blank
    // lines; only then is the part that one record.
    const auto [blank_bytes, blank_lines] = blank_lines_before(text, cut);
    if (blank_bytes == 0) {
      stop = 1;  // just the record at the window's start
      break;
    }
    position_ += blank_bytes;
    line_ += blank_lines;
  }
  // Room for as many records as the part can hold (an upper bound), so that the vectors do not
  // grow by doubling, moving every record each time.
  const std::size_t most = most_kept_records(text.substr(0, stop));
  part.rows.monthly.reserve(most);
  part.lines.reserve(most);
  const std::size_t consumed = parse_part(text, stop, part);
  head_.records += part.records;
  line_ += static_cast<long>(count_byte(text.substr(0, consumed), '\n'));
  position_ += consumed;
  if (!read_on_ || position_ >= text_size_) {
    done_ = true;
    later_ = ParsedFile{};  // its room is not needed any more
  }
  return true;
}

}  // namespace zhizao::detail
