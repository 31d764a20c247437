// An in-memory zip package (libzip), as Office Open XML files are: add named parts, then take the
// archive's bytes. Not thread-safe per object.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.h"

namespace zhizao::detail {

class ZipPackage {
 public:
  // Adds a part; `name` is its path inside the archive, e.g. "word/document.xml". Parts keep
  // the order they were added in (OOXML readers do not need any order; [Content_Types].xml
  // first is customary).
  void add(std::string name, std::string bytes);

  // Returns the deflated archive. Errors: kInternal when libzip fails.
  Result<std::string> bytes() const;

 private:
  std::vector<std::pair<std::string, std::string>> parts_;
};

}  // namespace zhizao::detail
