// Authorization: what an authenticated actor may read, submit and review (issue 4). Pure
// functions of the actor, the thing asked for and the dataset's region groups; thread-safe.
// Anything these functions cannot resolve (an unknown region or group) is denied, never allowed.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "accounts/role.h"
#include "domain/records.h"

namespace zhizao {

// Who is acting: a logged-in user's name and parsed role. (Named Principal, not Actor: the
// submission workflow, rules/submission_workflow.h, declares zhizao::Actor with a role string.)
struct Principal {
  std::string name;
  Role role;
};

// The two review steps of a submission: the county's check, then the city's.
enum class ReviewLevel { kCounty, kCity };

// True if area `inner` lies wholly within area `outer`. Both are GB/T 2260 codes of any level or
// ids of `groups` (region codes take precedence, as in the engine's scopes); an empty `outer` is
// everything. A group lies within an area when each of its members does; an area lies within a
// group when it lies within one member. Unknown codes lie within nothing.
bool area_within(std::string_view inner, std::string_view outer,
                 std::span<const RegionGroup> groups);

// True for admin and city: the unrestricted report, every enterprise, every county.
bool may_read_everything(const Principal& actor);

// Returns the scope a report for `actor` must use when `requested` was asked for (empty: none):
// admin and city get `requested` as is; a county actor gets its own area when nothing was asked,
// `requested` when it lies within its area, and std::nullopt (forbidden) otherwise; an
// enterprise actor always gets std::nullopt.
std::optional<std::string> report_scope_for(const Principal& actor, std::string_view requested,
                                            std::span<const RegionGroup> groups);

// True if `actor` may read the records of `enterprise`: admin and city always; a county actor
// when the enterprise's region lies in its area; an enterprise actor only for its own USCC.
bool may_read_enterprise(const Principal& actor, const Enterprise& enterprise,
                         std::span<const RegionGroup> groups);

// True if `actor` may submit monthly figures for `uscc`: only that enterprise's own users.
bool may_submit_for(const Principal& actor, std::string_view uscc);

// True if `actor` may review at `level` a submission of an enterprise in county `region`:
// county level: county actors whose area contains the region, and admin; city level: city and
// admin.
bool may_review(const Principal& actor, ReviewLevel level, std::string_view region,
                std::span<const RegionGroup> groups);

// True for admin: the audit log and user management.
bool may_administer(const Principal& actor);

}  // namespace zhizao
