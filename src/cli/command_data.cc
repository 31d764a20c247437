// zhizao revisions, export and demo: the stored data, its history, and the synthetic demo.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/progress_bar.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/import_safety.h"
#include "cli/safety_files_option.h"
#include "demo/demo_daily_electricity.h"
#include "demo/demo_service.h"
#include "demo/luoyang_demo.h"
#include "demo/scale_dataset.h"
#include "ingest/importer.h"
#include "ingest/workbook_export.h"
#include "store/daily_electricity_store.h"
#include "store/database.h"

namespace zhizao {
namespace {

struct RevisionsArgs {
  std::string db;
  std::string uscc;
  std::string kind;
  bool json = false;
};

nlohmann::json revision_to_json(const Revision& r) {
  return {{"id", r.id},
          {"import_id", r.import_id},
          {"kind", r.kind},
          {"key", r.key},
          {"uscc", r.uscc},
          {"changed_at", r.changed_at},
          {"source", r.source},
          {"old", nlohmann::json::parse(r.old_value, nullptr, false)},
          {"new", nlohmann::json::parse(r.new_value, nullptr, false)}};
}

int run_revisions(const RevisionsArgs& args) {
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  RevisionFilter filter;
  if (!args.uscc.empty()) filter.uscc = args.uscc;
  if (!args.kind.empty()) filter.kind = args.kind;
  auto revisions = (*db)->revisions(filter);
  if (!revisions) return report_failure(revisions.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Revision& r : *revisions) out.push_back(revision_to_json(r));
    fmt::print("{}\n", out.dump(2));
    return kExitDone;
  }
  if (revisions->empty()) fmt::print("no revisions\n");
  for (const Revision& r : *revisions) {
    fmt::print("#{} import {} {} {} {} from {}\n  old: {}\n  new: {}\n", r.id, r.import_id,
               r.changed_at, r.kind, r.key, r.source, r.old_value, r.new_value);
  }
  return kExitDone;
}

struct ExportArgs {
  std::string db;
  std::string dir;
  std::string format = "csv";
  std::string output;
  bool quiet = false;
  bool safety = false;
};

int run_export(const ExportArgs& args) {
  bool xlsx = args.format == "xlsx";
  if (args.safety) {
    return run_safety_export(args.db, args.dir.empty() ? args.output : args.dir, xlsx, args.quiet);
  }
  std::string target = xlsx ? args.output : (args.dir.empty() ? args.output : args.dir);
  if (target.empty()) {
    return report_failure(Status::usage(xlsx ? "--format xlsx needs --output FILE.xlsx"
                                             : "give the directory to write"));
  }
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Status written = [&] {
    // Drawn only on a terminal; cleared when this scope ends, before any message.
    ProgressBar bar("export", args.quiet ? Verbosity::kQuiet : Verbosity::kNormal);
    bar.update("loading", 0, 2);
    auto dataset = (*db)->load();
    if (!dataset) return dataset.error();
    if (!xlsx) {
      // The daily readings are kept apart from load() (store/daily_electricity_store.h). A
      // workbook leaves them out: a city's three years pass a sheet's 1,048,576 rows.
      auto readings = DailyElectricityStore(**db).all_readings();
      if (!readings) return readings.error();
      dataset->electricity_daily = std::move(*readings);
    }
    bar.update("writing", 1, 2);
    return xlsx ? export_contract_workbook(*dataset, target)
                : export_contract_files(*dataset, target);
  }();
  if (!written.is_ok()) return report_failure(written);
  if (!args.quiet) {
    fmt::print("wrote the contract's {} to {}\n", xlsx ? "data as a workbook" : "files", target);
  }
  if (xlsx) {
    auto years = DailyElectricityStore(**db).years();
    if (years && !years->empty()) {
      fmt::print(stderr,
                 "note: the daily electricity readings are not in the workbook (too many rows "
                 "for a sheet); `zhizao export --db {} DIR` writes them as electricity_daily.csv\n",
                 args.db);
    }
  }
  return kExitDone;
}

struct DemoArgs {
  std::string db;
  uint64_t seed = DemoOptions{}.seed;
  bool force = false;
  int64_t enterprises = 0;  // > 0: the national-scale dataset instead of the Luoyang demo
  std::string from = "2017-01";
  std::string to = "2021-12";
  std::string csv_dir;
};

// The national-scale dataset (src/demo/scale_dataset.h): CSV files into --csv-dir and/or, through
// the normal importer, into --db (the files then go to a temporary directory beside the db).
int run_scale_demo(const DemoArgs& args) {
  namespace fs = std::filesystem;
  if (args.db.empty() && args.csv_dir.empty()) {
    return report_failure(Status::usage("--enterprises needs --db or --csv-dir (or both)"));
  }
  auto from = parse_year_month(args.from);
  if (!from) return report_failure(Status::usage(from.error().message()));
  auto to = parse_year_month(args.to);
  if (!to) return report_failure(Status::usage(to.error().message()));
  ScaleOptions options{args.enterprises, *from, *to, args.seed};
  if (Status s = check_scale_options(options); !s.is_ok()) return report_failure(s);
  if (!args.db.empty() && fs::exists(args.db)) {
    if (!args.force) {
      return report_failure(
          Status::usage(fmt::format("{} exists; use --force to replace it", args.db)));
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(args.db + suffix);
  }
  const std::string dir = args.csv_dir.empty() ? args.db + ".scale-csv" : args.csv_dir;
  auto summary = write_scale_csv(options, dir);
  if (!summary) return report_failure(summary.error());
  fmt::print("wrote {} enterprises and {} monthly records ({} to {}) as CSV files to {}\n",
             summary->enterprises, summary->monthly_rows, args.from, args.to, dir);
  if (args.db.empty()) return kExitDone;
  auto db = Database::open(args.db, OpenMode::kCreateIfMissing);
  if (!db) return report_failure(db.error());
  auto outcome = [&] {
    ProgressBar bar("demo", Verbosity::kNormal);
    ImportOptions import_options;
    // The files were just written by zhizao itself: no size cap (a national scale exceeds it).
    import_options.limits.max_file_bytes = UINT64_MAX;
    import_options.progress = [&bar](std::string_view stage, size_t done, size_t total) {
      bar.update(stage, done, total);
    };
    return import_scale_csv(**db, dir, import_options);
  }();
  if (args.csv_dir.empty()) fs::remove_all(dir);
  if (!outcome) return report_failure(outcome.error());
  if (outcome->refused()) {
    for (const std::string& error : outcome->errors) fmt::print(stderr, "{}\n", error);
    return report_failure(Status::internal("the generated files were refused (a bug)"));
  }
  fmt::print("imported them into {} (invented enterprises, marked 演示; not calibrated)\n",
             args.db);
  return kExitDone;
}

int run_demo(const DemoArgs& args) {
  namespace fs = std::filesystem;
  if (args.enterprises > 0) return run_scale_demo(args);
  if (args.db.empty()) return report_failure(Status::usage("--db is required"));
  if (fs::exists(args.db)) {
    if (!args.force) {
      return report_failure(
          Status::usage(fmt::format("{} exists; use --force to replace it", args.db)));
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(args.db + suffix);
  }
  auto dataset = generate_luoyang_demo(DemoOptions{args.seed});
  if (!dataset) return report_failure(dataset.error());
  auto db = Database::open(args.db, OpenMode::kCreateIfMissing);
  if (!db) return report_failure(db.error());
  auto summary = (*db)->apply({SourcedBatch{"demo (synthetic)", *dataset}});
  if (!summary) return report_failure(summary.error());
  if (Status cases = detail::add_demo_case_workflow(**db); !cases.is_ok()) {
    return report_failure(cases);  // the cases of the API's workflow (src/demo/demo_service.cc)
  }
  if (Status daily = detail::store_demo_daily_electricity(**db, *dataset, args.seed);
      !daily.is_ok()) {
    return report_failure(daily);  // src/demo/demo_daily_electricity.cc
  }
  if (Status safety = store_demo_safety(**db, *dataset); !safety.is_ok()) {
    return report_failure(safety);  // src/demo/demo_safety.cc, imported by src/safety
  }
  fmt::print(
      "wrote the synthetic Luoyang demo to {}: {} enterprises, {} monthly records, {} projects\n"
      "(invented enterprises, marked 演示; calibrated to the figures of the article of 2021-04)\n",
      args.db, dataset->enterprises.size(), dataset->monthly.size(), dataset->projects.size());
  return kExitDone;
}

}  // namespace

void add_revisions_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RevisionsArgs>();
  CLI::App* cmd = app.add_subcommand("revisions", "List the revisions of submitted data");
  cmd->add_option("--db", args->db, "Database file")->required();
  cmd->add_option("--uscc", args->uscc, "Only this enterprise's revisions");
  cmd->add_option("--kind", args->kind, "Only this kind: enterprise, monthly, project, ...");
  cmd->add_flag("--json", args->json, "Print a JSON array");
  cmd->footer("Example:\n  zhizao revisions --db city.db --uscc 91410300XXXXXXXXXX");
  cmd->callback([args, exit_code] { *exit_code = run_revisions(*args); });
}

void add_export_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Write the stored data as the contract's files");
  cmd->add_option("--db", args->db, "Database file")->required();
  cmd->add_option("dir", args->dir, "Directory to write the CSV files to (created if missing)");
  cmd->add_option("--format", args->format, "csv (a directory of files) or xlsx (one workbook)")
      ->check(CLI::IsMember({"csv", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("--output", args->output, "The .xlsx file to write (or the CSV directory)");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->add_flag("--safety", args->safety,
                "Write the four safety files (docs/safety.md) to the directory instead");
  cmd->footer(
      "Example:\n  zhizao export --db city.db out/\n  zhizao import --db copy.db out/*.csv\n"
      "  zhizao export --db city.db --format xlsx --output data.xlsx\n"
      "  zhizao export --db city.db --safety --format xlsx safety/");
  cmd->callback([args, exit_code] { *exit_code = run_export(*args); });
}

void add_demo_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* cmd = app.add_subcommand("demo", "Create the synthetic Luoyang demo database");
  cmd->add_option("--db", args->db, "Database file to create");
  cmd->add_option("--seed", args->seed, "Random seed (the calibrated demo uses the default)");
  cmd->add_flag("--force", args->force, "Replace the database if it exists");
  cmd->add_option("--enterprises", args->enterprises,
                  "Instead of the Luoyang demo: a national-scale synthetic dataset of N "
                  "enterprises (not calibrated)");
  cmd->add_option("--from", args->from, "First month of the national-scale dataset")
      ->capture_default_str();
  cmd->add_option("--to", args->to, "Last month of the national-scale dataset")
      ->capture_default_str();
  cmd->add_option("--csv-dir", args->csv_dir,
                  "With --enterprises: also write the data as the contract's CSV files here");
  cmd->footer(
      "Example:\n  zhizao demo --db demo.db && zhizao report --db demo.db --period 2021-04\n"
      "  zhizao demo --enterprises 50000 --from 2017-01 --to 2021-12 --csv-dir data/ --db n.db");
  cmd->callback([args, exit_code] { *exit_code = run_demo(*args); });
}

}  // namespace zhizao
