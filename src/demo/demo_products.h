// The demo's main products (data contract v2, products.csv and product_output.csv): a dozen
// products of Luoyang's industries with invented quantities. Internal to the demo module.
#pragma once

#include "domain/dataset.h"

namespace zhizao::detail {

// Adds the products and their monthly quantities to `dataset`: each product is reported by demo
// enterprises of its division (matched by the word of their name, e.g. 轴承 for bearings), one
// row per monthly record of the enterprise (in scope or not, January folded into February where
// the record is), the quantity proportional to the record's output; 2021 entrants carry
// quantity_prev. Air conditioners are scaled to about 18,000 units a day in January–March 2021
// (the seed article's plant). One division-38 enterprise is renamed an air-conditioner maker
// (空调) for it. Deterministic (no random draw); changes no v1 figure. Precondition: `dataset`
// is the demo's (after calibrate).
void add_demo_products(Dataset& dataset);

}  // namespace zhizao::detail
