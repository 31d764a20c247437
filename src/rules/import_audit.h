// Audit rules on import (docs/rules.md, "Imports"): the rules whose on_import is "warn" or
// "refuse" (the physical limits of the default rules) confront each monthly record of an import
// before anything is stored. `zhizao import` wires this into ImportOptions::audit_monthly; the
// importer (src/ingest, below this module) only places the findings at their lines.
//
// What a rule sees on import: the record itself, its enterprise (from the same import, else as
// stored) and, for last year and the previous month, the reported `_prev` columns, else the
// months of the same enterprise in the same file. Months stored earlier are not read, so that an
// import of millions of records stays one pass over them; `zhizao check` confronts the stored
// data with every rule afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "base/language.h"
#include "base/result.h"
#include "domain/records.h"
#include "rules/rule_set.h"
#include "store/database.h"

namespace zhizao {

// One record that fails a rule applied on import.
struct ImportAuditFinding {
  std::size_t record = 0;  // index into the records given to audit()
  std::string rule_id;
  std::string field;    // the rule's field (a contract column name)
  std::string message;  // plain language with the figures, then the rule id (rule_message.h)
  ImportAction action = ImportAction::kRefuse;  // kWarn or kRefuse
};

// The rules of one import, ready to confront its monthly files. Move-only; not thread-safe.
class ImportAuditor {
 public:
  // Keeps the rules of `rules` whose on_import is not "ignore". The stored enterprises' division
  // and key flag are read from `db` now, and only when such a rule reads `division` or `key`.
  // Errors: kIoError; kInvalidData for an expression that does not compile (not for a parsed
  // RuleSet).
  static Result<ImportAuditor> create(const Database& db, const RuleSet& rules, Language language);

  ImportAuditor(ImportAuditor&&) noexcept;
  ImportAuditor& operator=(ImportAuditor&&) noexcept;
  ~ImportAuditor();

  // True when no rule applies on import (nothing to do).
  bool empty() const;

  // Confronts one file's monthly records. `key_order`: their positions sorted by (uscc, period),
  // or empty (then it is computed). `imported`: the enterprises rows of the same import, which
  // take precedence over the stored ones; their sorted lookup is kept for the next call given the
  // same list (compared, not sorted again), so that the parts of a streamed file cost one sort.
  // Returns the failures in key order, rules in file order.
  std::vector<ImportAuditFinding> audit(const std::vector<MonthlyRecord>& records,
                                        std::span<const uint32_t> key_order,
                                        const std::vector<Enterprise>& imported);

 private:
  struct State;
  explicit ImportAuditor(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace zhizao
