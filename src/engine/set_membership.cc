#include "engine/set_membership.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "base/language.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "domain/region_group.h"
#include "engine/report_sets.h"
#include "engine/scoped_enterprises.h"

namespace zhizao::detail {
namespace {

constexpr Section kSections[] = {Section::kMining, Section::kManufacturing, Section::kUtilities};
constexpr const char* kSectionCodes[] = {"B", "C", "D"};

std::size_t section_slot(Section section) { return static_cast<std::size_t>(section); }

std::string region_name(const std::string& code) {
  const Region* region = find_region(code);
  return region != nullptr ? std::string(region->name) : code;
}

// Numbers the distinct codes of one family as they are met (one hash per member, as the sets
// were found before), then renumbers them in code order, the order the report lists them in.
class CodeSlots {
 public:
  std::uint32_t provisional(std::string_view code) {
    // Enterprises come in USCC order, whose characters 3–8 are the registering authority's
    // region: a member's county is mostly its predecessor's (94 % of a national file), and one
    // comparison answers it without hashing. The slot is the same either way.
    if (!codes_.empty() && code == last_code_) return last_slot_;
    auto [found, added] = slots_.try_emplace(code, static_cast<std::uint32_t>(codes_.size()));
    if (added) codes_.push_back(code);
    last_code_ = code;
    last_slot_ = found->second;
    return last_slot_;
  }

  // Returns the codes in order and sets `final_slot[provisional] = slot in that order`.
  std::vector<std::string> in_code_order(std::vector<std::uint32_t>& final_slot) const {
    std::vector<std::uint32_t> order(codes_.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return codes_[a] < codes_[b]; });
    final_slot.assign(codes_.size(), 0);
    std::vector<std::string> codes;
    codes.reserve(codes_.size());
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
      final_slot[order[rank]] = rank;
      codes.emplace_back(codes_[order[rank]]);
    }
    return codes;
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> slots_;
  std::vector<std::string_view> codes_;  // by provisional slot
  std::string_view last_code_;           // the code last asked for and its slot
  std::uint32_t last_slot_ = 0;
};

template <typename Slot>
void renumber(std::vector<Slot>& slots, const std::vector<std::uint32_t>& final_slot) {
  for (Slot& slot : slots) {
    if (slot >= 0) slot = static_cast<Slot>(final_slot[static_cast<std::size_t>(slot)]);
  }
}

// The slot of each code of `codes` (sorted) among `sorted`, codes derived from another family.
std::vector<std::int32_t> slots_among(const std::vector<std::string>& derived,
                                      const std::vector<std::string>& sorted) {
  std::vector<std::int32_t> slots;
  for (const std::string& code : derived) {
    auto found = std::lower_bound(sorted.begin(), sorted.end(), code);
    slots.push_back(static_cast<std::int32_t>(found - sorted.begin()));
  }
  return slots;
}

std::vector<SetFigures> in_code_order(const std::vector<SetAccumulator>& sets,
                                      const std::vector<std::string>& codes,
                                      std::string (*name_of)(const std::string&)) {
  std::vector<SetFigures> figures;
  figures.reserve(sets.size());
  for (std::size_t s = 0; s < sets.size(); ++s)
    figures.push_back(sets[s].figures(codes[s], name_of(codes[s])));
  return figures;
}

// Parks or chains: those of the data table first, in its order, then unknown ids by id.
template <typename Entry>
std::vector<SetFigures> in_data_order(const std::vector<SetAccumulator>& sets,
                                      const std::vector<std::string>& ids,
                                      const std::vector<Entry>& table) {
  std::vector<SetFigures> figures;
  std::vector<bool> listed(ids.size(), false);
  for (const Entry& entry : table) {
    auto found = std::lower_bound(ids.begin(), ids.end(), entry.id);
    if (found == ids.end() || *found != entry.id) continue;
    auto slot = static_cast<std::size_t>(found - ids.begin());
    if (listed[slot]) continue;
    listed[slot] = true;
    figures.push_back(sets[slot].figures(entry.id, entry.name));
  }
  for (std::size_t slot = 0; slot < ids.size(); ++slot) {
    if (!listed[slot]) figures.push_back(sets[slot].figures(ids[slot], ids[slot]));
  }
  return figures;
}

}  // namespace

