// The synthetic, deterministic Luoyang demo (2019-01 .. 2021-06). Every name is invented and
// marked 演示; the figures are generated, then calibrated through the engine so that the report
// for 2021-04 shows the lead article's figures (docs/demo.md). No result is ever stored.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "domain/dataset.h"

namespace zhizao {

struct DemoOptions {
  uint64_t seed = 20210430;
};

// Generates the demo dataset. Same options, same bytes. Errors: kInternal when calibration
// fails to reach its targets (a bug).
Result<Dataset> generate_luoyang_demo(const DemoOptions& options);

}  // namespace zhizao
