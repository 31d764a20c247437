// The demo's data-quality examples (docs/methodology.md, "Data quality"): seven invented small
// enterprises, each with one planted problem a check of src/quality finds — output against
// electricity, a value-added ratio far from its division's, a year copied from the last, a
// constant figure, an unexplained jump, fabricated digits (Benford) and rounded figures (last
// digits). No figure beyond a physical limit: the demo must export and import again, and the
// import refuses those (tests/cli/quality_cli_test.cc plants one through `import --rules`).
// Internal to the demo module.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/dataset.h"

namespace zhizao::detail {

// Adds the examples to `dataset`: enterprises named 演示…（数据质量示例）, below the scale (规下)
// in every month so that they enter no growth rate, count, contribution or the article's figures;
// records 2019-01 to 2021-06. Deterministic. Precondition: `dataset` is the demo's.
void add_quality_examples(Dataset& dataset);

// The examples' credit codes with the check each is planted for, in the order added.
std::vector<std::pair<std::string, std::string>> quality_example_plants();

}  // namespace zhizao::detail
