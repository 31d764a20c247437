// Streaming (SAX) parsing of the XML parts of a workbook with expat: a part is inflated and
// parsed 64 KiB at a time, so that neither its bytes nor a tree of it are ever held whole, and
// it is refused at the first bound of WorkbookLimits it passes (elements, depth, token size,
// unpacked bytes). DOCTYPE declarations are refused: OOXML never has one, and without them no
// entity can expand (XXE, "billion laughs").
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "xlsx/workbook.h"
#include "xlsx/zip_reader.h"

namespace zhizao::xlsx::detail {

// The local names of the open elements, outermost first; back() is the current element.
// Namespaces are dropped: SpreadsheetML is matched by local name, whatever the prefix. Views
// the parser's names: valid only during the handler's call.
using XmlPath = std::span<const std::string>;

// True when `path` is exactly `names` ("worksheet", "sheetData", "row").
bool path_is(const XmlPath& path, std::initializer_list<std::string_view> names);

// The attributes of a start tag, as expat gives them (names "URI|local" when namespaced).
// Views expat's buffers: valid only during the call of XmlHandler::start.
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** attributes) : attributes_(attributes) {}

  // The value of the attribute `name` without a namespace ("r", "t"); "" when absent.
  std::string_view get(std::string_view name) const;
  bool has(std::string_view name) const;
  // The value of an attribute with local name `name` in any namespace (r:id); "" when absent.
  std::string_view namespaced(std::string_view name) const;

 private:
  const char** attributes_;
};

// What a part reader does with the events of its part. A failed Status stops the parse and is
// returned by parse_part. Called on the parsing thread only.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual Status start(const XmlPath& path, const XmlAttributes& attributes) = 0;
  // Character data of the current element, in one or more pieces.
  virtual Status text(const XmlPath& path, std::string_view chars);
  virtual Status end(const XmlPath& path);
};

// Unpacked bytes of the parts of one workbook read so far (WorkbookLimits::max_workbook_bytes).
struct UnpackedBytes {
  uint64_t total = 0;
};

// Parses entry `part` of `zip` as a stream, handing its events to `handler`. Errors (kInvalidData,
// each message starting with the part's name): not found; unpacks to more than
// limits.max_part_bytes or takes `unpacked` past limits.max_workbook_bytes; more than
// max_part_elements elements; nested deeper than max_depth; a token longer than
// max_token_bytes; a DOCTYPE; malformed XML (line and column); or what `handler` returned.
Status parse_part(const ZipReader& zip, std::string_view part, const WorkbookLimits& limits,
                  UnpackedBytes& unpacked, XmlHandler& handler);

// The characters of UTF-8 `text`: its bytes that are not continuation bytes (10xxxxxx).
size_t utf8_characters(std::string_view text);

// Text gathered from character data pieces, bounded by a number of characters (UTF-8 lead
// bytes), so that a cell's text never grows past the bound before it is refused.
class BoundedText {
 public:
  // Appends `chars`. Returns false, leaving the text as it was, when that would take it past
  // `max_chars` characters.
  bool append(std::string_view chars, size_t max_chars);
  void clear() {
    text_.clear();
    characters_ = 0;
  }
  const std::string& str() const { return text_; }
  std::string take() {
    std::string taken = std::move(text_);
    clear();
    return taken;
  }

 private:
  std::string text_;
  size_t characters_ = 0;
};

}  // namespace zhizao::xlsx::detail
