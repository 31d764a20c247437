// Fuzz target: a flood-season safety file (docs/safety.md "Files") through the import's reading
// path without a database: the table reader (CSV in UTF-8 or GB18030, or an .xlsx workbook),
// the header mapping and the row parser of its kind (src/safety); and the same bytes as an
// uploaded proof file (safety/proof_file.h).
// Input: one selector byte (bits 0-1: the kind, plans / checks / hazards / roster; bits 2-3:
// encoding detected / forced UTF-8 / forced GB18030), then the file's bytes.
// Invariants: every finding is located (line >= 1) and explained; records come only from rows
// without an error, each with its line; every record satisfies its file's own rules (dates in
// order, a level, a re-inspection result iff a date, a proof that is no path); a proof is accepted
// only as the type its first bytes and its declaration agree on, within the bound, and its name
// parses back to that type.
#include <optional>
#include <string>

#include "fuzz_support.h"
#include "safety/proof_file.h"
#include "safety/safety_columns.h"
#include "safety/safety_rows.h"
#include "safety/safety_table.h"

namespace {

using zhizao::fuzz::check;

void check_findings(const zhizao::detail::Findings& findings) {
  for (const zhizao::detail::FindingList* list : {&findings.errors, &findings.warnings}) {
    for (const zhizao::detail::Finding& finding : *list) {
      check(finding.line >= 1, "a finding has a line");
      check(!finding.reason.empty(), "a finding has a reason");
    }
  }
}

void check_records(const zhizao::detail::ParsedSafetyFile& parsed) {
  const zhizao::SafetyRegister& r = parsed.records;
  const size_t records = r.plans.size() + r.checks.size() + r.hazards.size() + r.roster.size();
  check(parsed.lines.size() == records, "every record has its line");
  check(static_cast<long>(records) <= parsed.rows, "no more records than rows");
  for (long line : parsed.lines) check(line >= 2, "a record's line is after the header");
  for (const zhizao::SafetyPlan& plan : r.plans) {
    check(!plan.id.empty() && !plan.divisions.empty(), "a plan has an id and divisions");
    check(!(plan.to < plan.from), "a plan ends on or after its start");
  }
  for (const zhizao::SafetyCheck& c : r.checks) {
    check(!c.id.empty() && !c.plan.empty() && !c.uscc.empty(), "a check names its plan");
  }
  check(parsed.deadline_given.size() == r.hazards.size(),
        "each hazard says if its deadline was given");
  for (const zhizao::Hazard& h : r.hazards) {
    check(!h.id.empty() && !h.check.empty(), "a hazard names its check");
    check(!h.rectified || !(*h.rectified < h.found), "rectified on or after found");
    check(h.reinspected.has_value() == (h.reinspection != zhizao::ReinspectionResult::kNone),
          "a re-inspection has a date and a result");
    check(!h.reinspected || (h.rectified && !(*h.reinspected < *h.rectified)),
          "a re-inspection follows the rectification");
    check(h.proof.find('/') == std::string::npos && h.proof.find('\\') == std::string::npos,
          "a proof is a file name, not a path");
  }
  for (const zhizao::DutyShift& d : r.roster) check(!d.person.empty(), "a shift has a person");
}

void check_as_proof(std::string_view bytes) {
  using zhizao::ProofType;
  for (ProofType declared : {ProofType::kPdf, ProofType::kJpeg, ProofType::kPng}) {
    ProofType type = ProofType::kPdf;
    std::optional<zhizao::ProofRefusal> refused =
        zhizao::check_proof(bytes, zhizao::proof_media_type(declared), type);
    if (refused) continue;
    check(type == declared, "an accepted proof is of its declared type");
    check(zhizao::sniff_proof_type(bytes) == declared, "an accepted proof's bytes say its type");
    check(!bytes.empty() && bytes.size() <= zhizao::kMaxProofBytes, "a proof is within the bound");
    check(zhizao::parse_proof_file_name(zhizao::proof_file_name(bytes, type)) == type,
          "a proof's name gives its type back");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace detail = zhizao::detail;
  zhizao::fuzz::FuzzInput input(data, size);
  const uint8_t selector = input.byte();
  const auto kind = static_cast<zhizao::SafetyFileKind>(selector & 3);
  std::optional<zhizao::Encoding> forced;
  if (((selector >> 2) & 3) == 1) forced = zhizao::Encoding::kUtf8;
  if (((selector >> 2) & 3) == 2) forced = zhizao::Encoding::kGb18030;
  const std::string_view bytes = input.rest();

  check_as_proof(bytes);
  auto table = detail::read_safety_table(bytes, forced);
  if (!table) {
    check(table.error().line >= 1 && !table.error().reason.empty(), "a read error is located");
    return 0;
  }
  for (const detail::SafetyTableRow& row : table->rows) {
    check(row.line >= 2, "a data row is after the header");
  }
  detail::ParsedSafetyFile parsed;
  parsed.kind = kind;
  parsed.name = std::string(zhizao::safety_kind_name(kind)) + ".csv";
  detail::SafetyColumnMap columns(kind, table->header, parsed.findings);
  check_findings(parsed.findings);
  if (parsed.findings.errors.empty()) detail::parse_safety_rows(*table, columns, parsed);
  check_findings(parsed.findings);
  check_records(parsed);
  return 0;
}
