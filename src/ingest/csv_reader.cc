#include "ingest/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace zhizao::detail {

bool CsvReader::at_line_end(size_t pos) const {
  if (pos >= text_.size()) return true;
  if (text_[pos] == '\n') return true;
  return text_[pos] == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n';
}

Status CsvReader::read_quoted(std::vector<FieldSpan>& spans) {
  ++pos_;  // the opening quote
  size_t segment = pos_;
  bool unescaped = false;
  size_t scratch_start = scratch_.size();
  while (true) {
    const char* found =
        static_cast<const char*>(std::memchr(text_.data() + pos_, '"', text_.size() - pos_));
    size_t quote = found == nullptr ? text_.size() : static_cast<size_t>(found - text_.data());
    line_ += std::count(text_.begin() + static_cast<long>(pos_),
                        text_.begin() + static_cast<long>(quote), '\n');
    if (found == nullptr) {
      pos_ = text_.size();
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
    if (unescaped) {
      scratch_.append(text_.substr(segment, quote - segment));
      spans.push_back({true, scratch_start, scratch_.size() - scratch_start});
    } else {
      spans.push_back({false, segment, quote - segment});
    }
    return Status::ok();
  }
}

void CsvReader::read_unquoted(std::vector<FieldSpan>& spans) {
  size_t start = pos_;
  while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
  size_t end = pos_;
  if (end > start && pos_ < text_.size() && text_[pos_] == '\n' && text_[end - 1] == '\r') --end;
  spans.push_back({false, start, end - start});
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
  Status status;
  while (true) {
    if (text_[pos_] == '"') {
      status = read_quoted(spans_);
      if (!status.is_ok()) break;
    } else {
      read_unquoted(spans_);
    }
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
