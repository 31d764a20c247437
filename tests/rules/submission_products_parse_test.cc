// parse_submission_request's products part (issue 15) and its JSON: entries kept at their index,
// each fault a hard violation naming products[I].FIELD, the body's shape faults a parse error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rules/submission_workflow.h"

namespace zhizao {
namespace {

using nlohmann::json;

json body_with(const json& products) {
  return {{"uscc", "91410302MA400001XM"},
          {"period", "2021-04"},
          {"output", 1000},
          {"products", products}};
}

TEST(SubmissionProductsParse, AbsentOrNullIsNoProductsPart) {
  json body = body_with(nullptr);
  Result<SubmissionRequest> with_null = parse_submission_request(body);
  ASSERT_TRUE(with_null.has_value()) << with_null.error().to_string();
  EXPECT_FALSE(with_null->products.has_value());
  body.erase("products");
  Result<SubmissionRequest> without = parse_submission_request(body);
  ASSERT_TRUE(without.has_value());
  EXPECT_FALSE(without->products.has_value());
  Result<SubmissionRequest> empty = parse_submission_request(body_with(json::array()));
  ASSERT_TRUE(empty.has_value());
  ASSERT_TRUE(empty->products.has_value());
  EXPECT_TRUE(empty->products->empty());
}

TEST(SubmissionProductsParse, ReadsNumbersAndNumericStrings) {
  Result<SubmissionRequest> request = parse_submission_request(
      body_with({{{"product", " B1 "}, {"quantity", "12.5"}, {"quantity_prev", 10}},
                 {{"product", "T1"}, {"quantity", 0}, {"quantity_prev", ""}}}));
  ASSERT_TRUE(request.has_value()) << request.error().to_string();
  std::vector<SubmittedQuantity> expected = {{"B1", 12.5, 10}, {"T1", 0, std::nullopt}};
  EXPECT_EQ(*request->products, expected);
  EXPECT_TRUE(request->product_faults.empty());
}

TEST(SubmissionProductsParse, EveryFaultNamesItsEntryAndTheEntriesKeepTheirIndex) {
  Result<SubmissionRequest> request =
      parse_submission_request(body_with({7,
                                          {{"product", "B1"}, {"quantity", -1}},
                                          {{"product", "B1"}, {"quantity", 2}},
                                          {{"quantity", 3}, {"quantity_prev", "x"}}}));
  ASSERT_TRUE(request.has_value()) << request.error().to_string();
  ASSERT_EQ(request->products->size(), 4u);
  EXPECT_EQ((*request->products)[2], (SubmittedQuantity{"B1", 2, std::nullopt}));
  std::vector<std::pair<std::string, std::string>> faults;
  for (const RuleViolation& v : request->product_faults) {
    EXPECT_EQ(v.severity, Severity::kHard);
    faults.emplace_back(v.rule_id, v.field);
  }
  std::vector<std::pair<std::string, std::string>> expected = {
      {"product_entry_invalid", "products[0]"},
      {"product_quantity_negative", "products[1].quantity"},
      {"product_duplicate", "products[2].product"},
      {"product_code_missing", "products[3].product"},
      {"product_quantity_invalid", "products[3].quantity_prev"}};
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(request->product_faults[1].message, "products[1].quantity：产量不能为负数（-1）");
}

TEST(SubmissionProductsParse, ABodyWhoseProductsAreNotABoundedListIsRefused) {
  Result<SubmissionRequest> object = parse_submission_request(body_with({{"B1", 1}}));
  ASSERT_FALSE(object.has_value());
  EXPECT_EQ(object.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(object.error().message(),
            "products: must be a list of {product, quantity, quantity_prev}");
  json many = json::array();
  for (std::size_t i = 0; i <= kMaxSubmittedProducts; ++i) {
    many.push_back({{"product", "P" + std::to_string(i)}, {"quantity", 1}});
  }
  Result<SubmissionRequest> too_many = parse_submission_request(body_with(many));
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().message(), "products: at most 200 entries (201 given)");
}

TEST(SubmissionProductsParse, JsonShowsProductsAndFlags) {
  Submission submission;
  submission.id = 3;
  submission.record.uscc = "91410302MA400001XM";
  submission.record.period = {2021, 4};
  json none = submission_to_json(submission, nullptr);
  EXPECT_TRUE(none["products"].is_null());
  EXPECT_EQ(none["product_flags"], json::array());
  submission.products = std::vector<SubmittedQuantity>{{"B1", 40, std::nullopt}};
  submission.product_flags = {{"B1", 100, 18, 82}};
  json some = submission_to_json(submission, nullptr);
  EXPECT_EQ(some["products"],
            json::parse(R"([{"product": "B1", "quantity": 40.0, "quantity_prev": null}])"));
  EXPECT_EQ(some["product_flags"],
            json::parse(R"([{"product": "B1", "quantity_growth": 100.0, "output_growth": 18.0,)"
                        R"( "gap": 82.0}])"));
}

}  // namespace
}  // namespace zhizao
