// The products part of a submission (issue 15, "Submissions"): reading it from the request body,
// checking it (registered codes; each product's growth against the output's, products/
// product_audit.h) and its stored and API JSON. Used by the submission workflow only; pure but for
// check_submitted_products, which reads the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/result.h"
#include "domain/records.h"
#include "rules/submission_workflow.h"
#include "store/submission_store.h"

namespace zhizao::detail {

// Reads body["products"] (absent or null: none) into request.products and its entries' faults
// into request.product_faults (hard violations, 422). A "products" that is not a list, or one
// longer than kMaxSubmittedProducts, is a fault of the body: appended to `faults` (400), as the
// other malformed fields are.
void read_submitted_products(const nlohmann::json& body, SubmissionRequest& request,
                             std::vector<std::string>& faults);

// What the products part of a valid request yields beside the audit rules.
struct ProductCheck {
  // Hard: "product_unknown" per code that products.csv does not hold. Soft:
  // "product_divergence.CODE" per flagged product, explained when request.explanations has that
  // id.
  std::vector<RuleViolation> violations;
  std::vector<ProductDivergence> flags;  // the flagged products, as diverging_products gives them
};

// Checks request.products (none: nothing) against the registered products and, when every code
// is known and no entry has a fault, flags the products whose growth strays from the output's by
// more than kDefaultDivergenceBand points. The bases: the record's output_prev, else `history`'s
// output of month m−12; each product's quantity_prev, else the enterprise's stored quantity of
// month m−12. Errors: kIoError.
Result<ProductCheck> check_submitted_products(const SubmissionStore& store,
                                              const SubmissionRequest& request,
                                              const std::vector<MonthlyRecord>& history);

// The stored forms (submission.products, submission.product_flags, migration 10) and back.
// Reading errors: kCorruption naming the submission `id`.
std::string products_to_json_text(const std::vector<SubmittedQuantity>& products);
std::string flags_to_json_text(const std::vector<ProductDivergence>& flags);
Result<std::optional<std::vector<SubmittedQuantity>>> products_from_json_text(
    long id, const std::optional<std::string>& text);
Result<std::vector<ProductDivergence>> flags_from_json_text(long id, const std::string& text);

// The API's "products" (null when none) and "product_flags".
nlohmann::json products_to_json(const std::optional<std::vector<SubmittedQuantity>>& products);
nlohmann::json flags_to_json(const std::vector<ProductDivergence>& flags);

// The product_output rows the products part stands for, of enterprise `uscc` in `period`.
std::vector<ProductOutput> product_output_rows(const std::string& uscc, YearMonth period,
                                               const std::vector<SubmittedQuantity>& products);

}  // namespace zhizao::detail
