// The demo's steering data (data contract v2): a hundred-day campaign (百日攻坚) of spring 2021
// with its own plan, its projects, and three plan targets for 2025. Internal to the demo module.
#pragma once

#include "domain/dataset.h"

namespace zhizao::detail {

// Adds the campaign and the targets to `dataset` and assigns to the campaign the projects whose
// planned start or completion falls in its window. Deterministic (no random draw), and it
// changes no v1 figure: campaigns, targets and a project's campaign enter none of them.
// Precondition: dataset.projects are the demo's (generate_projects).
void add_steering_plans(Dataset& dataset);

}  // namespace zhizao::detail
