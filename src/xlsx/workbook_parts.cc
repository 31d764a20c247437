// The metadata parts of a workbook: relationships (OPC, ECMA-376 Part 2, 9.3), the workbook part
// (Part 1, 18.2) and the number formats of the styles part (Part 1, 18.8), read as streams.
#include <fmt/format.h>

#include <charconv>

#include "base/text.h"
#include "xlsx/part_readers.h"

namespace zhizao::xlsx::detail {
namespace {

int parse_int_or_zero(std::string_view text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// xsd:boolean as Excel and LibreOffice write it ("1", "true"); pugixml's as_bool, as before.
bool parse_flag(std::string_view text) {
  return !text.empty() && std::string_view("1tTyY").find(text[0]) != std::string_view::npos;
}

// Copies a name from a metadata part, refusing one longer than the bound.
Status keep_name(std::string_view value, std::string_view what, const WorkbookLimits& limits,
                 std::string& out) {
  if (value.size() > limits.max_name_bytes) {
    return Status::invalid_data(fmt::format("a {} of {} bytes, more than the {} allowed: \"{}\"",
                                            what, value.size(), limits.max_name_bytes,
                                            shorten_for_message(value)));
  }
  out.assign(value);
  return Status::ok();
}

std::string rels_of(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", folder_of(part), file);
}

class RelationshipsHandler : public XmlHandler {
 public:
  RelationshipsHandler(std::string folder, const WorkbookLimits& limits)
      : folder_(std::move(folder)), limits_(limits) {}

  Status start(const XmlPath& path, const XmlAttributes& attributes) override {
    if (!path_is(path, {"Relationships", "Relationship"})) return Status::ok();
    if (attributes.get("TargetMode") == "External") return Status::ok();  // a link, not a part
    if (relationships_.size() >= limits_.max_relationships) {
      return Status::invalid_data(
          fmt::format("more than {} relationships", limits_.max_relationships));
    }
    Relationship relationship;
    std::string target;
    ZHIZAO_RETURN_IF_ERROR(
        keep_name(attributes.get("Id"), "relationship id", limits_, relationship.id));
    ZHIZAO_RETURN_IF_ERROR(
        keep_name(attributes.get("Type"), "relationship type", limits_, relationship.type));
    ZHIZAO_RETURN_IF_ERROR(
        keep_name(attributes.get("Target"), "relationship target", limits_, target));
    relationship.target = resolve_target(folder_, target);
    relationships_.push_back(std::move(relationship));
    return Status::ok();
  }

  std::vector<Relationship> take() { return std::move(relationships_); }

 private:
  std::string folder_;
  const WorkbookLimits& limits_;
  std::vector<Relationship> relationships_;
};

class WorkbookHandler : public XmlHandler {
 public:
  explicit WorkbookHandler(const WorkbookLimits& limits) : limits_(limits) {}

  Status start(const XmlPath& path, const XmlAttributes& attributes) override {
    if (path_is(path, {"workbook", "workbookPr"})) {
      workbook_.date1904 = parse_flag(attributes.get("date1904"));
      return Status::ok();
    }
    if (!path_is(path, {"workbook", "sheets", "sheet"})) return Status::ok();
    if (workbook_.sheets.size() >= limits_.max_sheets) {
      return Status::invalid_data(fmt::format("more than {} sheets", limits_.max_sheets));
    }
    SheetEntry sheet;
    ZHIZAO_RETURN_IF_ERROR(keep_name(attributes.get("name"), "sheet name", limits_, sheet.name));
    // r:id, whatever the prefix of the relationships namespace.
    ZHIZAO_RETURN_IF_ERROR(
        keep_name(attributes.namespaced("id"), "relationship id", limits_, sheet.relationship_id));
    std::string_view state = attributes.get("state");
    sheet.hidden = state == "hidden" || state == "veryHidden";
    workbook_.sheets.push_back(std::move(sheet));
    return Status::ok();
  }

  WorkbookPart take() { return std::move(workbook_); }

 private:
  const WorkbookLimits& limits_;
  WorkbookPart workbook_;
};

class StylesHandler : public XmlHandler {
 public:
  explicit StylesHandler(const WorkbookLimits& limits) : limits_(limits) {}

  Status start(const XmlPath& path, const XmlAttributes& attributes) override {
    if (path_is(path, {"styleSheet", "numFmts", "numFmt"})) {
      if (custom_.size() >= limits_.max_number_formats) {
        return Status::invalid_data(
            fmt::format("more than {} number formats", limits_.max_number_formats));
      }
      std::string code;
      ZHIZAO_RETURN_IF_ERROR(
          keep_name(attributes.get("formatCode"), "number format", limits_, code));
      custom_.emplace_back(parse_int_or_zero(attributes.get("numFmtId")), std::move(code));
    } else if (path_is(path, {"styleSheet", "cellXfs", "xf"})) {
      if (cell_formats_.size() >= limits_.max_cell_formats) {
        return Status::invalid_data(
            fmt::format("more than {} cell formats", limits_.max_cell_formats));
      }
      cell_formats_.push_back(parse_int_or_zero(attributes.get("numFmtId")));
    }
    return Status::ok();
  }

  DateStyles dates() const {
    DateStyles dates;
    dates.reserve(cell_formats_.size());
    for (int id : cell_formats_) {
      std::string_view code;
      for (const auto& [custom_id, custom_code] : custom_) {
        if (custom_id == id) code = custom_code;
      }
      dates.push_back(is_date_format(id, code));
    }
    return dates;
  }

 private:
  const WorkbookLimits& limits_;
  std::vector<std::pair<int, std::string>> custom_;
  std::vector<int> cell_formats_;  // the numFmtId of each cellXfs entry
};

}  // namespace

std::string resolve_target(std::string_view base_folder, std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  std::string path(base_folder);
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    size_t slash = path.find_last_of('/', path.size() >= 2 ? path.size() - 2 : 0);
    path = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  }
  return path + std::string(target);
}

std::string folder_of(std::string_view part) {
  size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

Result<std::vector<Relationship>> read_relationships(const ZipReader& zip, std::string_view part,
                                                     ReadBudget& budget) {
  std::string rels = rels_of(part);
  if (!zip.has(rels)) return std::vector<Relationship>();
  RelationshipsHandler handler(folder_of(part), budget.limits);
  Status parsed = parse_part(zip, rels, budget.limits, budget.unpacked, handler);
  if (!parsed.is_ok()) return fail(parsed);
  return handler.take();
}

Result<WorkbookPart> read_workbook_part(const ZipReader& zip, std::string_view part,
                                        ReadBudget& budget) {
  WorkbookHandler handler(budget.limits);
  Status parsed = parse_part(zip, part, budget.limits, budget.unpacked, handler);
  if (!parsed.is_ok()) return fail(parsed);
  return handler.take();
}

Result<DateStyles> read_date_styles(const ZipReader& zip, const std::string& part,
                                    ReadBudget& budget) {
  if (part.empty() || !zip.has(part)) return DateStyles();
  StylesHandler handler(budget.limits);
  Status parsed = parse_part(zip, part, budget.limits, budget.unpacked, handler);
  if (!parsed.is_ok()) return fail(parsed);
  return handler.dates();
}

}  // namespace zhizao::xlsx::detail
