#include "http/static_files.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "http/content_coding.h"

namespace zhizao::http {
namespace {

namespace fs = std::filesystem;

// Files larger than this are not served (the dashboard's largest is about 1.1 MB).
constexpr uintmax_t kMaxFileBytes = 32 * 1024 * 1024;
constexpr int kBrotliQuality = 9;  // once per file version, so a high level is affordable
constexpr int kGzipLevel = 9;

struct CachedFile {
  uintmax_t size = 0;
  long long modified_ns = 0;
  std::string etag;
  std::string media_type;
  std::string identity;
  std::string brotli;  // empty when not compressible
  std::string gzip;
};

bool has_bad_escape(std::string_view raw_path) {
  for (size_t i = 0; i + 2 < raw_path.size(); ++i) {
    if (raw_path[i] != '%') continue;
    std::string_view hex = raw_path.substr(i + 1, 2);
    if (hex == "00" || hex == "2f" || hex == "2F" || hex == "5c" || hex == "5C") return true;
  }
  return false;
}

bool has_dot_segment(std::string_view path) {
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (segment == "." || segment == "..") return true;
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return false;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  return if_none_match.find(etag) != std::string_view::npos;
}

}  // namespace

struct StaticFiles::Impl {
  fs::path root;  // canonical
  mutable std::mutex mutex;
  mutable std::map<std::string, std::shared_ptr<const CachedFile>> cache;

  // The cached file at canonical `path`, read (again) when its size or time changed.
  std::shared_ptr<const CachedFile> load(const fs::path& path, const struct stat& info) const {
    long long modified_ns =
        static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL + info.st_mtim.tv_nsec;
    {
      std::lock_guard lock(mutex);
      auto found = cache.find(path.string());
      if (found != cache.end() && found->second->size == static_cast<uintmax_t>(info.st_size) &&
          found->second->modified_ns == modified_ns) {
        return found->second;
      }
    }
    auto file = std::make_shared<CachedFile>();
    std::ifstream in(path, std::ios::binary);
    file->identity.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return nullptr;
    file->size = file->identity.size();
    file->modified_ns = modified_ns;
    file->etag = "\"" + std::to_string(file->size) + "-" + std::to_string(modified_ns) + "\"";
    file->media_type = std::string(media_type_for(path.filename().string()));
    if (is_compressible(file->media_type) && file->size >= 1024) {
      file->brotli = encode(file->identity, ContentCoding::kBrotli, kBrotliQuality).value_or("");
      file->gzip = encode(file->identity, ContentCoding::kGzip, kGzipLevel).value_or("");
    }
    std::lock_guard lock(mutex);
    cache[path.string()] = file;
    return file;
  }

  Served answer(const fs::path& canonical, const Request& request, Response& response,
                bool immutable) const {
    struct stat info {};
    if (::stat(canonical.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
        static_cast<uintmax_t>(info.st_size) > kMaxFileBytes) {
      return Served::kNoFile;
    }
    std::shared_ptr<const CachedFile> file = load(canonical, info);
    if (file == nullptr) return Served::kNoFile;
    response.set_header("ETag", file->etag);
    response.set_header("Cache-Control",
                        immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (!file->brotli.empty()) response.set_header("Vary", "Accept-Encoding");
    if (etag_matches(request.get_header_value("If-None-Match"), file->etag)) {
      response.status = 304;
      return Served::kAnswered;
    }
    ContentCoding coding = ContentCoding::kIdentity;
    if (!file->brotli.empty()) {
      coding = choose_coding(request.get_header_value("Accept-Encoding"), OfferBrotli::kYes);
    }
    const std::string& body = coding == ContentCoding::kBrotli ? file->brotli
                              : coding == ContentCoding::kGzip ? file->gzip
                                                               : file->identity;
    if (coding != ContentCoding::kIdentity && !body.empty()) {
      response.set_header("Content-Encoding", coding_token(coding));
      response.set_content(body, file->media_type);
    } else {
      response.set_content(file->identity, file->media_type);
    }
    response.status = 200;
    return Served::kAnswered;
  }
};

StaticFiles::StaticFiles(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StaticFiles::~StaticFiles() = default;

Result<std::unique_ptr<StaticFiles>> StaticFiles::open(const std::string& root) {
  std::error_code error;
  fs::path canonical = fs::canonical(root, error);
  if (error || !fs::is_directory(canonical)) {
    return fail(Status::not_found("no web root folder " + root));
  }
  auto impl = std::make_unique<Impl>();
  impl->root = canonical;
  return std::unique_ptr<StaticFiles>(new StaticFiles(std::move(impl)));
}

StaticFiles::Served StaticFiles::serve(const Request& request, Response& response) const {
  const std::string& path = request.path;
  if (has_bad_escape(request.raw_path) || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos || has_dot_segment(path)) {
    response.status = 400;
    return Served::kAnswered;
  }
  std::string relative = path.substr(1);
  if (relative.empty()) relative = "index.html";
  Served served = serve_file(relative, request, response);
  std::error_code error;
  if (served == Served::kNoFile &&
      fs::symlink_status(impl_->root / relative, error).type() != fs::file_type::not_found &&
      !error) {
    // Something is there but may not be served (a link out of the root, a folder, a device):
    // 404 rather than the dashboard's page, so that nothing hints at what it is.
    response.status = 404;
    return Served::kAnswered;
  }
  return served;
}

StaticFiles::Served StaticFiles::serve_file(const std::string& relative, const Request& request,
                                            Response& response) const {
  std::error_code error;
  fs::path canonical = fs::canonical(impl_->root / relative, error);
  if (error) return Served::kNoFile;
  // Inside the root after resolving every link: the root itself plus a separator is a prefix.
  const std::string& root = impl_->root.native();
  const std::string& full = canonical.native();
  if (full.size() <= root.size() || full.compare(0, root.size(), root) != 0 ||
      full[root.size()] != '/') {
    return Served::kNoFile;
  }
  bool immutable = relative.starts_with("assets/");
  return impl_->answer(canonical, request, response, immutable);
}

namespace {
constexpr std::string_view kLazyFolder = "maps";
}  // namespace

void StaticFiles::warm() const {
  std::error_code error;
  int warmed = 0;
  for (auto it = fs::recursive_directory_iterator(impl_->root, error);
       !error && it != fs::recursive_directory_iterator() && warmed < kMaxWarmedFiles;
       it.increment(error)) {
    // The dashboard's area maps (web/public/maps, issue 16: 400-odd files, 13 MB) are fetched one
    // at a time on demand: compressing them all here would hold up the start by seconds.
    if (it.depth() == 0 && it->is_directory(error) && it->path().filename() == kLazyFolder) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error) || it->is_symlink(error)) continue;
    struct stat info {};
    if (::stat(it->path().c_str(), &info) != 0 ||
        static_cast<uintmax_t>(info.st_size) > kMaxFileBytes) {
      continue;
    }
    impl_->load(it->path(), info);
    ++warmed;
  }
}

std::string_view media_type_for(std::string_view file_name) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  };
  size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string extension(file_name.substr(dot));
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto found = kTypes.find(extension);
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

}  // namespace zhizao::http
