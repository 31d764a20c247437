#include "cli/import_rules.h"

#include <fmt/format.h>

#include <memory>

#include "cli/exit_code.h"
#include "rules/import_audit.h"

namespace zhizao {

void add_import_rules_options(CLI::App* cmd, ImportRulesArgs* args) {
  cmd->add_option("--rules", args->rules,
                  "Audit rules file (TOML): its rules with on_import = \"warn\" or \"refuse\" "
                  "confront the monthly records; the compiled-in defaults if absent")
      ->check(CLI::ExistingFile);
  cmd->add_option("--lang", args->lang, "Language of the audit rules' messages: zh (default), en")
      ->check(CLI::IsMember({"zh", "en"}));
}

int load_import_rules(const ImportRulesArgs& args, RuleSet* rules) {
  if (args.rules.empty()) {
    *rules = default_rule_set();
    return kExitDone;
  }
  Result<RuleSet> loaded = load_rule_set(args.rules);
  if (!loaded && loaded.error().code() == StatusCode::kInvalidData) {
    fmt::print(stderr, "{}\n", loaded.error().message());
    fmt::print(stderr, "zhizao: rules file refused: {}\n", args.rules);
    return kExitDataRefused;
  }
  if (!loaded) return report_failure(loaded.error());
  *rules = *std::move(loaded);
  return kExitDone;
}

Status install_import_audit(const RuleSet& rules, const ImportRulesArgs& args, Database& db,
                            ImportOptions* options) {
  Result<ImportAuditor> created =
      ImportAuditor::create(db, rules, args.lang == "en" ? Language::kEn : Language::kZh);
  if (!created) return created.error();
  if (created->empty()) return Status::ok();
  // std::function copies its target: the auditor (move-only) is shared by the copies.
  auto auditor = std::make_shared<ImportAuditor>(*std::move(created));
  options->audit_monthly = [auditor](const MonthlyAuditInput& input) {
    std::vector<AuditFinding> findings;
    for (ImportAuditFinding& f :
         auditor->audit(input.records, input.key_order, input.enterprises)) {
      findings.push_back(
          {f.record, std::move(f.field), std::move(f.message),
           f.action == ImportAction::kRefuse ? AuditLevel::kError : AuditLevel::kWarning});
    }
    return findings;
  };
  return Status::ok();
}

}  // namespace zhizao
