// RuleEvaluator: a RuleSet compiled with muparser (https://beltoforion.de/en/muparser/), ready to
// confront many records. An expression that reads a variable without a value for the record is
// not evaluated: the rule's MissingPolicy decides. A NaN result (e.g. 0/0) counts as missing too.
// Besides muparser's functions, expressions may call finite(x): 1 for a finite x, else 0.
#pragma once

#include <memory>
#include <vector>

#include "base/result.h"
#include "rules/rule_set.h"
#include "rules/rule_variables.h"

namespace zhizao {

enum class RuleOutcome { kPass, kFail, kMissing };

// Compiles every expression once and evaluates them per record. Move-only; not thread-safe (one
// evaluator per thread). Keeps a copy of the rules.
class RuleEvaluator {
 public:
  // Errors: kInvalidData `SOURCE:LINE: rule ID: expression: reason` for an expression that does
  // not compile (parse_rule_set already checks this, so a parsed set does not fail).
  static Result<RuleEvaluator> create(const RuleSet& rules);

  RuleEvaluator(RuleEvaluator&&) noexcept;
  RuleEvaluator& operator=(RuleEvaluator&&) noexcept;
  ~RuleEvaluator();

  const RuleSet& rules() const;

  // The variables the rules' expressions read (for RuleContext::needed).
  RuleVariableSet needed_variables() const;

  // The outcome of each rule (in the set's order) for one record's values.
  std::vector<RuleOutcome> evaluate(const RuleValues& values);

  // The same into `outcomes` (resized), so that a pass over millions of records reuses one
  // buffer.
  void evaluate(const RuleValues& values, std::vector<RuleOutcome>* outcomes);

 private:
  struct Compiled;
  explicit RuleEvaluator(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

// Checks that `expression` compiles with the rule variables. Returns the empty string when it
// does, else muparser's reason. Thread-safe.
std::string expression_error(const std::string& expression);

}  // namespace zhizao
