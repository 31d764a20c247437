// A worksheet part (ECMA-376 Part 1, 18.3): its cells and merged ranges, read as a stream and
// kept within the budget of the workbook (cells, text, merged ranges).
#include <fmt/format.h>

#include <charconv>

#include "base/text.h"
#include "xlsx/part_readers.h"
#include "xlsx/xml_text.h"

namespace zhizao::xlsx::detail {
namespace {

// SpreadsheetML's grid (ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4): rows 1..2^20, columns 1..2^14.
constexpr int kLastRow = 1 << 20;
constexpr int kLastColumn = 1 << 14;

// Raw text may spell one character as a 7-character escape ("_x000D_").
constexpr size_t kRawCharsPerChar = 7;

// The t attribute of a <c> (ST_CellType).
enum class ValueType { kNumber, kShared, kInline, kFormulaString, kIsoDate, kError, kBoolean };

ValueType value_type(std::string_view t) {
  if (t == "s") return ValueType::kShared;
  if (t == "inlineStr") return ValueType::kInline;
  if (t == "str") return ValueType::kFormulaString;
  if (t == "d") return ValueType::kIsoDate;
  if (t == "e") return ValueType::kError;
  if (t == "b") return ValueType::kBoolean;
  return ValueType::kNumber;  // "n" or absent
}

bool parse_double(std::string_view text, double& value) {
  text = text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

template <typename Integer>
bool parse_integer(std::string_view text, Integer& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const SharedStrings& shared, const DateStyles& dates, ReadBudget& budget,
               Sheet& sheet)
      : shared_(shared), dates_(dates), budget_(budget), limits_(budget.limits), sheet_(sheet) {}

  Status start(const XmlPath& path, const XmlAttributes& attributes) override {
    if (path.size() == 3 && path_is(path, {"worksheet", "sheetData", "row"})) {
      return start_row(attributes);
    }
    if (path.size() == 4 && path[3] == "c" &&
        path_is(path, {"worksheet", "sheetData", "row", "c"})) {
      return start_cell(attributes);
    }
    if (path.size() == 3 && path_is(path, {"worksheet", "mergeCells", "mergeCell"})) {
      return add_merge(attributes.get("ref"));
    }
    return Status::ok();
  }

  Status text(const XmlPath& path, std::string_view chars) override {
    if (!in_cell_ || path.size() < 5) return Status::ok();
    BoundedText* into = nullptr;
    if (path.size() == 5 && path[4] == "v") {
      into = &value_;
    } else if ((path.size() == 6 && path[4] == "is" && path[5] == "t") ||
               (path.size() == 7 && path[4] == "is" && path[5] == "r" && path[6] == "t")) {
      into = &inline_;
    }
    if (into != nullptr && !into->append(chars, limits_.max_cell_chars * kRawCharsPerChar)) {
      return cell_error(fmt::format("more than {} characters in a cell", limits_.max_cell_chars));
    }
    return Status::ok();
  }

  Status end(const XmlPath& path) override {
    if (!in_cell_ || path.size() != 4) return Status::ok();
    in_cell_ = false;
    return finish_cell();
  }

 private:
  Status start_row(const XmlAttributes& attributes) {
    std::string_view r = attributes.get("r");
    if (r.empty()) {
      ++row_;
    } else if (!parse_integer(r, row_)) {
      row_ = 0;
    }
    if (row_ < 1 || row_ > kLastRow) {
      return Status::invalid_data(
          r.empty() ? fmt::format("more than {} rows", kLastRow)
                    : fmt::format("malformed row number \"{}\"", shorten_for_message(r)));
    }
    column_ = 0;
    return Status::ok();
  }

  Status start_cell(const XmlAttributes& attributes) {
    cell_ = Cell();
    cell_.row = row_;
    cell_.column = column_ + 1;
    if (attributes.has("r")) {
      std::string_view r = attributes.get("r");
      int ref_row = 0;
      if (!parse_cell_reference(r, ref_row, cell_.column)) {
        return Status::invalid_data(
            fmt::format("row {}: malformed cell reference \"{}\"", row_, shorten_for_message(r)));
      }
      cell_.row = ref_row;
    } else if (cell_.column > kLastColumn) {
      return Status::invalid_data(fmt::format("row {}: more than {} columns", row_, kLastColumn));
    }
    column_ = cell_.column;
    type_ = value_type(attributes.get("t"));
    style_ = 0;
    if (!parse_integer(attributes.get("s"), style_)) style_ = 0;
    value_.clear();
    inline_.clear();
    in_cell_ = true;
    return Status::ok();
  }

  // A value the cell holds, as read_cell did with pugixml: false when it holds none.
  Status fill_cell(bool& has_value) {
    const std::string& v = value_.str();
    has_value = true;
    switch (type_) {
      case ValueType::kShared: {
        size_t index = shared_.size();
        if (!parse_integer(trim(v), index) || index >= shared_.size()) {
          return cell_error(fmt::format("no shared string {}", shorten_for_message(v)));
        }
        cell_.type = CellType::kText;
        cell_.text = shared_.at(index);
        break;
      }
      case ValueType::kInline:
        cell_.type = CellType::kText;
        cell_.text = unescape_ooxml(inline_.str());
        break;
      case ValueType::kFormulaString:
      case ValueType::kIsoDate:
        cell_.type = CellType::kText;
        cell_.text = unescape_ooxml(v);
        if (type_ == ValueType::kIsoDate) cell_.text = cell_.text.substr(0, cell_.text.find('T'));
        break;
      case ValueType::kError:
        cell_.type = CellType::kError;
        cell_.text = v;
        break;
      case ValueType::kBoolean:
        cell_.type = CellType::kBoolean;
        cell_.number = v == "1" ? 1 : 0;
        has_value = !v.empty();
        break;
      case ValueType::kNumber:
        if (v.empty()) {
          has_value = false;
          break;
        }
        cell_.type = CellType::kNumber;
        if (!parse_double(v, cell_.number)) {
          return cell_error(fmt::format("malformed number {}", shorten_for_message(v)));
        }
        cell_.date = style_ < dates_.size() && dates_[style_];
        break;
    }
    return Status::ok();
  }

  Status finish_cell() {
    bool has_value = false;
    ZHIZAO_RETURN_IF_ERROR(fill_cell(has_value));
    // Whitespace alone is no value (pugixml, which this reader replaced, dropped it too).
    if (!has_value || (cell_.type == CellType::kText && trim(cell_.text).empty())) {
      return Status::ok();
    }
    if (utf8_characters(cell_.text) > limits_.max_cell_chars) {
      return cell_error(fmt::format("more than {} characters in a cell", limits_.max_cell_chars));
    }
    if (budget_.cells >= limits_.max_cells) {
      return cell_error(
          fmt::format("more than {} cells (the bound per workbook)", limits_.max_cells));
    }
    if (budget_.cell_text_bytes + cell_.text.size() > limits_.max_cell_text_bytes) {
      return cell_error(fmt::format("cells of more than {} bytes of text (the bound per workbook)",
                                    limits_.max_cell_text_bytes));
    }
    ++budget_.cells;
    budget_.cell_text_bytes += cell_.text.size();
    sheet_.cells.push_back(std::move(cell_));
    return Status::ok();
  }

  Status add_merge(std::string_view ref) {
    if (budget_.merged_ranges >= limits_.max_merged_ranges) {
      return Status::invalid_data(fmt::format("more than {} merged ranges (the bound per workbook)",
                                              limits_.max_merged_ranges));
    }
    size_t colon = ref.find(':');
    MergedRange range;
    bool ok = parse_cell_reference(ref.substr(0, colon), range.first_row, range.first_column);
    if (colon == std::string_view::npos) {
      range.last_row = range.first_row;
      range.last_column = range.first_column;
    } else {
      ok = ok && parse_cell_reference(ref.substr(colon + 1), range.last_row, range.last_column);
    }
    if (!ok) {
      return Status::invalid_data(
          fmt::format("malformed merged range \"{}\"", shorten_for_message(ref)));
    }
    ++budget_.merged_ranges;
    sheet_.merges.push_back(range);
    return Status::ok();
  }

  Status cell_error(std::string reason) const {
    return Status::invalid_data(
        fmt::format("{}: {}", cell_reference(cell_.row, cell_.column), reason));
  }

  const SharedStrings& shared_;
  const DateStyles& dates_;
  ReadBudget& budget_;
  const WorkbookLimits& limits_;
  Sheet& sheet_;
  int row_ = 0;
  int column_ = 0;
  bool in_cell_ = false;
  Cell cell_;
  ValueType type_ = ValueType::kNumber;
  size_t style_ = 0;
  BoundedText value_;   // the text of <v>
  BoundedText inline_;  // the text of <is>: its <t>, or its runs' <t> joined
};

}  // namespace

Status read_sheet(const ZipReader& zip, const std::string& part, const SharedStrings& shared,
                  const DateStyles& dates, ReadBudget& budget, Sheet& sheet) {
  SheetHandler handler(shared, dates, budget, sheet);
  return parse_part(zip, part, budget.limits, budget.unpacked, handler);
}

}  // namespace zhizao::xlsx::detail
