# zhizao: `make demo` builds and prints the demo report; `make test` builds (ASan+UBSan) and
# runs every test. Both install what is missing from Debian's packages first.
BUILD_DIR ?= build
TEST_DIR ?= build-test
JOBS ?= $(shell nproc)
DEMO_DB ?= demo.db

.PHONY: all deps build demo test format clean

all: build

deps:
	@tools/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHIZAO_TESTS=OFF > /dev/null
	@cmake --build $(BUILD_DIR) --target zhizao -j $(JOBS)

demo: build
	@$(BUILD_DIR)/zhizao demo --db $(DEMO_DB) --force
	@$(BUILD_DIR)/zhizao report --db $(DEMO_DB) --period 2021-04

test: deps
	@cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZHIZAO_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" > /dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)
	@cd $(TEST_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(TEST_DIR)
