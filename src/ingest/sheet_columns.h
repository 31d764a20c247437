// What the workbook side of ingest knows about each kind's columns beyond their names: how a
// cell of the column is read (a code, a period, money, ...), its Chinese sheet and header names
// for templates and exports, and how a sheet's name tells its kind.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/column_schema.h"
#include "ingest/file_kind.h"

namespace zhizao::detail {

enum class ColumnRole {
  kText,          // ids, names, codes kept as written (a number cell in its plain form)
  kIndustryCode,  // GB/T 4754 code: a number cell gets back its leading zero (6 → "06")
  kPeriod,        // a date cell gives "YYYY-MM"
  kDate,          // a date cell gives "YYYY-MM-DD"
  kYear,          // a date cell gives its year
  kFlag,          // 0/1; TRUE/FALSE cells give 1/0
  kMoney,         // 万元 in the contract; a units row or header unit converts
  kElectricity,   // 万千瓦时 in the contract
  kNumber,        // a plain number (ppi, ratio)
};

// Returns how cells of `column` (an index of columns_of(kind)) are read.
ColumnRole column_role(FileKind kind, int column);

// Returns the Chinese name of the kind used for sheets: "月报", "企业名录", "价格指数", ...
std::string_view sheet_name_of(FileKind kind);

// Returns the Chinese header of a column (its first alias): "统一社会信用代码", "工业总产值".
std::string_view chinese_header(FileKind kind, int column);

// Returns the kinds a sheet name may hold, best first: an exact English stem or Chinese name
// (企业名录/企业, 月报/月度数据, 价格指数, 增加值率, 园区, 产业链, 项目, 项目进度, ...) first, then
// the kinds whose Chinese name the sheet name contains, longest name first. Empty when none.
std::vector<FileKind> kinds_from_sheet_name(std::string_view sheet_name);

// True when `header` (already normalised) names a column of `kind`; `column` gets its index.
bool match_column(FileKind kind, std::string_view normalised, int& column);

}  // namespace zhizao::detail
