// RuleEvaluator: one muparser Parser per rule, all bound to one array of variable values.
// muparser reports errors by exceptions; they are caught here and become values.
#include "rules/rule_evaluator.h"

#include <fmt/format.h>
#include <muParser.h>

#include <cmath>
#include <limits>
#include <string>

namespace zhizao {
namespace {

// finite(x): 1 when x is a finite number, else 0 (NaN, ±infinity). muparser has no such function;
// comparisons alone cannot tell +infinity from a large number within a bound written as inf.
mu::value_type finite(mu::value_type x) { return std::isfinite(x) ? 1 : 0; }

// Binds every rule variable of `values` and the function finite() to `parser`.
void define_variables(mu::Parser& parser, std::array<double, kRuleVariableCount>& values) {
  parser.DefineFun("finite", finite);
  const auto names = rule_variable_names();
  for (std::size_t i = 0; i < kRuleVariableCount; ++i) {
    parser.DefineVar(std::string(names[i]), &values[i]);
  }
}

// The indexes of the variables `parser`'s expression reads. Throws mu::ParserError when the
// expression does not compile.
std::vector<std::size_t> used_variables(const mu::Parser& parser,
                                        const std::array<double, kRuleVariableCount>& values) {
  std::vector<std::size_t> used;
  for (const auto& [name, address] : parser.GetUsedVar()) {
    used.push_back(static_cast<std::size_t>(address - values.data()));
  }
  return used;
}

}  // namespace

struct RuleEvaluator::Compiled {
  RuleSet rules;
  std::array<double, kRuleVariableCount> values{};
  std::vector<mu::Parser> parsers;
  std::vector<std::vector<std::size_t>> used;  // per rule
};

RuleEvaluator::RuleEvaluator(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
RuleEvaluator::RuleEvaluator(RuleEvaluator&&) noexcept = default;
RuleEvaluator& RuleEvaluator::operator=(RuleEvaluator&&) noexcept = default;
RuleEvaluator::~RuleEvaluator() = default;

Result<RuleEvaluator> RuleEvaluator::create(const RuleSet& rules) {
  auto compiled = std::make_unique<Compiled>();
  compiled->rules = rules;
  compiled->parsers.resize(rules.rules.size());
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule& rule = rules.rules[i];
    mu::Parser& parser = compiled->parsers[i];
    try {
      define_variables(parser, compiled->values);
      parser.SetExpr(rule.expression);
      // GetUsedVar ignores unknown names; a first evaluation (all NaN) reports them.
      (void)parser.Eval();
      compiled->used.push_back(used_variables(parser, compiled->values));
    } catch (const mu::Parser::exception_type& e) {
      return fail(Status::invalid_data(fmt::format("{}:{}: rule {}: expression: {}", rules.source,
                                                   rule.line, rule.id, e.GetMsg())));
    }
  }
  return RuleEvaluator(std::move(compiled));
}

const RuleSet& RuleEvaluator::rules() const { return compiled_->rules; }

RuleVariableSet RuleEvaluator::needed_variables() const {
  RuleVariableSet needed;
  for (const std::vector<std::size_t>& used : compiled_->used) {
    for (std::size_t v : used) needed.set(v);
  }
  return needed;
}

std::vector<RuleOutcome> RuleEvaluator::evaluate(const RuleValues& values) {
  std::vector<RuleOutcome> outcomes;
  evaluate(values, &outcomes);
  return outcomes;
}

void RuleEvaluator::evaluate(const RuleValues& values, std::vector<RuleOutcome>* out) {
  Compiled& c = *compiled_;
  for (std::size_t i = 0; i < kRuleVariableCount; ++i) {
    c.values[i] = values.values[i].value_or(std::numeric_limits<double>::quiet_NaN());
  }
  std::vector<RuleOutcome>& outcomes = *out;
  outcomes.clear();
  outcomes.reserve(c.parsers.size());
  for (std::size_t r = 0; r < c.parsers.size(); ++r) {
    bool complete = true;
    for (std::size_t v : c.used[r]) complete = complete && values.values[v].has_value();
    double result = std::numeric_limits<double>::quiet_NaN();
    if (complete) {
      try {
        result = c.parsers[r].Eval();
      } catch (const mu::Parser::exception_type&) {
        // A runtime failure has no value: treated like a missing variable.
      }
    }
    if (std::isnan(result)) {
      switch (c.rules.rules[r].when_missing) {
        case MissingPolicy::kSkip:
          outcomes.push_back(RuleOutcome::kMissing);
          break;
        case MissingPolicy::kFail:
          outcomes.push_back(RuleOutcome::kFail);
          break;
        case MissingPolicy::kPass:
          outcomes.push_back(RuleOutcome::kPass);
          break;
      }
    } else {
      outcomes.push_back(result != 0 ? RuleOutcome::kPass : RuleOutcome::kFail);
    }
  }
}

std::string expression_error(const std::string& expression) {
  std::array<double, kRuleVariableCount> values{};
  mu::Parser parser;
  try {
    define_variables(parser, values);
    parser.SetExpr(expression);
    (void)parser.Eval();  // reports unknown names, which GetUsedVar ignores
    if (parser.GetUsedVar().empty()) return "reads no variable";
  } catch (const mu::Parser::exception_type& e) {
    return e.GetMsg();
  }
  return {};
}

}  // namespace zhizao
