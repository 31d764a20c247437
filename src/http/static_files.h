// StaticFiles: the dashboard's built files (web/dist) under one root. Only regular files inside
// the root after every symbolic link is resolved are served; a path with a NUL, a backslash, an
// encoded separator (%2F, %5C) or a "." / ".." segment is refused (400); the media type comes
// from the real file's extension. Each file is read and compressed (br, gzip) once per version
// (size and modification time) and kept in memory; answers carry an ETag, honour If-None-Match
// (304) and cache Vite's content-hashed /assets/ for a year, everything else with revalidation.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "http/message.h"

namespace zhizao::http {

class StaticFiles {
 public:
  // Errors: kNotFound when `root` is not a folder.
  static Result<std::unique_ptr<StaticFiles>> open(const std::string& root);
  ~StaticFiles();
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  enum class Served { kAnswered, kNoFile };
  // Answers a GET or HEAD for `request.path`. kNoFile when nothing is at that path (the caller
  // decides: an app route, or 404); kAnswered with 200, 304, 400, or 404 when something is
  // there that may not be served (a link out of the root, a folder). Thread-safe.
  Served serve(const Request& request, Response& response) const;
  // Reads and compresses every servable file now (at most kMaxWarmedFiles), so that the first
  // visitor does not wait for the compression of the dashboard's script; but for the folder
  // `maps` at the root (the area maps, compressed when first asked for).
  void warm() const;
  static constexpr int kMaxWarmedFiles = 1000;
  // Answers with the file at `relative` (e.g. "index.html") whatever the request's path.
  Served serve_file(const std::string& relative, const Request& request, Response& response) const;

 private:
  struct Impl;
  explicit StaticFiles(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The media type for a file name's extension ("application/octet-stream" when unknown).
std::string_view media_type_for(std::string_view file_name);

}  // namespace zhizao::http
