#include "cli/exit_code.h"

#include <fmt/format.h>

#include <cstdio>

namespace zhizao {

int exit_code_for(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitDone;
    case StatusCode::kInvalidData:
      return kExitDataRefused;
    case StatusCode::kUsage:
    case StatusCode::kNotFound:
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
      return kExitUsage;
  }
  return kExitUsage;
}

int report_failure(const Status& status) {
  fmt::print(stderr, "zhizao: error: {}\n", status.message());
  return exit_code_for(status);
}

}  // namespace zhizao
