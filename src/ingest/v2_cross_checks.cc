#include "ingest/v2_cross_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "base/text.h"
#include "domain/region.h"
#include "ingest/v2_columns.h"

namespace zhizao::detail {
namespace {

using IdSet = std::unordered_set<std::string_view>;

auto key_of(const Product& p) { return std::tie(p.code); }
auto key_of(const ProductOutput& o) { return std::tie(o.uscc, o.period, o.product); }
auto key_of(const Target& t) { return std::tie(t.id); }
auto key_of(const Campaign& c) { return std::tie(c.id); }
auto key_of(const Assignment& a) { return std::tie(a.uscc, a.cadre, a.department); }
auto key_of(const Visit& v) { return std::tie(v.uscc, v.date, v.cadre); }
auto key_of(const ServiceCase& s) { return std::tie(s.id); }

std::string key_text(const Product& p) { return p.code; }
std::string key_text(const ProductOutput& o) {
  return o.uscc + "|" + o.period.to_string() + "|" + o.product;
}
std::string key_text(const Target& t) { return t.id; }
std::string key_text(const Campaign& c) { return c.id; }
std::string key_text(const Assignment& a) { return a.uscc + "|" + a.cadre + "|" + a.department; }
std::string key_text(const Visit& v) { return v.uscc + "|" + v.date.to_string() + "|" + v.cadre; }
std::string key_text(const ServiceCase& s) { return s.id; }

// A row of one of the files.
struct RowRef {
  size_t file;
  size_t row;
};

// Sorts the rows of every file of `kind` by key (stable: of equal keys the earliest file and
// line first) and reports each row whose key an earlier one has. These files are small (a few
// thousand rows), so a plain sort does.
template <typename Record>
void check_kind(std::vector<ParsedFile>& files, FileKind kind,
                std::vector<Record> Dataset::*member) {
  std::vector<RowRef> refs;
  for (size_t f = 0; f < files.size(); ++f) {
    if (files[f].kind != kind) continue;
    for (size_t r = 0; r < (files[f].rows.*member).size(); ++r) refs.push_back({f, r});
  }
  auto record = [&](const RowRef& ref) -> const Record& {
    return (files[ref.file].rows.*member)[ref.row];
  };
  std::stable_sort(refs.begin(), refs.end(), [&](const RowRef& a, const RowRef& b) {
    return key_of(record(a)) < key_of(record(b));
  });
  size_t first = 0;
  for (size_t i = 1; i < refs.size(); ++i) {
    if (key_of(record(refs[first])) != key_of(record(refs[i]))) {
      first = i;
      continue;
    }
    const ParsedFile& earlier = files[refs[first].file];
    long earlier_line = earlier.lines[refs[first].row];
    std::string where = refs[first].file == refs[i].file
                            ? fmt::format("first on line {}", earlier_line)
                            : fmt::format("first in {}:{}", earlier.name, earlier_line);
    ParsedFile& file = files[refs[i].file];
    file.findings.errors.push_back(
        {file.lines[refs[i].row], std::string(file.header.column_header(kind, 0)),
         fmt::format("duplicate key \"{}\" ({})", shorten_for_message(key_text(record(refs[i]))),
                     where)});
  }
}

void report(ParsedFile& file, size_t row, int column, std::string reason) {
  file.findings.errors.push_back({file.lines[row],
                                  std::string(file.header.column_header(*file.kind, column)),
                                  std::move(reason)});
}

void report_unknown(ParsedFile& file, size_t row, int column, std::string_view what,
                    std::string_view id) {
  report(file, row, column, fmt::format("unknown {}: \"{}\"", what, shorten_for_message(id)));
}

// Every id in `stored` and in `member` of the files of `kind`.
template <typename Record, typename IdOf>
IdSet ids_of(const std::vector<ParsedFile>& files, const std::vector<std::string>& stored,
             FileKind kind, std::vector<Record> Dataset::*member, IdOf id_of) {
  IdSet ids(stored.begin(), stored.end());
  for (const ParsedFile& file : files) {
    if (file.kind != kind) continue;
    for (const Record& r : file.rows.*member) ids.insert(id_of(r));
  }
  return ids;
}

// The unit of every product, stored or imported (an imported row replaces the stored one).
std::unordered_map<std::string_view, std::string_view> product_units(
    const std::vector<ParsedFile>& files, const StoredIds& stored) {
  std::unordered_map<std::string_view, std::string_view> units;
  for (const Product& p : stored.products) units[p.code] = p.unit;
  for (const ParsedFile& file : files) {
    if (file.kind != FileKind::kProducts) continue;
    for (const Product& p : file.rows.products) units[p.code] = p.unit;
  }
  return units;
}

bool known_scope(std::string_view scope, const IdSet& groups, const KnownIds& known) {
  return scope == "all" || find_region(scope) != nullptr || groups.contains(scope) ||
         known.parks.contains(scope) || known.chains.contains(scope);
}

void check_uscc(ParsedFile& file, size_t row, int column, const std::string& uscc,
                const KnownIds& known) {
  // An empty code was already reported by its row (missing or invalid).
  if (!uscc.empty() && !known.enterprises.contains(uscc)) {
    report_unknown(file, row, column, "enterprise", uscc);
  }
}

}  // namespace

void check_v2_duplicate_keys(std::vector<ParsedFile>& files) {
  check_kind(files, FileKind::kProducts, &Dataset::products);
  check_kind(files, FileKind::kProductOutput, &Dataset::product_output);
  check_kind(files, FileKind::kTargets, &Dataset::targets);
  check_kind(files, FileKind::kCampaigns, &Dataset::campaigns);
  check_kind(files, FileKind::kAssignments, &Dataset::assignments);
  check_kind(files, FileKind::kVisits, &Dataset::visits);
  check_kind(files, FileKind::kCases, &Dataset::cases);
}

void check_v2_references(std::vector<ParsedFile>& files, const StoredIds& stored,
                         const KnownIds& known) {
  auto units = product_units(files, stored);
  IdSet campaigns = ids_of(files, stored.campaigns, FileKind::kCampaigns, &Dataset::campaigns,
                           [](const Campaign& c) -> std::string_view { return c.id; });
  IdSet groups =
      ids_of(files, stored.region_groups, FileKind::kRegionGroups, &Dataset::region_groups,
             [](const RegionGroup& g) -> std::string_view { return g.id; });
  for (ParsedFile& file : files) {
    const Dataset& rows = file.rows;
    for (size_t i = 0; i < rows.product_output.size(); ++i) {
      const ProductOutput& o = rows.product_output[i];
      check_uscc(file, i, product_output_col::kUscc, o.uscc, known);
      auto unit = units.find(o.product);
      if (unit == units.end()) {
        report_unknown(file, i, product_output_col::kProduct, "product", o.product);
      } else if (i < file.stated_units.size() && !file.stated_units[i].empty() &&
                 file.stated_units[i] != unit->second) {
        report(file, i, product_output_col::kUnit,
               fmt::format("unit mismatch: \"{}\", but product {} is counted in \"{}\"",
                           shorten_for_message(file.stated_units[i]),
                           shorten_for_message(o.product), unit->second));
      }
    }
    for (size_t i = 0; i < rows.targets.size(); ++i) {
      const std::string& scope = rows.targets[i].scope;
      if (scope.empty() || known_scope(scope, groups, known)) continue;
      report(file, i, target_col::kScope,
             fmt::format("unknown scope \"{}\": a region code, region group, park, chain or all",
                         shorten_for_message(scope)));
    }
    for (size_t i = 0; i < rows.projects.size(); ++i) {
      const std::string& campaign = rows.projects[i].campaign;
      if (!campaign.empty() && !campaigns.contains(campaign)) {
        report_unknown(file, i, project_col::kCampaign, "campaign", campaign);
      }
    }
    for (size_t i = 0; i < rows.assignments.size(); ++i) {
      check_uscc(file, i, assignment_col::kUscc, rows.assignments[i].uscc, known);
    }
    for (size_t i = 0; i < rows.visits.size(); ++i) {
      check_uscc(file, i, visit_col::kUscc, rows.visits[i].uscc, known);
    }
    for (size_t i = 0; i < rows.cases.size(); ++i) {
      check_uscc(file, i, case_col::kUscc, rows.cases[i].uscc, known);
    }
  }
}

}  // namespace zhizao::detail
