// The columns of each safety file (docs/safety.md "Files") and a file's header mapped onto them.
// Internal to src/safety.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/finding.h"
#include "safety/safety_import.h"

namespace zhizao::detail {

enum class Presence { kRequired, kOptional };

struct SafetyColumn {
  std::string_view name;     // English header, as in docs/safety.md
  std::string_view chinese;  // Chinese header
  Presence presence;
};

// The columns of `kind`, in the documented order.
std::span<const SafetyColumn> safety_columns(SafetyFileKind kind);

// Where each documented column is in a file: index into the header, or nullopt when absent.
class SafetyColumnMap {
 public:
  // Maps `header` for `kind`: a header field matches a column's English name (ASCII case
  // ignored) or its Chinese name. Errors go to `findings.errors` (a required column missing, a
  // column given twice) and unknown columns to `findings.warnings`, all at line 1.
  SafetyColumnMap(SafetyFileKind kind, const std::vector<std::string>& header, Findings& findings);

  // The field of column `name` (English) in `fields`, "" when the column or the field is absent.
  std::string_view field(const std::vector<std::string>& fields, std::string_view name) const;
  // The column's header as the file writes it (for messages); the English name when absent.
  std::string_view header_of(std::string_view name) const;

 private:
  std::optional<std::size_t> index_of(std::string_view name) const;

  std::span<const SafetyColumn> columns_;
  std::vector<std::optional<std::size_t>> indexes_;  // per column of columns_
  std::vector<std::string> headers_;                 // per column: as written
};

}  // namespace zhizao::detail
