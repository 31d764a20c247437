# zhizao: `make demo` builds and prints the demo report; `make test` builds (ASan+UBSan) and
# runs every test. Both install what is missing from Debian's packages first.
BUILD_DIR ?= build
TEST_DIR ?= build-test
JOBS ?= $(shell nproc)
DEMO_DB ?= demo.db

.PHONY: all deps deps-test build web demo test format clean

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

test: deps-test
	@cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZHIZAO_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" > /dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)
	@$(MAKE) --no-print-directory web
	@cd $(TEST_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

# The dashboard (web/, served by `zhizao serve` from web/dist): npm ci when the lock file changed,
# then the Luoyang map step and vite build when a source changed.
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
	rm -rf $(BUILD_DIR) $(TEST_DIR)
