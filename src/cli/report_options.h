// Options shared by the commands that compute a report (report, explain): the database, the
// period and its window, the scope, the language, the format and the output file.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "base/language.h"
#include "base/result.h"
#include "columnar/report_input.h"
#include "document/office_report.h"
#include "domain/dataset.h"
#include "engine/engine.h"
#include "report/render.h"

namespace zhizao {

// Whether a command offers the office formats (xlsx, docx, html) besides text, markdown, json.
enum class OfficeFormats { kExcluded, kIncluded };

struct ReportOptions {
  std::string db;
  std::string period;
  bool monthly = false;
  bool json = false;
  std::string format = "text";
  std::string lang = "zh";
  std::string scope;
  std::string output;
  bool no_snapshot = false;  // read every record from SQLite, not the columnar snapshot

  // Adds the options to `cmd`; `office` adds xlsx, docx and html to --format's choices.
  void add_to(CLI::App* cmd, OfficeFormats office = OfficeFormats::kExcluded);
  // Returns the engine request. Errors: kUsage for a malformed period.
  Result<ReportRequest> request() const;
  ReportFormat report_format() const;
  // The office format asked for, or nullopt for text, markdown and json (also when --json).
  std::optional<OfficeFormat> office_format() const;
  Language language() const { return lang == "en" ? Language::kEn : Language::kZh; }
};

// Opens the existing database at `path` and returns what its reports compute from: the columnar
// snapshot beside it (rebuilt when stale), or with `no_snapshot` every record loaded.
// Errors: kNotFound when there is no database; kIoError, kCorruption.
Result<ReportInput> open_report_input(const std::string& path, bool no_snapshot);

// Opens the existing database at `path` and loads every record.
// Errors: kNotFound when there is no database; kIoError, kCorruption.
Result<Dataset> load_dataset(const std::string& path);

// Writes `text` to `output`, or to standard output when it is empty. Errors: kIoError.
Status write_output(const std::string& output, const std::string& text);

}  // namespace zhizao
