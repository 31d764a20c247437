// GET /api/service/export?register=assignments|visits|cases (issue 14; docs/api.md "Enterprise
// service"): the register as the bureau keeps it — an .xlsx of one sheet in the columns of
// assignments.csv, visits.csv or cases.csv (ingest/register_export.h), which `zhizao import` and
// the upload read back as the same rows. Only the rows the caller may read (as GET
// /api/assignments and /api/visits: admin and city all, a county its area, an enterprise its own;
// cases by their enterprise likewise), imported rows and those kept through the API alike.
#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "ingest/register_export.h"
#include "server/api_context.h"
#include "server/case_actions.h"
#include "server/content_disposition.h"
#include "server/http_support.h"
#include "server/service_register_access.h"
#include "store/service_register_store.h"

namespace zhizao::server {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The register's rows the caller may read, in a Dataset of that table alone.
Result<Dataset> readable_rows(Database& db, const RegisterAccess& access,
                              const std::string& register_name) {
  ServiceRegisterStore store(db);
  Dataset dataset;
  if (register_name == "assignments") {
    Result<std::vector<Assignment>> rows = store.assignments();
    if (!rows) return fail(rows.error());
    for (Assignment& row : *rows) {
      if (access.reads(row.uscc)) dataset.assignments.push_back(std::move(row));
    }
  } else if (register_name == "visits") {
    Result<std::vector<Visit>> rows = store.visits();
    if (!rows) return fail(rows.error());
    for (Visit& row : *rows) {
      if (access.reads(row.uscc)) dataset.visits.push_back(std::move(row));
    }
  } else {
    Result<std::vector<ServiceCase>> rows = store.cases();
    if (!rows) return fail(rows.error());
    for (ServiceCase& row : *rows) {
      if (access.reads(row.uscc)) dataset.cases.push_back(std::move(row));
    }
  }
  return dataset;
}

// The workbook's bytes: libxlsxwriter writes a file, so it goes to a private temporary folder
// that is removed afterwards (as the documents' xlsx, server/document_routes.cc).
Result<std::string> workbook_bytes(const Dataset& dataset, const std::string& register_name) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path base = fs::temp_directory_path(error);
  if (error) return fail(Status::io_error("no temporary folder: " + error.message()));
  std::string pattern = (base / "zhizao-register-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return fail(Status::io_error("cannot create a temporary folder under " + base.string()));
  }
  fs::path dir(pattern);
  fs::path file = dir / "register.xlsx";
  Result<std::string> bytes = fail(Status::io_error("the workbook was not written"));
  if (Status written = export_register_workbook(dataset, register_name, file.string());
      !written.is_ok()) {
    bytes = fail(written);
  } else if (std::ifstream in(file, std::ios::binary); in) {
    bytes = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  fs::remove_all(dir, error);
  return bytes;
}

// The register's Chinese name, as the sheet and the file are named.
const char* register_title(const std::string& register_name) {
  if (register_name == "assignments") return "包联";
  if (register_name == "visits") return "走访记录";
  return "企业诉求";
}

void get_register_export(ApiCall& call, const std::string& db_path) {
  const std::string register_name = query_param(call.req, "register").value_or("");
  if (register_name != "assignments" && register_name != "visits" && register_name != "cases") {
    send_error(call.res, 400, "bad_request", "register is assignments, visits or cases");
    return;
  }
  std::optional<RegisterAccess> access = register_access(call, db_path);
  if (!access) return;
  Result<Dataset> rows = readable_rows(call.db, *access, register_name);
  if (!rows) {
    send_status(call.res, rows.error());
    return;
  }
  Result<std::string> bytes = workbook_bytes(*rows, register_name);
  if (!bytes) {
    send_status(call.res, bytes.error());
    return;
  }
  const std::string today = china_today().to_string();
  call.res.status = 200;
  call.res.set_content(*std::move(bytes), kXlsxType);
  call.res.set_header(
      "Content-Disposition",
      attachment_disposition(fmt::format("zhizao-{}-{}.xlsx", register_name, today),
                             fmt::format("{}-{}.xlsx", register_title(register_name), today)));
}

}  // namespace

void add_service_export_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/service/export", authenticated(config, [&config](ApiCall& call) {
               get_register_export(call, config.db_path);
             }));
}

}  // namespace zhizao::server
