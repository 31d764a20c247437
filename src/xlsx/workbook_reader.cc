// read_workbook: the parts of a SpreadsheetML package that carry values (ECMA-376 Part 1,
// 18.2 workbook, 18.3 worksheets, 18.4 shared strings, 18.8 styles), read with pugixml.
#include <fmt/format.h>

#include <charconv>
#include <pugixml.hpp>

#include "xlsx/workbook.h"
#include "xlsx/xml_text.h"
#include "xlsx/zip_reader.h"

namespace zhizao::xlsx {
namespace {

// Per cellXfs index: whether that style shows a date.
using DateStyles = std::vector<bool>;

Result<pugi::xml_document> load_part(const ZipReader& zip, const std::string& name) {
  Result<std::string> bytes = zip.read(name);
  if (!bytes) {
    return fail(
        Status::invalid_data(fmt::format("not an XLSX workbook: {}", bytes.error().message())));
  }
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(bytes->data(), bytes->size());
  if (!parsed) {
    return fail(Status::invalid_data(fmt::format("malformed XML in {} at byte {}: {}", name,
                                                 parsed.offset, parsed.description())));
  }
  return doc;
}

// Resolves a relationship target against the folder of the part that holds it ("xl/").
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

// The workbook part named by the package relationships, xl/workbook.xml by default.
std::string workbook_part(const ZipReader& zip) {
  Result<std::string> rels = zip.read("_rels/.rels");
  if (rels) {
    pugi::xml_document doc;
    if (doc.load_buffer(rels->data(), rels->size())) {
      for (pugi::xml_node rel : doc.child("Relationships").children("Relationship")) {
        if (std::string_view(rel.attribute("Type").value()).ends_with("/officeDocument")) {
          return resolve_target("", rel.attribute("Target").value());
        }
      }
    }
  }
  return "xl/workbook.xml";
}

std::string folder_of(std::string_view part) {
  size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string rels_of(std::string_view part) {
  return fmt::format("{}_rels/{}.rels", folder_of(part), part.substr(part.rfind('/') + 1));
}

// The text of a string item (<si> or <is>): its <t>, or its rich text runs <r><t> joined;
// phonetic runs <rPh> are left out.
std::string string_item_text(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node child : item.children()) {
    std::string_view name = child.name();
    if (name == "t") {
      text += child.text().get();
    } else if (name == "r") {
      text += child.child("t").text().get();
    }
  }
  return unescape_ooxml(text);
}

Result<std::vector<std::string>> read_shared_strings(const ZipReader& zip,
                                                     const std::string& part) {
  std::vector<std::string> strings;
  if (part.empty() || !zip.has(part)) return strings;
  Result<pugi::xml_document> doc = load_part(zip, part);
  if (!doc) return fail(doc.error());
  for (pugi::xml_node si : doc->child("sst").children("si")) {
    strings.push_back(string_item_text(si));
  }
  return strings;
}

Result<DateStyles> read_date_styles(const ZipReader& zip, const std::string& part) {
  DateStyles dates;
  if (part.empty() || !zip.has(part)) return dates;
  Result<pugi::xml_document> doc = load_part(zip, part);
  if (!doc) return fail(doc.error());
  pugi::xml_node style_sheet = doc->child("styleSheet");
  std::vector<std::pair<int, std::string>> custom;
  for (pugi::xml_node fmt : style_sheet.child("numFmts").children("numFmt")) {
    custom.emplace_back(fmt.attribute("numFmtId").as_int(), fmt.attribute("formatCode").value());
  }
  for (pugi::xml_node xf : style_sheet.child("cellXfs").children("xf")) {
    int id = xf.attribute("numFmtId").as_int();
    std::string_view code;
    for (const auto& [custom_id, custom_code] : custom) {
      if (custom_id == id) code = custom_code;
    }
    dates.push_back(is_date_format(id, code));
  }
  return dates;
}

bool parse_double(std::string_view text, double& value) {
  text = text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

// Fills `cell` from a <c> element. Returns false when the cell holds no value.
Status read_cell(pugi::xml_node c, const std::vector<std::string>& shared, const DateStyles& dates,
                 Cell& cell, bool& has_value) {
  std::string_view type = c.attribute("t").value();
  pugi::xml_node v = c.child("v");
  std::string where = cell_reference(cell.row, cell.column);
  has_value = true;
  if (type == "s") {
    size_t index = v.text().as_ullong(shared.size());
    if (index >= shared.size()) {
      return Status::invalid_data(fmt::format("{}: no shared string {}", where, v.text().get()));
    }
    cell.type = CellType::kText;
    cell.text = shared[index];
  } else if (type == "inlineStr") {
    cell.type = CellType::kText;
    cell.text = string_item_text(c.child("is"));
  } else if (type == "str" || type == "d") {  // a formula's string result; an ISO 8601 date
    cell.type = CellType::kText;
    cell.text = unescape_ooxml(v.text().get());
    if (type == "d") cell.text = cell.text.substr(0, cell.text.find('T'));
  } else if (type == "e") {
    cell.type = CellType::kError;
    cell.text = v.text().get();
  } else if (type == "b") {
    cell.type = CellType::kBoolean;
    cell.number = std::string_view(v.text().get()) == "1" ? 1 : 0;
    has_value = !v.empty();
  } else {  // "n" or absent
    if (v.empty() || std::string_view(v.text().get()).empty()) {
      has_value = false;
      return Status::ok();
    }
    cell.type = CellType::kNumber;
    if (!parse_double(v.text().get(), cell.number)) {
      return Status::invalid_data(fmt::format("{}: malformed number {}", where, v.text().get()));
    }
    size_t style = c.attribute("s").as_uint(0);
    cell.date = style < dates.size() && dates[style];
  }
  return Status::ok();
}

Status read_merges(pugi::xml_node worksheet, Sheet& sheet) {
  for (pugi::xml_node merge : worksheet.child("mergeCells").children("mergeCell")) {
    std::string_view ref = merge.attribute("ref").value();
    size_t colon = ref.find(':');
    MergedRange range;
    bool ok = parse_cell_reference(ref.substr(0, colon), range.first_row, range.first_column);
    if (colon == std::string_view::npos) {
      range.last_row = range.first_row;
      range.last_column = range.first_column;
    } else {
      ok = ok && parse_cell_reference(ref.substr(colon + 1), range.last_row, range.last_column);
    }
    if (!ok) return Status::invalid_data(fmt::format("malformed merged range \"{}\"", ref));
    sheet.merges.push_back(range);
  }
  return Status::ok();
}

Status read_sheet(const ZipReader& zip, const std::string& part,
                  const std::vector<std::string>& shared, const DateStyles& dates, Sheet& sheet) {
  Result<pugi::xml_document> doc = load_part(zip, part);
  if (!doc) return doc.error();
  pugi::xml_node worksheet = doc->child("worksheet");
  int row_number = 0;
  for (pugi::xml_node row : worksheet.child("sheetData").children("row")) {
    row_number = row.attribute("r").as_int(row_number + 1);
    int column = 0;
    for (pugi::xml_node c : row.children("c")) {
      Cell cell;
      cell.row = row_number;
      cell.column = column + 1;
      if (pugi::xml_attribute r = c.attribute("r")) {
        int ref_row = 0;
        if (!parse_cell_reference(r.value(), ref_row, cell.column)) {
          return Status::invalid_data(fmt::format("malformed cell reference \"{}\"", r.value()));
        }
        cell.row = ref_row;
      }
      column = cell.column;
      bool has_value = false;
      ZHIZAO_RETURN_IF_ERROR(read_cell(c, shared, dates, cell, has_value));
      if (has_value && !(cell.type == CellType::kText && cell.text.empty())) {
        sheet.cells.push_back(std::move(cell));
      }
    }
  }
  return read_merges(worksheet, sheet);
}

}  // namespace

Result<Workbook> read_workbook(std::string_view bytes) {
  Result<ZipReader> zip = ZipReader::open(bytes);
  if (!zip) return fail(zip.error());
  std::string part = workbook_part(*zip);
  if (!zip->has(part)) {
    return fail(Status::invalid_data(fmt::format("not an XLSX workbook: no {}", part)));
  }
  Result<pugi::xml_document> workbook_doc = load_part(*zip, part);
  if (!workbook_doc) return fail(workbook_doc.error());
  Result<pugi::xml_document> rels_doc = load_part(*zip, rels_of(part));
  if (!rels_doc) return fail(rels_doc.error());

  std::string folder = folder_of(part);
  std::vector<std::pair<std::string, std::string>> targets;  // id → part
  std::string shared_part;
  std::string styles_part;
  for (pugi::xml_node rel : rels_doc->child("Relationships").children("Relationship")) {
    std::string_view type = rel.attribute("Type").value();
    std::string target = resolve_target(folder, rel.attribute("Target").value());
    if (type.ends_with("/sharedStrings")) shared_part = target;
    if (type.ends_with("/styles")) styles_part = target;
    if (type.ends_with("/worksheet")) targets.emplace_back(rel.attribute("Id").value(), target);
  }
  Result<std::vector<std::string>> shared = read_shared_strings(*zip, shared_part);
  if (!shared) return fail(shared.error());
  Result<DateStyles> dates = read_date_styles(*zip, styles_part);
  if (!dates) return fail(dates.error());

  Workbook workbook;
  pugi::xml_node root = workbook_doc->child("workbook");
  workbook.date1904 = root.child("workbookPr").attribute("date1904").as_bool(false);
  for (pugi::xml_node node : root.child("sheets").children("sheet")) {
    std::string_view id;  // r:id, whatever the prefix of the relationships namespace
    for (pugi::xml_attribute attribute : node.attributes()) {
      if (std::string_view(attribute.name()).ends_with(":id")) id = attribute.value();
    }
    const std::string* target = nullptr;
    for (const auto& [rel_id, rel_target] : targets) {
      if (rel_id == id) target = &rel_target;
    }
    if (target == nullptr) continue;  // a chart sheet or a dialog sheet: no cells
    Sheet sheet;
    sheet.name = node.attribute("name").value();
    std::string_view state = node.attribute("state").value();
    sheet.hidden = state == "hidden" || state == "veryHidden";
    Status read = read_sheet(*zip, *target, *shared, *dates, sheet);
    if (!read.is_ok()) {
      return fail(Status::invalid_data(fmt::format("sheet {}: {}", sheet.name, read.message())));
    }
    workbook.sheets.push_back(std::move(sheet));
  }
  return workbook;
}

}  // namespace zhizao::xlsx
