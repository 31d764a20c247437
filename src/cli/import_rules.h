// The audit rules of `zhizao import` (docs/rules.md, "Imports"): `--rules FILE` and `--lang`,
// and their wiring into ImportOptions::audit_monthly through rules/import_audit.h.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "ingest/importer.h"
#include "rules/rule_set.h"
#include "store/database.h"

namespace zhizao {

struct ImportRulesArgs {
  std::string rules;        // the rules file; the compiled-in defaults when empty
  std::string lang = "zh";  // language of the audit's messages: "zh" or "en"
};

// Adds --rules and --lang to the import command `cmd`; `args` must outlive it.
void add_import_rules_options(CLI::App* cmd, ImportRulesArgs* args);

// Loads the rules file of `args` into `rules` (the defaults when none is given). Returns
// kExitDone, or after printing the faults the exit code: 2 for a malformed file (each fault as
// FILE:LINE: reason, as `zhizao check` prints them), 1 when it cannot be read.
int load_import_rules(const ImportRulesArgs& args, RuleSet* rules);

// Sets options->audit_monthly to confront each monthly file with the rules of `rules` whose
// on_import is "warn" or "refuse"; leaves it empty when there are none. `db` must outlive the
// import. Errors: kIoError reading the stored enterprises.
Status install_import_audit(const RuleSet& rules, const ImportRulesArgs& args, Database& db,
                            ImportOptions* options);

}  // namespace zhizao
