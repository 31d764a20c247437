// The compiled-in tables of GB/T 4754-2017 behind industry.h. Internal to the domain module.
#pragma once

#include <span>
#include <string_view>

#include "domain/industry.h"

namespace zhizao::detail {

// The 41 industrial divisions 06–46 in code order. Static data, thread-safe.
std::span<const Division> industrial_division_table();

// Every 4-digit class of divisions 06–46, in ascending code order. Static data, thread-safe.
std::span<const std::string_view> industrial_class_codes();

}  // namespace zhizao::detail
