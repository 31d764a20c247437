// How each record kind is named in revisions: its kind, its key text, its uscc, and its value as
// a JSON object with the data contract's English column names (../shared/data-contract.md).
#pragma once

#include <string>

#include "domain/records.h"

namespace zhizao::detail {

// The Revision::kind of each record type.
const char* kind_name(const Enterprise&);
const char* kind_name(const MonthlyRecord&);
const char* kind_name(const Deflator&);
const char* kind_name(const ValueAddedRatio&);
const char* kind_name(const Park&);
const char* kind_name(const Chain&);
const char* kind_name(const Project&);
const char* kind_name(const ProjectProgress&);
const char* kind_name(const RegionGroup&);

// The Revision::key: the id, or "ID|YYYY-MM" / "DIVISION|YYYY" for keys with a period.
std::string key_text(const Enterprise& row);
std::string key_text(const MonthlyRecord& row);
std::string key_text(const Deflator& row);
std::string key_text(const ValueAddedRatio& row);
std::string key_text(const Park& row);
std::string key_text(const Chain& row);
std::string key_text(const Project& row);
std::string key_text(const ProjectProgress& row);
std::string key_text(const RegionGroup& row);

// The Revision::uscc: the enterprise's code for enterprise and monthly rows, else empty.
std::string revision_uscc(const Enterprise& row);
std::string revision_uscc(const MonthlyRecord& row);
template <typename Row>
std::string revision_uscc(const Row&) {
  return {};
}

// The row as compact JSON text; missing optional values are null, lists are arrays.
std::string to_json_text(const Enterprise& row);
std::string to_json_text(const MonthlyRecord& row);
std::string to_json_text(const Deflator& row);
std::string to_json_text(const ValueAddedRatio& row);
std::string to_json_text(const Park& row);
std::string to_json_text(const Chain& row);
std::string to_json_text(const Project& row);
std::string to_json_text(const ProjectProgress& row);
std::string to_json_text(const RegionGroup& row);

}  // namespace zhizao::detail
