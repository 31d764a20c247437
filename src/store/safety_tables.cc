#include "store/safety_tables.h"

namespace zhizao {

// Dates are ISO 8601 text ('' when not given), as the other v2 tables keep them. Divisions are the
// plan's 2-digit codes joined by ';'. The rows of each file are replaced by key on a new import.
const char* const kCreateSafetyTables = R"sql(
CREATE TABLE safety_plan (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  divisions TEXT NOT NULL,
  region TEXT NOT NULL,  -- '' for the whole area
  date_from TEXT NOT NULL CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  date_to TEXT NOT NULL CHECK (date_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  CHECK (date_from <= date_to)
) STRICT, WITHOUT ROWID;

CREATE TABLE safety_check (
  id TEXT NOT NULL PRIMARY KEY,
  plan TEXT NOT NULL,
  uscc TEXT NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  inspector TEXT NOT NULL,
  findings TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX safety_check_by_plan ON safety_check (plan, uscc);

CREATE TABLE safety_hazard (
  id TEXT NOT NULL PRIMARY KEY,
  check_id TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('major', 'ordinary')),
  description TEXT NOT NULL,
  found TEXT NOT NULL CHECK (found GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  deadline TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  rectified TEXT NOT NULL,
  reinspected TEXT NOT NULL,
  reinspection_result TEXT NOT NULL CHECK (reinspection_result IN ('', 'passed', 'failed')),
  proof TEXT NOT NULL  -- a file name, '' when none
) STRICT, WITHOUT ROWID;
CREATE INDEX safety_hazard_by_check ON safety_hazard (check_id);

CREATE TABLE safety_hazard_deadline (
  level TEXT NOT NULL PRIMARY KEY CHECK (level IN ('major', 'ordinary')),
  days INTEGER NOT NULL CHECK (days > 0)
) STRICT, WITHOUT ROWID;
INSERT INTO safety_hazard_deadline (level, days) VALUES ('major', 30), ('ordinary', 15);

CREATE TABLE duty_roster (
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  shift TEXT NOT NULL,
  person TEXT NOT NULL,
  phone TEXT NOT NULL,
  handover TEXT NOT NULL,
  PRIMARY KEY (date, shift, person)
) STRICT, WITHOUT ROWID;
)sql";

// kind: plan, check, hazard, roster; record_id: the row's key (roster: date|shift|person);
// revision: 1, 2, ... per row; before: '' for a new row.
const char* const kCreateSafetyRevisions = R"sql(
CREATE TABLE safety_event (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('plan', 'check', 'hazard', 'roster')),
  record_id TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision > 0),
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  note TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  UNIQUE (kind, record_id, revision)
) STRICT;

CREATE TABLE safety_proof (
  name TEXT NOT NULL PRIMARY KEY,  -- SHA-256 in hex, '.', pdf / jpg / png
  content_type TEXT NOT NULL
    CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

}  // namespace zhizao
