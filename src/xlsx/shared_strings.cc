// The shared string table (ECMA-376 Part 1, 18.4), read as a stream into one pool of text.
#include <fmt/format.h>

#include "xlsx/part_readers.h"
#include "xlsx/xml_text.h"

namespace zhizao::xlsx::detail {
namespace {

class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(const WorkbookLimits& limits) : limits_(limits) {}

  Status start(const XmlPath& path, const XmlAttributes&) override {
    if (path_is(path, {"sst", "si"})) text_.clear();
    return Status::ok();
  }

  // The text of an item is its <t>, or its rich text runs <r><t> joined; phonetic runs <rPh>
  // are left out.
  Status text(const XmlPath& path, std::string_view chars) override {
    if (!path_is(path, {"sst", "si", "t"}) && !path_is(path, {"sst", "si", "r", "t"})) {
      return Status::ok();
    }
    // Raw text may spell one character as a 7-character escape ("_x000D_").
    if (!text_.append(chars, limits_.max_cell_chars * kRawCharsPerChar)) return too_long();
    return Status::ok();
  }

  Status end(const XmlPath& path) override {
    if (!path_is(path, {"sst", "si"})) return Status::ok();
    std::string decoded = unescape_ooxml(text_.str());
    if (utf8_characters(decoded) > limits_.max_cell_chars) return too_long();
    if (strings_.size() >= limits_.max_shared_strings) {
      return Status::invalid_data(
          fmt::format("more than {} shared strings", limits_.max_shared_strings));
    }
    if (strings_.bytes() + decoded.size() > limits_.max_shared_string_bytes) {
      return Status::invalid_data(fmt::format("shared strings of more than {} bytes together",
                                              limits_.max_shared_string_bytes));
    }
    strings_.add(decoded);
    return Status::ok();
  }

  SharedStrings take() { return std::move(strings_); }

 private:
  static constexpr size_t kRawCharsPerChar = 7;

  Status too_long() const {
    return Status::invalid_data(fmt::format("shared string {}: more than {} characters",
                                            strings_.size(), limits_.max_cell_chars));
  }

  const WorkbookLimits& limits_;
  BoundedText text_;
  SharedStrings strings_;
};

}  // namespace

Result<SharedStrings> read_shared_strings(const ZipReader& zip, const std::string& part,
                                          ReadBudget& budget) {
  if (part.empty() || !zip.has(part)) return SharedStrings();
  SharedStringsHandler handler(budget.limits);
  Status parsed = parse_part(zip, part, budget.limits, budget.unpacked, handler);
  if (!parsed.is_ok()) return fail(parsed);
  return handler.take();
}

}  // namespace zhizao::xlsx::detail
