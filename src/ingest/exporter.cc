// export_contract_files: the Dataset back into the contract's files, which import_sources reads
// into the same Dataset. Text cells go through CsvWriter::field, which guards them against
// formula injection (ingest/formula_guard.h); numbers through CsvWriter::number, unguarded.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/case_export_check.h"
#include "ingest/csv_writer.h"
#include "ingest/importer.h"
#include "ingest/v2_columns.h"
#include "ingest/v2_sheet_rows.h"

namespace zhizao {
namespace {

using detail::CellValue;
using detail::CsvWriter;
using detail::FileKind;

// The region group every database starts with; it is not exported.
constexpr std::string_view kDefaultRegionGroup = "luoyang-metro";

void header(CsvWriter& out, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) out.field(name);
  out.end_record();
}

std::string join_ids(const std::vector<std::string>& ids) {
  std::string joined;
  for (const std::string& id : ids) {
    if (!joined.empty()) joined.push_back(';');
    joined += id;
  }
  return joined;
}

std::string date_text(const std::optional<CivilDate>& date) {
  return date ? date->to_string() : std::string();
}

std::string enterprises_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"uscc", "name", "industry", "region", "park", "chains", "key"});
  for (const Enterprise& e : d.enterprises) {
    for (std::string_view f :
         {std::string_view(e.uscc), std::string_view(e.name), std::string_view(e.industry),
          std::string_view(e.region), std::string_view(e.park)}) {
      out.field(f);
    }
    out.field(join_ids(e.chains));
    out.field(e.key ? "1" : "0");
    out.end_record();
  }
  return out.text();
}

std::string monthly_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"uscc", "period", "output", "value_added", "electricity", "output_prev",
               "value_added_prev", "electricity_prev", "in_scope"});
  for (const MonthlyRecord& m : d.monthly) {
    out.field(m.uscc);
    out.field(m.period.to_string());
    out.number(m.output);
    out.number(m.value_added);
    out.number(m.electricity);
    out.number(m.output_prev);
    out.number(m.value_added_prev);
    out.number(m.electricity_prev);
    out.field(m.in_scope ? "1" : "0");
    out.end_record();
  }
  return out.text();
}

std::string deflators_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"industry", "period", "ppi"});
  for (const Deflator& x : d.deflators) {
    out.field(x.division);
    out.field(x.period.to_string());
    out.number(x.ppi);
    out.end_record();
  }
  return out.text();
}

std::string va_ratios_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"industry", "year", "ratio"});
  for (const ValueAddedRatio& r : d.va_ratios) {
    out.field(r.division);
    out.field(std::to_string(r.year));
    out.number(r.ratio);
    out.end_record();
  }
  return out.text();
}

std::string parks_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"id", "name", "region", "category"});
  for (const Park& p : d.parks) {
    for (std::string_view f : {p.id, p.name, p.region, p.category}) out.field(f);
    out.end_record();
  }
  return out.text();
}

std::string chains_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"id", "name"});
  for (const Chain& c : d.chains) {
    out.field(c.id);
    out.field(c.name);
    out.end_record();
  }
  return out.text();
}

std::string projects_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"id", "name", "region", "total_investment", "industry", "chain", "park",
               "year_plan_investment", "planned_start", "actual_start", "planned_completion",
               "actual_completion", "campaign"});
  for (const Project& p : d.projects) {
    out.field(p.id);
    out.field(p.name);
    out.field(p.region);
    out.number(p.total_investment);
    out.field(p.industry);
    out.field(p.chain);
    out.field(p.park);
    out.number(p.year_plan_investment);
    out.field(date_text(p.planned_start));
    out.field(date_text(p.actual_start));
    out.field(date_text(p.planned_completion));
    out.field(date_text(p.actual_completion));
    out.field(p.campaign);
    out.end_record();
  }
  return out.text();
}

std::string project_progress_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"id", "period", "investment"});
  for (const ProjectProgress& p : d.project_progress) {
    out.field(p.project_id);
    out.field(p.period.to_string());
    out.number(p.investment);
    out.end_record();
  }
  return out.text();
}

