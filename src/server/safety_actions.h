// The changes of the flood-season safety registers through the API (issue 14; docs/api.md
// "Safety"): a plan, a check with its findings, a hazard with its level and deadline, the proof
// of rectification (a file), the rectification and the re-inspection. Who may do what is
// safety_access.h's; every change is one revision with its audit row in one transaction
// (safety/safety_revisions.h), made only while the row is still as it was read (409 otherwise).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "safety/proof_file.h"
#include "server/safety_access.h"

namespace zhizao::server {

// POST /api/safety/plans {"id", "name", "kind", "divisions": ["08", ...], "region" (optional),
// "from", "to"}: admin and city. 409 when the id exists.
SafetyResult<nlohmann::ordered_json> create_plan(Database& db, const SafetyActor& actor,
                                                 const nlohmann::json& body);

// POST /api/safety/checks {"plan", "uscc", "date" (not after today; default today),
// "inspector", "findings" (optional)}: the bureau in the enterprise's scope. The id is
// JC<date>-NNN.
SafetyResult<nlohmann::ordered_json> record_check(Database& db, const SafetyActor& actor,
                                                  const nlohmann::json& body);

// POST /api/safety/hazards {"check", "level" (major/ordinary or 重大/一般), "description",
// "found" (not before the check, not after today; default today), "deadline" (optional: found +
// the level's days of safety_hazard_deadline)}: the bureau in the check's enterprise's scope. The
// id is YH<found>-NNN.
SafetyResult<nlohmann::ordered_json> record_hazard(Database& db, const SafetyActor& actor,
                                                   const nlohmann::json& body);

// POST /api/safety/hazards/ID/rectify {"rectified" (default today), "note"}: the bureau; the
// hazard must have a proof file and be open (or have failed its re-inspection), else 409.
SafetyResult<nlohmann::ordered_json> rectify_hazard(Database& db, const SafetyActor& actor,
                                                    const std::string& id,
                                                    const nlohmann::json& body);

// POST /api/safety/hazards/ID/reinspect {"result": "passed"/"failed", "date" (default today),
// "note"}: the bureau; the hazard must be rectified and not re-inspected since, else 409.
SafetyResult<nlohmann::ordered_json> reinspect_hazard(Database& db, const SafetyActor& actor,
                                                      const std::string& id,
                                                      const nlohmann::json& body);

// POST /api/safety/hazards/ID/proof with the file as the body and its Content-Type: the bureau in
// scope or the hazard's own enterprise, while the hazard is not closed (409). 413 beyond
// kMaxProofBytes, 415 for a type other than PDF, JPEG or PNG or one its first bytes contradict.
// The file is stored in `folder` under its SHA-256 name and becomes the hazard's proof.
SafetyResult<nlohmann::ordered_json> upload_proof(Database& db, const SafetyActor& actor,
                                                  const ProofFolder& folder, const std::string& id,
                                                  std::string_view bytes,
                                                  std::string_view content_type);

struct ProofDownload {
  std::string name;
  ProofType type = ProofType::kPdf;
  std::string bytes;
};

// GET /api/safety/hazards/ID/proof: the stored proof file, for those who see the hazard. 404
// when the hazard has no proof file stored through the API (a name from an imported file only).
SafetyResult<ProofDownload> download_proof(Database& db, const SafetyActor& actor,
                                           const ProofFolder& folder, const std::string& id);

}  // namespace zhizao::server
