// Who may read and change which enterprise's service registers (assignments, visits; issue 14),
// as the platform scopes (accounts/authorization.h): admin and city every enterprise; a county
// user the enterprises whose county lies in its area; an enterprise user reads its own and
// changes nothing. Used by server/service_register_routes.cc.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "columnar/report_input.h"
#include "server/api_context.h"

namespace zhizao::server {

// The caller and the enterprises (code → name, county) of one request: those of the served
// snapshot (server/served_input.h), looked up by code, so that a request does not read every
// enterprise from SQLite. Answers for one request.
class RegisterAccess {
 public:
  RegisterAccess(Principal actor, ReportInput input);

  // Whether the caller may read the registers' rows of `uscc` (admin and city also those of codes
  // not in enterprises.csv).
  bool reads(const std::string& uscc) const;
  // Whether the caller may change them (enterprise users never; only known enterprises).
  bool writes(const std::string& uscc) const;

  // The enterprise's name and county, "" when it is not in enterprises.csv.
  std::string name_of(const std::string& uscc) const;
  std::string region_of(const std::string& uscc) const;

  // For a `uscc=` filter: true when the caller may read it; otherwise answers 404 (admin and
  // city, the enterprise is unknown) or 403, and returns false.
  bool may_read_enterprise_query(ApiCall& call, const std::string& uscc) const;
  // For a write: false after answering 403 to an enterprise user.
  bool may_write_at_all(ApiCall& call) const;
  // For a write on `uscc`: false after answering 404 (admin and city, unknown enterprise) or 403.
  bool may_write_enterprise(ApiCall& call, const std::string& uscc) const;

 private:
  const Enterprise* find(const std::string& uscc) const;
  bool in_area(const std::string& uscc) const;

  Principal actor_;
  ReportInput input_;  // its enterprises and region groups
};

// What RegisterAccess needs for `call` on the database at `db_path`: the current snapshot's
// (served_input; never stale). Answers 500 and returns nullopt when it cannot be read.
std::optional<RegisterAccess> register_access(ApiCall& call, const std::string& db_path);

}  // namespace zhizao::server
