#include "demo/scale_dataset.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "demo/scale_internal.h"

namespace zhizao {

Status check_scale_options(const ScaleOptions& options) {
  if (options.enterprises < 1 || options.enterprises > 10'000'000) {
    return Status::usage(
        fmt::format("--enterprises must be 1..10000000, not {}", options.enterprises));
  }
  if (options.from.year < 1991 || options.to.year > 2099 || options.from.month < 1 ||
      options.from.month > 12 || options.to.month < 1 || options.to.month > 12) {
    return Status::usage("--from and --to must be months of 1991..2099");
  }
  if (options.to < options.from) {
    return Status::usage(fmt::format("--from {} is after --to {}", options.from.to_string(),
                                     options.to.to_string()));
  }
  if (options.to.index() - options.from.index() >= 600) {
    return Status::usage("at most 600 months (50 years) from --from to --to");
  }
  return Status::ok();
}

Result<ScaleSummary> write_scale_csv(const ScaleOptions& options, const std::string& dir) {
  if (Status s = check_scale_options(options); !s.is_ok()) return fail(s);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return fail(Status::io_error(fmt::format("cannot create {}: {}", dir, error.message())));
  }
  ScaleSummary summary;
  if (Status s = detail::write_scale_reference_tables(options, dir, summary); !s.is_ok()) {
    return fail(s);
  }
  if (Status s = detail::write_enterprises_and_monthly(options, dir, summary); !s.is_ok()) {
    return fail(s);
  }
  if (Status s = detail::write_scale_projects(options, dir, summary); !s.is_ok()) {
    return fail(s);
  }
  return summary;
}

Result<ImportOutcome> import_scale_csv(Database& db, const std::string& dir,
                                       const ImportOptions& options) {
  std::vector<std::string> paths;
  for (const char* name : kScaleFileNames) paths.push_back(dir + "/" + name);
  return import_files(db, paths, options);
}

}  // namespace zhizao
