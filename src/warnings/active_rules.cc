// The process's warning rules: the compiled-in defaults, or the file a command or the server was
// started with. Set once at start-up and read by every report; a mutex keeps a replacement (in
// tests) safe against readers, who keep their own shared_ptr.
#include <mutex>

#include "warnings/warning_rules.h"

namespace zhizao {
namespace {

std::mutex& rules_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::shared_ptr<const WarningRules>& installed_rules() {
  static std::shared_ptr<const WarningRules> rules;  // guarded by rules_mutex()
  return rules;
}

}  // namespace

std::shared_ptr<const WarningRules> default_warning_rules() {
  static const std::shared_ptr<const WarningRules> kDefault = [] {
    Result<WarningRules> parsed = parse_warning_rules(default_warnings_text(), "default");
    return std::make_shared<const WarningRules>(parsed ? *std::move(parsed)
                                                       : WarningRules{"default", {}});
  }();
  return kDefault;
}

std::shared_ptr<const WarningRules> active_warning_rules() {
  {
    std::lock_guard<std::mutex> lock(rules_mutex());
    if (installed_rules() != nullptr) return installed_rules();
  }
  return default_warning_rules();
}

void install_warning_rules(std::shared_ptr<const WarningRules> rules) {
  std::lock_guard<std::mutex> lock(rules_mutex());
  installed_rules() = std::move(rules);
}

}  // namespace zhizao
