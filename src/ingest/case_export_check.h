// Whether the stored cases can be written as the contract's cases.csv (data contract, v2 "Input
// files": `cases.csv | id*, uscc*, raised*, category*, department*, deadline*, …`). A case raised
// through the API may have no department yet (state raised, before it is assigned); the contract
// requires one in every row, has no case state, and names no rule that would give a department
// by category or enterprise, so such a case cannot be written without inventing an assignment
// that would also move the per-department figures. The exports of the contract's files (CSV and
// workbook) refuse it, naming every such case, rather than write a file their own import refuses
// (the register workbook for people lists it, department empty). Pure function, thread-safe.
#pragma once

#include "base/status.h"
#include "domain/dataset.h"

namespace zhizao {

// The most cases a refusal lists one by one (then "and N more").
inline constexpr int kMaxListedCasesWithoutDepartment = 20;

// Returns ok when every case of `dataset` has a department. Otherwise kInvalidData: "cases.csv
// needs a department ... : ID (USCC, raised YYYY-MM-DD), …", in id order, at most
// kMaxListedCasesWithoutDepartment of them named.
Status check_cases_have_department(const Dataset& dataset);

}  // namespace zhizao
