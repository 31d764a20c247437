#include "cli/warning_rules_option.h"

#include <memory>

#include "warnings/warning_rules.h"

namespace zhizao {

void add_warning_rules_option(CLI::App* cmd, std::string* path) {
  cmd->add_option("--warning-rules", *path,
                  "Early-warning rules file (default: built-in rules/default_warnings.toml)");
}

Status use_warning_rules(const std::string& path) {
  if (path.empty()) return Status::ok();
  Result<WarningRules> rules = load_warning_rules(path);
  if (!rules) return rules.error();
  install_warning_rules(std::make_shared<const WarningRules>(std::move(*rules)));
  return Status::ok();
}

}  // namespace zhizao
