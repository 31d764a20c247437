#include "xlsx/xml_stream.h"

#include <expat.h>
#include <fmt/format.h>

#include <memory>

namespace zhizao::xlsx::detail {
namespace {

// Separates a namespace URI from a local name in the names expat reports ("URI|local").
constexpr char kNamespaceSeparator = '|';

std::string_view local_name(std::string_view name) {
  size_t separator = name.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? name : name.substr(separator + 1);
}

struct ParserFree {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

// What the expat callbacks share: the handler, the bounds and the open elements.
class StreamState {
 public:
  StreamState(XML_Parser parser, const WorkbookLimits& limits, XmlHandler& handler)
      : parser_(parser), limits_(limits), handler_(handler) {}

  void start(const char* name, const char** attributes) {
    if (!count_node()) return;
    if (depth_ >= limits_.max_depth) {
      stop(Status::invalid_data(fmt::format("elements nested deeper than {}", limits_.max_depth)));
      return;
    }
    // The names' strings are reused from element to element: no allocation per element.
    if (depth_ == names_.size()) names_.emplace_back();
    names_[depth_++].assign(local_name(name));
    check(handler_.start(path(), XmlAttributes(attributes)));
  }

  void end() {
    if (!running()) return;
    check(handler_.end(path()));
    --depth_;
  }

  void text(std::string_view chars) {
    if (!running()) return;
    check(handler_.text(path(), chars));
  }

  // A comment or a processing instruction: counted with the elements, otherwise ignored.
  void other_node() { count_node(); }

  void stop(Status status) {
    if (!status_.is_ok()) return;
    status_ = std::move(status);
    XML_StopParser(parser_, XML_FALSE);
  }

  const Status& status() const { return status_; }

 private:
  XmlPath path() const { return XmlPath(names_.data(), depth_); }

  // False once parsing has stopped: expat may still report an event or two.
  bool running() const { return status_.is_ok(); }

  bool count_node() {
    if (!running()) return false;
    if (++nodes_ > limits_.max_part_elements) {
      stop(Status::invalid_data(fmt::format("more than {} XML elements (the bound per part)",
                                            limits_.max_part_elements)));
      return false;
    }
    return true;
  }

  void check(Status status) {
    if (!status.is_ok()) stop(std::move(status));
  }

  XML_Parser parser_;
  const WorkbookLimits& limits_;
  XmlHandler& handler_;
  Status status_;
  std::vector<std::string> names_;  // of the open elements, and of earlier deeper ones
  size_t depth_ = 0;
  uint64_t nodes_ = 0;
};

StreamState& state_of(void* user_data) { return *static_cast<StreamState*>(user_data); }

void on_start(void* user_data, const XML_Char* name, const XML_Char** attributes) {
  state_of(user_data).start(name, attributes);
}
void on_end(void* user_data, const XML_Char*) { state_of(user_data).end(); }
void on_text(void* user_data, const XML_Char* chars, int length) {
  state_of(user_data).text(std::string_view(chars, static_cast<size_t>(length)));
}
void on_comment(void* user_data, const XML_Char*) { state_of(user_data).other_node(); }
void on_instruction(void* user_data, const XML_Char*, const XML_Char*) {
  state_of(user_data).other_node();
}
void on_doctype(void* user_data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  state_of(user_data).stop(
      Status::invalid_data("a DOCTYPE declaration, which no OOXML part has (refused)"));
}
void on_entity(void* user_data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
               const XML_Char*, const XML_Char*, const XML_Char*) {
  state_of(user_data).stop(Status::invalid_data("an entity declaration (refused)"));
}

}  // namespace

bool path_is(const XmlPath& path, std::initializer_list<std::string_view> names) {
  if (path.size() != names.size()) return false;
  size_t i = 0;
  for (std::string_view name : names) {
    if (path[i++] != name) return false;
  }
  return true;
}

std::string_view XmlAttributes::get(std::string_view name) const {
  for (const char** at = attributes_; at[0] != nullptr; at += 2) {
    if (name == at[0]) return at[1];
  }
  return {};
}

bool XmlAttributes::has(std::string_view name) const {
  for (const char** at = attributes_; at[0] != nullptr; at += 2) {
    if (name == at[0]) return true;
  }
  return false;
}

std::string_view XmlAttributes::namespaced(std::string_view name) const {
  for (const char** at = attributes_; at[0] != nullptr; at += 2) {
    std::string_view full = at[0];
    size_t separator = full.rfind(kNamespaceSeparator);
    if (separator != std::string_view::npos && full.substr(separator + 1) == name) return at[1];
  }
  return {};
}

Status XmlHandler::text(const XmlPath&, std::string_view) { return Status::ok(); }
Status XmlHandler::end(const XmlPath&) { return Status::ok(); }

size_t utf8_characters(std::string_view text) {
  size_t characters = 0;
  for (char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return characters;
}

bool BoundedText::append(std::string_view chars, size_t max_chars) {
  size_t added = utf8_characters(chars);
  if (characters_ + added > max_chars) return false;
  characters_ += added;
  text_.append(chars);
  return true;
}

Status parse_part(const ZipReader& zip, std::string_view part, const WorkbookLimits& limits,
                  UnpackedBytes& unpacked, XmlHandler& handler) {
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(
      XML_ParserCreateNS(nullptr, kNamespaceSeparator));
  if (!parser) return Status::internal("cannot create an XML parser");
  XML_Parser p = parser.get();
  StreamState state(p, limits, handler);
  XML_SetUserData(p, &state);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  XML_SetCommentHandler(p, on_comment);
  XML_SetProcessingInstructionHandler(p, on_instruction);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  XML_SetEntityDeclHandler(p, on_entity);

  auto located = [&](std::string_view what) {
    return Status::invalid_data(fmt::format("{}: {}", part, what));
  };
  auto parse_error = [&]() -> Status {
    if (!state.status().is_ok()) return located(state.status().message());
    return Status::invalid_data(fmt::format(
        "malformed XML in {} at line {}, column {}: {}", part, XML_GetCurrentLineNumber(p),
        XML_GetCurrentColumnNumber(p) + 1,  // expat counts columns from 0
        XML_ErrorString(XML_GetErrorCode(p))));
  };
  uint64_t fed = 0;
  Status streamed = zip.stream(part, limits.max_part_bytes, [&](std::string_view chunk) {
    unpacked.total += chunk.size();
    if (unpacked.total > limits.max_workbook_bytes) {
      return located(
          fmt::format("the workbook unpacks to more than {} bytes (the bound per workbook)",
                      limits.max_workbook_bytes));
    }
    fed += chunk.size();
    if (XML_Parse(p, chunk.data(), static_cast<int>(chunk.size()), XML_FALSE) != XML_STATUS_OK) {
      return parse_error();
    }
    // Outside a callback, expat's position is just past its last parse event: what lies beyond
    // is a token it holds unfinished.
    XML_Index reported = XML_GetCurrentByteIndex(p);
    if (reported >= 0 && fed - static_cast<uint64_t>(reported) > limits.max_token_bytes) {
      return located(
          fmt::format("an XML tag, comment or processing instruction longer than {} bytes",
                      limits.max_token_bytes));
    }
    return Status::ok();
  });
  if (!streamed.is_ok()) {
    if (streamed.code() != StatusCode::kNotFound) return streamed;
    return Status::invalid_data(fmt::format("not an XLSX workbook: no {}", part));
  }
  if (XML_Parse(p, nullptr, 0, XML_TRUE) != XML_STATUS_OK) return parse_error();
  return Status::ok();
}

}  // namespace zhizao::xlsx::detail
