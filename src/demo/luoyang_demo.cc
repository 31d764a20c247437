#include "demo/luoyang_demo.h"

#include "demo/demo_build.h"
#include "demo/demo_products.h"
#include "demo/demo_quality.h"
#include "demo/demo_random.h"
#include "demo/demo_service.h"
#include "demo/demo_steering.h"

namespace zhizao {

Result<Dataset> generate_luoyang_demo(const DemoOptions& options) {
  detail::DemoRandom random(options.seed);
  detail::DemoBuild build;
  detail::generate_enterprises(random, build);
  detail::generate_monthly(random, build);
  detail::generate_projects(random, build.dataset);
  if (Status status = detail::calibrate(build); !status.is_ok()) return fail(std::move(status));
  detail::add_steering_plans(build.dataset);
  detail::add_demo_products(build.dataset);
  detail::add_quality_examples(build.dataset);
  detail::add_demo_service(build.dataset);
  return std::move(build.dataset);
}

}  // namespace zhizao
