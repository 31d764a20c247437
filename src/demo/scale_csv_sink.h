// A CSV file written through one large buffer: fields are formatted with fmt into memory and the
// buffer goes to the file in megabyte writes, so that tens of millions of rows take seconds.
// Internal to the demo module.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/status.h"

namespace zhizao::detail {

class CsvSink {
 public:
  CsvSink() = default;
  ~CsvSink();
  CsvSink(const CsvSink&) = delete;
  CsvSink& operator=(const CsvSink&) = delete;

  // Creates (truncates) the file. Errors: kIoError naming the path.
  Status open(const std::string& path);

  // Appends raw text (a field or a separator); the caller quotes when needed.
  void text(std::string_view s) { buffer_.append(s.data(), s.data() + s.size()); }
  void ch(char c) { buffer_.push_back(c); }
  void integer(int64_t value) { fmt::format_to(fmt::appender(buffer_), "{}", value); }
  // A non-negative amount given in tenths, as "123.4".
  void tenths(int64_t value);
  // Ends the row; writes the buffer out when it is large.
  void end_row();

  // Writes what is left and closes. Errors: kIoError when a write failed at any point.
  Status close();

 private:
  void drain();

  std::FILE* file_ = nullptr;
  std::string path_;
  fmt::memory_buffer buffer_;
  bool failed_ = false;
};

}  // namespace zhizao::detail
