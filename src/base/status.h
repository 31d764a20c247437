// Status: the outcome of an operation that can fail for expected reasons (bad files, unknown
// codes, a missing period). Modelled on LevelDB's Status, with a closed set of codes that the
// CLI maps to exit codes (see cli/exit_code.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace zhizao {

// The closed set of failure kinds. Adding one means updating exit_code_for() in the CLI.
enum class StatusCode {
  kOk,
  kUsage,        // the caller asked for something malformed (bad flag, January alone, ...)
  kNotFound,     // a named thing (file, database, period, enterprise) does not exist
  kInvalidData,  // input data was refused; the message lists every located error
  kIoError,      // the operating system failed a read or write
  kCorruption,   // stored data does not satisfy its own invariants
  kInternal,     // a bug: an invariant of zhizao itself was broken
};

// Returns the lower-case English name of `code`, e.g. "invalid data".
std::string_view status_code_name(StatusCode code);

// An error code and a human-readable message. Cheap to copy; thread-compatible.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  static Status usage(std::string m) { return {StatusCode::kUsage, std::move(m)}; }
  static Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status invalid_data(std::string m) { return {StatusCode::kInvalidData, std::move(m)}; }
  static Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns "invalid data: <message>" style text for logs and tests.
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace zhizao
