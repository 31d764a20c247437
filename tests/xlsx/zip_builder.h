// Builds ZIP archives for tests with libzip, each part's content generated on the fly: a head,
// a piece repeated many times, a tail. A test can so make a part that unpacks to 512 MiB (a
// "ZIP bomb" of a workbook) in a small archive without ever holding the part.
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace zhizao::testing_support {

struct GeneratedPart {
  std::string name;
  std::string head;
  std::string repeated;
  uint64_t times = 0;
  std::string tail;

  uint64_t size() const {
    return head.size() + (repeated.empty() ? 0 : repeated.size() * times) + tail.size();
  }
};

namespace detail {

// The state of one part's zip_source_function: its bytes are made as libzip reads them.
struct PartSource {
  explicit PartSource(GeneratedPart generated) : part(std::move(generated)) {
    // The repeated piece, written out to at least 64 KiB: copied a block at a time, not a
    // piece at a time (a bomb repeats a 4-byte piece 128 million times).
    if (!part.repeated.empty()) {
      while (block.size() < (size_t{1} << 16)) block += part.repeated;
      block += part.repeated;
    }
  }

  GeneratedPart part;
  std::string block;
  uint64_t position = 0;

  // Copies up to `length` bytes from `position` into `out`; returns how many.
  uint64_t read(char* out, uint64_t length) {
    uint64_t done = 0;
    uint64_t body = part.repeated.empty() ? 0 : part.repeated.size() * part.times;
    uint64_t head = part.head.size();
    while (done < length && position < part.size()) {
      const char* from = nullptr;
      uint64_t available = 0;
      if (position < head) {
        from = part.head.data() + position;
        available = head - position;
      } else if (position < head + body) {
        // The block starts with a whole piece, so any offset within a piece continues in it.
        uint64_t offset = (position - head) % part.repeated.size();
        from = block.data() + offset;
        available = std::min<uint64_t>(block.size() - offset, head + body - position);
      } else {
        uint64_t offset = position - head - body;
        from = part.tail.data() + offset;
        available = part.tail.size() - offset;
      }
      uint64_t n = std::min<uint64_t>(length - done, available);
      std::memcpy(out + done, from, n);
      done += n;
      position += n;
    }
    return done;
  }
};

inline zip_int64_t part_callback(void* user_data, void* data, zip_uint64_t length,
                                 zip_source_cmd_t command) {
  auto* source = static_cast<PartSource*>(user_data);
  switch (command) {
    case ZIP_SOURCE_OPEN:
      source->position = 0;
      return 0;
    case ZIP_SOURCE_READ:
      return static_cast<zip_int64_t>(source->read(static_cast<char*>(data), length));
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      stat->size = source->part.size();
      stat->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:  // never failed: no libzip error, no system error
      std::memset(data, 0, 2 * sizeof(int));
      return 2 * sizeof(int);
    case ZIP_SOURCE_FREE:
      delete source;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

}  // namespace detail

// Returns a ZIP archive of `parts`, deflated (level 1: a bomb's parts are made quickly); "" when
// libzip fails.
inline std::string zip_generated_parts(const std::vector<GeneratedPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  for (const GeneratedPart& part : parts) {
    auto* state = new detail::PartSource(part);
    zip_source_t* content = zip_source_function(archive, detail::part_callback, state);
    zip_int64_t index = zip_file_add(archive, part.name.c_str(), content, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  }
  std::string bytes;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return bytes;
  }
  zip_stat_t stat;
  if (zip_source_open(buffer) == 0) {
    if (zip_source_stat(buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0) {
      bytes.resize(stat.size);
      zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
      bytes.resize(read < 0 ? 0 : static_cast<size_t>(read));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

// A part of fixed content.
inline GeneratedPart fixed_part(std::string name, std::string content) {
  return {std::move(name), std::move(content), "", 0, ""};
}

inline constexpr const char* kSpreadsheetMl =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* kRelationshipsNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The parts every workbook of these tests has: the package relationships, a workbook part with
// `sheets` sheets ("Sheet1", ...) and its relationships (sheet N in xl/worksheets/sheetN.xml,
// plus shared strings and styles, which a test may add or leave out).
inline std::vector<GeneratedPart> workbook_skeleton(int sheets = 1) {
  std::string package =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  std::string workbook = std::string("<workbook xmlns=\"") + kSpreadsheetMl + "\" xmlns:r=\"" +
                         kRelationshipsNs + "\"><sheets>";
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (int i = 1; i <= sheets; ++i) {
    std::string n = std::to_string(i);
    workbook += "<sheet name=\"Sheet" + n + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + kRelationshipsNs +
            "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
  }
  workbook += "</sheets></workbook>";
  rels += std::string("<Relationship Id=\"rSst\" Type=\"") + kRelationshipsNs +
          "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rSty\" Type=\"" +
          kRelationshipsNs + "/styles\" Target=\"styles.xml\"/></Relationships>";
  return {fixed_part("_rels/.rels", package), fixed_part("xl/workbook.xml", workbook),
          fixed_part("xl/_rels/workbook.xml.rels", rels)};
}

// A worksheet part: `head` inside <worksheet>, `repeated` `times` times, then `tail`.
inline GeneratedPart sheet_part(int number, std::string head, std::string repeated, uint64_t times,
                                std::string tail) {
  return {"xl/worksheets/sheet" + std::to_string(number) + ".xml",
          std::string("<worksheet xmlns=\"") + kSpreadsheetMl + "\">" + head, std::move(repeated),
          times, tail + "</worksheet>"};
}

// A workbook of one sheet whose <sheetData> holds `repeated` `times` times: `<x/>` makes an
// element bomb, " " a bomb of spaces.
inline std::string bomb_workbook(std::string repeated, uint64_t times) {
  std::vector<GeneratedPart> parts = workbook_skeleton();
  parts.push_back(sheet_part(1, "<sheetData>", std::move(repeated), times, "</sheetData>"));
  return zip_generated_parts(parts);
}

}  // namespace zhizao::testing_support
