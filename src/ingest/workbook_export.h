// The data contract's files as one Excel workbook (a sheet per file kind, Chinese headers with
// units, numbers as numbers), and blank import templates; both read back by the importer.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/dataset.h"

namespace zhizao {

// Writes `dataset` to the .xlsx file `path`: sheets 产业链, 园区, 企业名录, 月报, 价格指数,
// 增加值率, 项目, 项目进度 (and 区域分组 when groups other than the default exist, and a sheet for
// each v2 kind with rows: 攻坚行动, 产品目录, 产品产量, 发展目标, 包联, 走访记录, 企业诉求), each
// with a frozen header row of the contract's Chinese column names (money "(万元)", electricity
// "(万千瓦时)"), codes and periods as text, amounts as numbers, project dates as dates, and columns
// wide enough for their Chinese text. Importing it into an empty database gives back the same
// Dataset. Errors: kIoError when the file cannot be written.
Status export_contract_workbook(const Dataset& dataset, const std::string& path);

// The kinds a template can be written for: every kind the importer knows, by its stem
// ("monthly", "enterprises", ..., "product_output", "cases") and "all" (one workbook with a
// sheet per kind).
std::string_view template_kinds_help();

// Writes a blank import template for `kind` to the .xlsx file `path`: a title row, the header
// of Chinese column names (English names and what each holds in cell notes), a units row
// (万元, 万千瓦时) for kinds with amounts, and one sample row. The sample rows of all kinds fit
// together: the "all" workbook imports cleanly into an empty database, and so does each kind's
// alone except those naming the sample enterprise (monthly, electricity_daily, product_output,
// assignments, visits, cases), product (product_output) or project (project_progress).
// Errors: kUsage for an unknown kind; kIoError when the file cannot be written.
Status write_import_template(std::string_view kind, const std::string& path);

}  // namespace zhizao
