#include "ingest/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace zhizao::detail {
namespace {

// `from + bound + slack`, or `size` when that is nearer (without overflowing for a huge bound).
size_t bounded_end(size_t from, size_t bound, size_t slack, size_t size) {
  return size - from <= bound || size - from - bound <= slack ? size : from + bound + slack;
}

}  // namespace

bool CsvReader::at_line_end(size_t pos) const {
  if (pos >= text_.size()) return true;
  if (text_[pos] == '\n') return true;
  return text_[pos] == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n';
}

Status CsvReader::check_record(size_t field_end) const {
  if (field_end - record_start_ <= limits_.max_record_bytes) return Status::ok();
  return Status::invalid_data(
      fmt::format("a record of more than {} bytes", limits_.max_record_bytes));
}

Status CsvReader::read_quoted(std::vector<FieldSpan>& spans) {
  ++pos_;  // the opening quote
  size_t segment = pos_;
  bool unescaped = false;
  size_t scratch_start = scratch_.size();
  while (true) {
    // The closing quote is looked for within the record's bound only: an unterminated quote
    // at the start of a large file must not make the reader go through all of it.
    const char* found =
        pos_ >= window_end_
            ? nullptr
            : static_cast<const char*>(std::memchr(text_.data() + pos_, '"', window_end_ - pos_));
    // A doubled quote that ends at the window's end leaves pos_ one past it: never count
    // backwards from there (fuzz/regressions/csv_reader_fuzzer/doubled_quote_at_window_end).
    size_t quote =
        found == nullptr ? std::max(window_end_, pos_) : static_cast<size_t>(found - text_.data());
    line_ += std::count(text_.begin() + static_cast<long>(pos_),
                        text_.begin() + static_cast<long>(quote), '\n');
    if (found == nullptr) {
      pos_ = quote;
      if (window_end_ < text_.size()) {
        return Status::invalid_data(fmt::format(
            "a record of more than {} bytes (in a quoted field: is a closing quote missing?)",
            limits_.max_record_bytes));
      }
      return Status::invalid_data("unterminated quoted field");
    }
    if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
      // RFC 4180: a doubled quote inside a quoted field stands for one quote.
      scratch_.append(text_.substr(segment, quote + 1 - segment));
      unescaped = true;
      pos_ = quote + 2;
      segment = pos_;
      continue;
    }
    pos_ = quote + 1;
    // The broken field is left out, so that its index is record.fields.size() (see next()).
    if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end(pos_)) {
      return Status::invalid_data("unexpected character after a closing quote");
    }
    if (unescaped) scratch_.append(text_.substr(segment, quote - segment));
    size_t size = unescaped ? scratch_.size() - scratch_start : quote - segment;
    if (size > limits_.max_field_bytes) {
      return Status::invalid_data(
          fmt::format("a field of more than {} bytes", limits_.max_field_bytes));
    }
    ZHIZAO_RETURN_IF_ERROR(check_record(pos_));
    spans.push_back(unescaped ? FieldSpan{true, scratch_start, size}
                              : FieldSpan{false, segment, size});
    return Status::ok();
  }
}

Status CsvReader::read_unquoted(std::vector<FieldSpan>& spans) {
  size_t start = pos_;
  // Two bytes past the field's bound: enough to tell a field of exactly the bound before a CRLF.
  size_t limit =
      std::min(window_end_, bounded_end(start, limits_.max_field_bytes, 2, text_.size()));
  while (pos_ < limit && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
  size_t end = pos_;
  if (end > start && pos_ < text_.size() && text_[pos_] == '\n' && text_[end - 1] == '\r') --end;
  if (end - start > limits_.max_field_bytes) {
    return Status::invalid_data(
        fmt::format("a field of more than {} bytes", limits_.max_field_bytes));
  }
  ZHIZAO_RETURN_IF_ERROR(check_record(end));
  spans.push_back({false, start, end - start});
  return Status::ok();
}

bool CsvReader::read_plain_record(CsvRecord& record) {
  const char* begin = text_.data() + pos_;
  const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', window_end_ - pos_));
  if (newline == nullptr) return false;  // the text's last line, or a record past its bound
  const auto line_size = static_cast<size_t>(newline - begin);
  // As read_unquoted: a CR right before the LF ends the record's last field.
  size_t size = line_size;
  if (size > 0 && begin[size - 1] == '\r') --size;
  if (size > limits_.max_record_bytes || std::memchr(begin, '"', size) != nullptr) return false;
  size_t start = 0;
  while (true) {
    const auto* comma = static_cast<const char*>(std::memchr(begin + start, ',', size - start));
    const size_t end = comma == nullptr ? size : static_cast<size_t>(comma - begin);
    if (end - start > limits_.max_field_bytes) {
      record.fields.clear();
      return false;
    }
    record.fields.emplace_back(begin + start, end - start);
    if (comma == nullptr) break;
    start = end + 1;
  }
  pos_ += line_size + 1;
  ++line_;
  return true;
}

Result<bool> CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  if (failed_) return false;
  scratch_.clear();
  spans_.clear();
  // Blank lines (LF or CRLF alone) carry no record.
  while (pos_ < text_.size() && at_line_end(pos_)) {
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  record_start_ = pos_;
  window_end_ = bounded_end(pos_, limits_.max_record_bytes, 2, text_.size());
  if (read_plain_record(record)) return true;
  Status status;
  while (true) {
    status = text_[pos_] == '"' ? read_quoted(spans_) : read_unquoted(spans_);
    if (!status.is_ok()) break;
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      if (pos_ >= text_.size()) {
        spans_.push_back({false, pos_, 0});
        break;
      }
      continue;
    }
    if (pos_ < text_.size()) {  // CRLF or LF
      pos_ += text_[pos_] == '\r' ? 2 : 1;
      ++line_;
    }
    break;
  }
  record.fields.reserve(spans_.size());
  for (const FieldSpan& span : spans_) {
    std::string_view base = span.in_scratch ? std::string_view(scratch_) : text_;
    record.fields.push_back(base.substr(span.offset, span.size));
  }
  if (!status.is_ok()) {
    failed_ = true;
    return fail(status);
  }
  return true;
}

}  // namespace zhizao::detail
