#include "http/message.h"

#include <algorithm>
#include <iterator>

namespace zhizao::http {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

std::string Request::get_header_value(std::string_view name, size_t index) const {
  auto [begin, end] = headers.equal_range(std::string(name));
  if (static_cast<size_t>(std::distance(begin, end)) <= index) return "";
  std::advance(begin, static_cast<long>(index));
  return begin->second;
}

size_t Request::get_header_value_count(std::string_view name) const {
  return headers.count(std::string(name));
}

bool Request::has_header(std::string_view name) const {
  return headers.find(std::string(name)) != headers.end();
}

bool Request::has_param(std::string_view name) const {
  return params.find(std::string(name)) != params.end();
}

std::string Request::get_param_value(std::string_view name) const {
  auto found = params.find(std::string(name));
  return found == params.end() ? "" : found->second;
}

void Response::set_header(std::string_view name, std::string_view value) {
  headers.erase(std::string(name));
  headers.emplace(name, value);
}

void Response::add_header(std::string_view name, std::string_view value) {
  headers.emplace(name, value);
}

std::string Response::get_header_value(std::string_view name) const {
  auto found = headers.find(std::string(name));
  return found == headers.end() ? "" : found->second;
}

bool Response::has_header(std::string_view name) const {
  return headers.find(std::string(name)) != headers.end();
}

void Response::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  set_header("Content-Type", content_type);
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 421:
      return "Misdirected Request";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

}  // namespace zhizao::http
