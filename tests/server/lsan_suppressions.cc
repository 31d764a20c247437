// LeakSanitizer suppressions for server_test: the document endpoints draw the charts of the Word
// file through librsvg and pango, whose fontconfig caches are process-wide and never freed (as in
// tests/document/lsan_suppressions.cc). Allocated once, not per request: not a leak of ours.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango-1.0.so\nleak:libpangoft2-1.0.so\n";
}