SetMembership::SetMembership(const IndexedDataset& data, const std::vector<std::size_t>& members)
    : data_(data) {
  // The industry families (divisions, parks, chains) and the counties are numbered
  // independently, so from kParallelFrom members the counties are found on a second thread.
  auto number_counties = [&] {
    CodeSlots counties;
    county_of_.reserve(members.size());
    for (std::size_t enterprise : members) {
      county_of_.push_back(counties.provisional(data.enterprises()[enterprise].region));
    }
    std::vector<std::uint32_t> final_slot;
    counties_ = counties.in_code_order(final_slot);
    renumber(county_of_, final_slot);
  };
  std::optional<std::jthread> second;
  if (members.size() >= kParallelFrom && std::thread::hardware_concurrency() > 1) {
    second.emplace(number_counties);
  } else {
    number_counties();
  }
  CodeSlots divisions, parks, chains;
  division_of_.reserve(members.size());
  park_of_.reserve(members.size());
  chain_from_.reserve(members.size() + 1);
  for (std::size_t enterprise : members) {
    const Enterprise& e = data.enterprises()[enterprise];
    division_of_.push_back(divisions.provisional(e.division));
    park_of_.push_back(e.park.empty() ? kNone
                                      : static_cast<std::int32_t>(parks.provisional(e.park)));
    chain_from_.push_back(static_cast<std::uint32_t>(chain_slots_.size()));
    for (const std::string& chain : e.chains) chain_slots_.push_back(chains.provisional(chain));
  }
  chain_from_.push_back(static_cast<std::uint32_t>(chain_slots_.size()));

  std::vector<std::uint32_t> final_slot;
  divisions_ = divisions.in_code_order(final_slot);
  renumber(division_of_, final_slot);
  parks_ = parks.in_code_order(final_slot);
  renumber(park_of_, final_slot);
  chains_ = chains.in_code_order(final_slot);
  renumber(chain_slots_, final_slot);
  second.reset();  // joins: the counties are numbered

  for (const std::string& code : divisions_) {
    section_of_division_.push_back(find_division(code) != nullptr
                                       ? static_cast<std::int32_t>(section_slot(section_of(code)))
                                       : kNone);
    manufacturing_division_.push_back(is_manufacturing(code));
  }
  std::map<std::string, bool> cities, provinces;
  std::vector<std::string> city_codes, province_codes;
  for (const std::string& county : counties_) {
    city_codes.push_back(city_code_of(county));
    province_codes.push_back(province_code_of(county));
    cities[city_codes.back()] = true;
    provinces[province_codes.back()] = true;
    std::vector<std::uint32_t> groups;
    for (std::size_t g = 0; g < data.dataset().region_groups.size(); ++g) {
      if (group_contains(data.dataset().region_groups[g], county)) {
        groups.push_back(static_cast<std::uint32_t>(g));
      }
    }
    groups_of_county_.push_back(std::move(groups));
  }
  for (const auto& [code, unused] : cities) cities_.push_back(code);
  for (const auto& [code, unused] : provinces) provinces_.push_back(code);
  city_of_county_ = slots_among(city_codes, cities_);
  province_of_county_ = slots_among(province_codes, provinces_);
}

ReportSetSums::ReportSetSums(const SetMembership& membership, SetFamilies families)
    : membership_(membership),
      families_(families),
      divisions_(membership.divisions_.size()),
      counties_(membership.counties_.size()),
      cities_(membership.cities_.size()),
      provinces_(membership.provinces_.size()),
      parks_(membership.parks_.size()),
      chains_(membership.chains_.size()),
      groups_(membership.data_.dataset().region_groups.size()) {}

void ReportSetSums::add_to_industry_sets(std::size_t position, const EnterpriseFigures& figures) {
  const SetMembership& m = membership_;
  std::uint32_t division = m.division_of_[position];
  industry_.add(figures);
  if (families_.has(SetFamily::kManufacturingAndSections)) {
    if (m.manufacturing_division_[division]) manufacturing_.add(figures);
    if (std::int32_t section = m.section_of_division_[division]; section != SetMembership::kNone) {
      sections_[section].add(figures);
    }
  }
  if (families_.has(SetFamily::kDivisions)) divisions_[division].add(figures);
  if (std::int32_t park = m.park_of_[position];
      park != SetMembership::kNone && families_.has(SetFamily::kParks)) {
    parks_[static_cast<std::size_t>(park)].add(figures);
  }
  if (families_.has(SetFamily::kChains)) {
    for (std::uint32_t c = m.chain_from_[position]; c < m.chain_from_[position + 1]; ++c) {
      chains_[m.chain_slots_[c]].add(figures);
    }
  }
}

void ReportSetSums::add_to_regional_sets(std::size_t position, const EnterpriseFigures& figures) {
  const SetMembership& m = membership_;
  std::uint32_t county = m.county_of_[position];
  if (families_.has(SetFamily::kRegions)) counties_[county].add(figures);
  if (families_.has(SetFamily::kCities)) {
    cities_[static_cast<std::size_t>(m.city_of_county_[county])].add(figures);
  }
  if (families_.has(SetFamily::kProvinces)) {
    provinces_[static_cast<std::size_t>(m.province_of_county_[county])].add(figures);
  }
  if (families_.has(SetFamily::kRegionGroups)) {
    for (std::uint32_t g : m.groups_of_county_[county]) groups_[g].add(figures);
  }
}

void ReportSetSums::fill(ReportData& report) const {
  const SetMembership& m = membership_;
  const Dataset& dataset = m.data_.dataset();
  report.industry = industry_.figures(kIndustryCode, "工业");
  if (families_.has(SetFamily::kManufacturingAndSections)) {
    report.manufacturing = manufacturing_.figures(
        kManufacturingCode, std::string(section_name(Section::kManufacturing, Language::kZh)));
    for (std::size_t s = 0; s < 3; ++s) {
      report.sections.push_back(sections_[section_slot(kSections[s])].figures(
          kSectionCodes[s], std::string(section_name(kSections[s], Language::kZh))));
    }
  }
  if (families_.has(SetFamily::kDivisions)) {
    report.divisions = in_code_order(divisions_, m.divisions_, [](const std::string& code) {
      return std::string(division_name(code, Language::kZh));
    });
  }
  if (families_.has(SetFamily::kRegions)) {
    report.regions = in_code_order(counties_, m.counties_, region_name);
  }
  if (families_.has(SetFamily::kCities)) {
    report.cities = in_code_order(cities_, m.cities_, region_name);
  }
  if (families_.has(SetFamily::kProvinces)) {
    report.provinces = in_code_order(provinces_, m.provinces_, region_name);
  }
  if (families_.has(SetFamily::kRegionGroups)) {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const RegionGroup& group = dataset.region_groups[g];
      report.region_groups.push_back(groups_[g].figures(group.id, group.name));
    }
  }
  if (families_.has(SetFamily::kParks)) {
    report.parks = in_data_order(parks_, m.parks_, dataset.parks);
  }
  if (families_.has(SetFamily::kChains)) {
    report.chains = in_data_order(chains_, m.chains_, dataset.chains);
  }
}

}  // namespace zhizao::detail
