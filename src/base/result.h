// Result<T>: a value or the Status that explains why there is none. Expected failures travel as
// values (tl::expected, Debian's libexpected-dev); exceptions are reserved for bugs.
#pragma once

#include <tl/expected.hpp>

#include "base/status.h"

namespace zhizao {

template <typename T>
using Result = tl::expected<T, Status>;

// Wraps a failed Status for returning from a function that returns Result<T>.
inline tl::unexpected<Status> fail(Status status) {
  return tl::unexpected<Status>(std::move(status));
}

}  // namespace zhizao

// In a function returning Status: returns the failed Status of `expr`.
#define ZHIZAO_RETURN_IF_ERROR(expr)                    \
  do {                                                  \
    ::zhizao::Status zhizao_status_ = (expr);           \
    if (!zhizao_status_.is_ok()) return zhizao_status_; \
  } while (0)
