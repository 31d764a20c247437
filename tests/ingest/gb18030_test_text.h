// Test text as a Chinese office program writes it: UTF-8 source text converted to GB18030 bytes
// (GB 18030-2005) with iconv, for the import tests of every module that reads contract files.
#pragma once

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

namespace zhizao::testing_support {

// The GB18030 bytes of `utf8`; a conversion failure fails the calling test.
inline std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &out_ptr, &out_left), static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace zhizao::testing_support