// Returns whether any group other than the default one exists, and the file for them.
std::optional<std::string> region_groups_csv(const Dataset& d) {
  CsvWriter out;
  header(out, {"id", "name", "members"});
  bool any = false;
  for (const RegionGroup& g : d.region_groups) {
    if (g.id == kDefaultRegionGroup) continue;
    any = true;
    out.field(g.id);
    out.field(g.name);
    out.field(join_ids(g.members));
    out.end_record();
  }
  if (!any) return std::nullopt;
  return out.text();
}

// The file of a v2 kind, from its sheet rows, with the contract's English header; nullopt when
// the kind has no rows (an export of v1 data stays the v1 files).
std::optional<std::string> v2_csv(const Dataset& d, FileKind kind) {
  std::vector<detail::SheetRow> rows = detail::v2_sheet_rows(d, kind);
  if (rows.empty()) return std::nullopt;
  CsvWriter out;
  std::span<const detail::ColumnSpec> columns = detail::columns_of(kind);
  for (size_t c = 0; c < detail::exported_column_count(kind); ++c) out.field(columns[c].name);
  out.end_record();
  for (const detail::SheetRow& row : rows) {
    for (const CellValue& cell : row) {
      if (const std::string* text = std::get_if<std::string>(&cell)) {
        out.field(*text);
      } else if (const double* number = std::get_if<double>(&cell)) {
        out.number(*number);
      } else if (const CivilDate* date = std::get_if<CivilDate>(&cell)) {
        out.field(date->to_string());
      } else {
        out.field("");
      }
    }
    out.end_record();
  }
  return out.text();
}

// electricity_daily.csv (contract v2): uscc, date, kwh, in the order given (the store gives them
// by uscc and date); nullopt when there is none.
std::optional<std::string> electricity_daily_csv(const Dataset& d) {
  if (d.electricity_daily.empty()) return std::nullopt;
  CsvWriter out;
  for (const char* name : {"uscc", "date", "kwh"}) out.field(name);
  out.end_record();
  for (const DailyElectricity& reading : d.electricity_daily) {
    out.field(reading.uscc);
    out.field(reading.date.to_string());
    out.number(reading.kwh);
    out.end_record();
  }
  return out.text();
}

// Writes `text` to a temporary name beside `path`, then renames it, so that a reader never
// sees half a file.
Status write_atomically(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temp = path;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return Status::io_error(fmt::format("cannot write {}", temp.string()));
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) {
    return Status::io_error(
        fmt::format("cannot rename {} to {}: {}", temp.string(), path.string(), error.message()));
  }
  return Status::ok();
}

}  // namespace

Status export_contract_files(const Dataset& dataset, const std::string& dir) {
  ZHIZAO_RETURN_IF_ERROR(check_cases_have_department(dataset));
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::io_error(fmt::format("cannot create {}: {}", dir, error.message()));
  std::vector<std::pair<std::string, std::string>> files = {
      {"chains.csv", chains_csv(dataset)},
      {"parks.csv", parks_csv(dataset)},
      {"enterprises.csv", enterprises_csv(dataset)},
      {"monthly.csv", monthly_csv(dataset)},
      {"deflators.csv", deflators_csv(dataset)},
      {"va_ratios.csv", va_ratios_csv(dataset)},
      {"projects.csv", projects_csv(dataset)},
      {"project_progress.csv", project_progress_csv(dataset)},
  };
  if (std::optional<std::string> groups = region_groups_csv(dataset)) {
    files.emplace_back("region_groups.csv", *std::move(groups));
  }
  if (std::optional<std::string> daily = electricity_daily_csv(dataset)) {
    files.emplace_back("electricity_daily.csv", *std::move(daily));
  }
  for (FileKind kind : detail::kKindsInDependencyOrder) {
    if (!detail::is_v2_kind(kind)) continue;
    if (std::optional<std::string> text = v2_csv(dataset, kind)) {
      files.emplace_back(fmt::format("{}.csv", detail::kind_name(kind)), *std::move(text));
    }
  }
  for (const auto& [name, text] : files) {
    ZHIZAO_RETURN_IF_ERROR(write_atomically(std::filesystem::path(dir) / name, text));
  }
  return Status::ok();
}

}  // namespace zhizao
