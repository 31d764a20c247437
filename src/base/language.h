// The languages zhizao writes reports in.
#pragma once

namespace zhizao {

enum class Language { kZh, kEn };

}  // namespace zhizao
