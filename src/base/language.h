// The languages zhizao writes reports in.
#pragma once

namespace zhizao {

enum class Language { kZh, kEn };

// The Chinese or the English text of a label, by the report's language.
inline const char* pick(Language language, const char* zh, const char* en) {
  return language == Language::kZh ? zh : en;
}

}  // namespace zhizao
