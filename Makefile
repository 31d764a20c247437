# zhizao: `make demo` builds and prints the demo report; `make test` builds (ASan+UBSan) and
# runs every test. Both install what is missing from Debian's packages first.
BUILD_DIR ?= build
TEST_DIR ?= build-test
JOBS ?= $(shell nproc)
DEMO_DB ?= demo.db
# Fuzzing (fuzz/, README "Fuzzing"): clang's libFuzzer build, seconds per target for `make fuzz`,
# and FUZZ_MERGE=1 to add the new interesting inputs to fuzz/corpus.
FUZZ_DIR ?= build-fuzz
FUZZ_JOBS ?= $(JOBS)
FUZZ_SECONDS ?= 60
FUZZ_MERGE ?=
FUZZ_TARGETS := csv_reader_fuzzer xlsx_reader_fuzzer field_parsers_fuzzer json_body_fuzzer rules_fuzzer \
  http_request_fuzzer safety_file_fuzzer month_block_fuzzer streamed_import_fuzzer

.PHONY: all deps deps-test build web demo test format clean fuzz fuzz-build package

all: build

deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh test

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIZAO_TESTS=OFF > /dev/null
	@cmake --build $(BUILD_DIR) --target zhizao -j $(JOBS)
	@$(MAKE) --no-print-directory web

demo: build
	@$(BUILD_DIR)/zhizao demo --db $(DEMO_DB) --force
	@$(BUILD_DIR)/zhizao report --db $(DEMO_DB) --period 2021-04

# The sanitizer build keeps line tables only (-g1): ASan's and UBSan's reports need file, line and
# function, and full debug information makes the build about a fifth slower.
test: deps-test
	@cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZHIZAO_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" > /dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)
	@$(MAKE) --no-print-directory web
	@# The fuzz targets build while ctest runs, at the lowest priority: the browser, server and
	@# oracle suites spend much of their time waiting, and the spare processor time builds the
	@# fuzzers. All cores' worth of jobs, so that the build finishes at full speed once ctest ends
	@# (one job at nice 10 left 252 s of it alone after ctest in CI, docs/plan.md).
	@rm -f $(TEST_DIR)/fuzz-build.rc; \
	( nice -n 19 $(MAKE) --no-print-directory fuzz-build FUZZ_JOBS=$(JOBS) >$(TEST_DIR)/fuzz-build.log 2>&1; \
	  echo $$? >$(TEST_DIR)/fuzz-build.rc ) & \
	( cd $(TEST_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600 ); rc=$$?; wait; \
	if [ "$$(cat $(TEST_DIR)/fuzz-build.rc)" != 0 ]; then cat $(TEST_DIR)/fuzz-build.log; exit 1; fi; \
	exit $$rc
	@cd $(FUZZ_DIR) && ctest --output-on-failure -j $(JOBS) -L fuzz

# The Debian package of a release build (cmake/packaging.cmake, docs/operations.md "Installing
# the package"): $(BUILD_DIR)/zhizao_VERSION_ARCH.deb.
package: build
	@cd $(BUILD_DIR) && cpack -G DEB > /dev/null && ls -1 $(CURDIR)/$(BUILD_DIR)/zhizao_*.deb

# The libFuzzer targets of fuzz/ with clang (ASan+UBSan; only the modules they need).
fuzz-build: deps-test
	@CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" -DZHIZAO_FUZZ=ON -DZHIZAO_TESTS=OFF > /dev/null
	@cmake --build $(FUZZ_DIR) --target zhizao_fuzzers -j $(FUZZ_JOBS)

# Runs each fuzz target FUZZ_SECONDS over a copy of its corpus; crashes are left in
# $(FUZZ_DIR)/fuzz/work/TARGET/ and listed at the end.
fuzz: fuzz-build
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; \
	  dict=fuzz/dict/$$t.dict; [ -f $$dict ] || dict=""; \
	  sh fuzz/run_fuzzer.sh $(FUZZ_DIR)/fuzz/$$t fuzz/corpus/$$t fuzz/regressions/$$t \
	    $(FUZZ_DIR)/fuzz/work/$$t $(FUZZ_SECONDS) "$$dict" $(if $(FUZZ_MERGE),fuzz/corpus/$$t) \
	    || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "new crashes in:$$failed (inputs in $(FUZZ_DIR)/fuzz/work/)"; \
	  exit 1; fi; echo "no crash in $(FUZZ_TARGETS)"

# The dashboard (web/, served by `zhizao serve` from web/dist): npm ci when the lock file changed,
# then the area maps step (web/scripts/build-area-maps.mjs) and vite build when a source changed.
WEB_SOURCES := $(shell find web/src web/scripts -type f -not -path 'web/src/generated/*' 2>/dev/null) \
  web/index.html web/vite.config.js

web: web/dist/index.html

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	@cd web && npm ci --no-audit --no-fund --loglevel=error

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	@cd web && npm run --silent build

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(TEST_DIR) $(FUZZ_DIR)

# Load test of `zhizao serve` (bench/load/, docs/security.md): wrk against the demo on loopback
# for LOAD_SECONDS, the dashboard's reads mixed with submissions; prints requests/s and p50/p99
# latency, fails on any error or lost submission. LOAD_JSON=FILE also writes the numbers as JSON.
# LOAD_DB=PATH runs against a copy of that database (and its snapshot) instead of the demo;
# LOAD_PUBLISH_EVERY=S also publishes a submission every S seconds during the run.
LOAD_SECONDS ?= 20
LOAD_JSON ?=
LOAD_DB ?=
LOAD_PUBLISH_EVERY ?=
.PHONY: load
load: deps-test
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIZAO_TESTS=OFF > /dev/null
	@cmake --build $(BUILD_DIR) --target zhizao -j $(JOBS)
	@/usr/bin/python3 bench/load/run.py --zhizao $(BUILD_DIR)/zhizao --duration $(LOAD_SECONDS) \
	  $(if $(LOAD_JSON),--json $(LOAD_JSON)) $(if $(LOAD_DB),--db $(LOAD_DB)) \
	  $(if $(LOAD_PUBLISH_EVERY),--publish-every $(LOAD_PUBLISH_EVERY))

# `make bench` (bench/README.md, issue #3): the Release zhizao (no web part), DuckDB's npm package
# in bench/, the generated national dataset at 5,000, 50,000, 500,000 and 2,000,000 enterprises ×
# 60 months (SQLite not at 2,000,000), then zhizao against DuckDB and SQLite (import, report;
# medians, peak memory) with a check that their figures agree, the table, and zhizao's growth
# table (import, report, explain, the load test on each size's database). BENCH_* variables: see
# bench/bench.sh.
.PHONY: bench deps-bench
deps-bench:
	@tools/install-deps.sh bench

bench: deps-bench
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIZAO_TESTS=OFF > /dev/null
	@cmake --build $(BUILD_DIR) --target zhizao -j $(JOBS)
	@cd bench && npm ci --no-audit --no-fund --loglevel=error
	@bench/bench.sh $(BUILD_DIR)/zhizao

# Daily readings in the embedded store, one ClickHouse shard and two (issue 13, bench/README.md).
.PHONY: bench-clickhouse
bench-clickhouse: deps-test
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIZAO_TESTS=OFF > /dev/null
	@cmake --build $(BUILD_DIR) --target zhizao -j $(JOBS)
	@bench/clickhouse_bench.sh $(BUILD_DIR)/zhizao
