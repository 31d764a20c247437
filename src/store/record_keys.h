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
const char* kind_name(const Product&);
const char* kind_name(const ProductOutput&);
const char* kind_name(const Target&);
const char* kind_name(const Campaign&);
const char* kind_name(const Assignment&);
const char* kind_name(const Visit&);
const char* kind_name(const ServiceCase&);

// The Revision::key: the id, or the key's parts joined by '|' ("ID|YYYY-MM", "DIVISION|YYYY",
// "USCC|YYYY-MM|PRODUCT", "USCC|YYYY-MM-DD|CADRE").
std::string key_text(const Enterprise& row);
std::string key_text(const MonthlyRecord& row);
std::string key_text(const Deflator& row);
std::string key_text(const ValueAddedRatio& row);
std::string key_text(const Park& row);
std::string key_text(const Chain& row);
std::string key_text(const Project& row);
std::string key_text(const ProjectProgress& row);
std::string key_text(const RegionGroup& row);
std::string key_text(const Product& row);
std::string key_text(const ProductOutput& row);
std::string key_text(const Target& row);
std::string key_text(const Campaign& row);
std::string key_text(const Assignment& row);
std::string key_text(const Visit& row);
std::string key_text(const ServiceCase& row);

// The Revision::uscc: the enterprise's code for the rows of one enterprise (enterprise, monthly,
// product output, assignment, visit, case), else empty.
std::string revision_uscc(const Enterprise& row);
std::string revision_uscc(const MonthlyRecord& row);
std::string revision_uscc(const ProductOutput& row);
std::string revision_uscc(const Assignment& row);
std::string revision_uscc(const Visit& row);
std::string revision_uscc(const ServiceCase& row);
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
std::string to_json_text(const Product& row);
std::string to_json_text(const ProductOutput& row);
std::string to_json_text(const Target& row);
std::string to_json_text(const Campaign& row);
std::string to_json_text(const Assignment& row);
std::string to_json_text(const Visit& row);
std::string to_json_text(const ServiceCase& row);

}  // namespace zhizao::detail
