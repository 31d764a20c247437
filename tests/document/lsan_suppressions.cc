// LeakSanitizer suppressions for this test binary: fontconfig (through librsvg and pango, which
// draw the charts' text) keeps process-wide caches that it never frees. They are allocated once,
// not per chart, so they are not a leak of ours. The office tests run the zhizao binary with the
// same list (lsan.supp).
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango-1.0.so\nleak:libpangoft2-1.0.so\n";
}
