# The two commands of the README, and a few more for developers.
#   make demo    install dependencies, build, launch Outpost on the demo workspace
#   make test    install dependencies, build (ASan + UBSan), run every test   [LABEL=unit|integration|ui]
#   make bench   install dependencies, build (release), run the benchmarks     [BENCH_LEADS=N]
#   make screenshots   every page in light and dark, written to build/screenshots/

SHELL := /bin/bash
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
TEST_BUILD := build/asan
RELEASE_BUILD := build/release
LABEL ?=
BENCH_LEADS ?= 1000000

.PHONY: all deps build release test demo bench screenshots format clean

all: build

deps:
	@bash packaging/install-deps.sh

$(TEST_BUILD)/build.ninja:
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOUTPOST_SANITIZE=ON -DOUTPOST_TEST_HOOKS=ON

$(RELEASE_BUILD)/build.ninja:
	cmake -S . -B $(RELEASE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DOUTPOST_BUILD_TESTS=OFF

build: deps $(TEST_BUILD)/build.ninja
	cmake --build $(TEST_BUILD) -j $(JOBS)

release: deps $(RELEASE_BUILD)/build.ninja
	cmake --build $(RELEASE_BUILD) -j $(JOBS)

test: build
	tests/run-headless.sh ctest --test-dir $(TEST_BUILD) --output-on-failure -j $(JOBS) $(if $(LABEL),-L $(LABEL))

demo: release
	@bash packaging/run-demo.sh $(RELEASE_BUILD)

bench: release
	@bash bench/run-benchmarks.sh $(RELEASE_BUILD) $(BENCH_LEADS)

screenshots: deps $(TEST_BUILD)/build.ninja
	cmake --build $(TEST_BUILD) -j $(JOBS) --target tst_screenshots
	tests/run-headless.sh ctest --test-dir $(TEST_BUILD) --output-on-failure -R '^tst_screenshots$$'
	@echo "Screenshots: $(CURDIR)/build/screenshots/"

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf build
