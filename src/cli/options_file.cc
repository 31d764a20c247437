#include "cli/options_file.h"

#include <fmt/format.h>

#include <vector>

#include <toml++/toml.h>

#include "base/bounded_file.h"

namespace zhizao {
namespace {

std::string where(const std::string& path, const toml::source_region& region) {
  return fmt::format("{}:{}", path, region.begin.line);
}

// The text CLI11 would have read on the command line for one TOML value; nullopt for a table
// or a date.
std::optional<std::string> as_argument(const toml::node& node) {
  if (auto text = node.value<std::string>(); text && node.is_string()) return *text;
  if (node.is_integer()) return std::to_string(*node.value<int64_t>());
  if (node.is_floating_point()) return fmt::format("{}", *node.value<double>());
  if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
  return std::nullopt;
}

}  // namespace

Status apply_options_file(CLI::App& command, const std::string& path) {
  Result<std::string> text = read_bounded_file(path, kRulesFileMaxBytes, "configuration file");
  if (!text) return text.error();
  toml::table table;
  try {
    table = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    return Status::usage(fmt::format("{}: {}", where(path, e.source()), e.description()));
  }
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    CLI::Option* option = nullptr;
    try {
      option = command.get_option("--" + name);
    } catch (const CLI::OptionNotFound&) {
    }
    if (option == nullptr || name == "config") {
      return Status::usage(fmt::format("{}: unknown option \"{}\" (see zhizao {} --help)",
                                       where(path, node.source()), name, command.get_name()));
    }
    if (option->count() > 0) continue;  // the command line wins
    std::vector<std::string> values;
    if (const toml::array* list = node.as_array()) {
      for (const toml::node& item : *list) {
        std::optional<std::string> value = as_argument(item);
        if (!value) {
          return Status::usage(
              fmt::format("{}: \"{}\" holds a value that is not a string, number "
                          "or boolean",
                          where(path, item.source()), name));
        }
        values.push_back(*value);
      }
    } else if (std::optional<std::string> value = as_argument(node)) {
      values.push_back(*value);
    } else {
      return Status::usage(fmt::format("{}: \"{}\" must be a string, number, boolean or list",
                                       where(path, node.source()), name));
    }
    try {
      for (const std::string& value : values) option->add_result(value);
      option->run_callback();
    } catch (const CLI::Error& e) {
      return Status::usage(fmt::format("{}: {}: {}", where(path, node.source()), name, e.what()));
    }
  }
  return Status::ok();
}

}  // namespace zhizao
