# A thin front over CMake. `make demo` and `make test` install what is missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

DEPS = cmake g++ make ninja-build libcli11-dev libeigen3-dev libfccp-dev nlohmann-json3-dev \
       catch2 libfast-float-dev libspectra-dev mandoc parallel libfmt-dev \
       libboost-math-dev zlib1g-dev libzstd-dev libcairo2-dev pkg-config
# Only the tests need these: the completion checks (zsh -n, fish -n) and man -w.
TEST_DEPS = zsh fish man-db
BENCH_DEPS = hyperfine datamash mawk python3-pandas python3-scipy python3-sklearn python3-numpy time nodejs
FUZZ_DEPS = clang libclang-rt-14-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# A new build directory uses Ninja where it is installed: it starts a target's
# compiles before the libraries it links are archived, so both cores stay busy
# across the unity batches (cmake/unity.cmake). An existing one keeps its generator.
generator = $$([ -f $(1)/CMakeCache.txt ] || ! command -v ninja >/dev/null || echo -G Ninja)

.PHONY: all build tools deps test-deps demo test unit sanitize bench fuzz install deb man clean

all: build

define install_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(DEPS))

test-deps:
	$(call install_missing,$(TEST_DEPS))

build:
	cmake -S . -B $(BUILD) $(call generator,$(BUILD)) $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# The tools alone, without the tests: what the demo and the package need.
tools:
	cmake -S . -B $(BUILD) $(call generator,$(BUILD)) $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target tools

demo: deps tools
	PATH="$(CURDIR)/$(BUILD)/bin:$$PATH" bash examples/demo.sh

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

sanitize:
	# -O1 without debug info: the sanitizers need no more, and it halves the compile time.
	cmake -S . -B $(ASAN_BUILD) $(call generator,$(ASAN_BUILD)) -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1" \
	  -DMLM_SANITIZE=ON -DMLM_ARCH=portable $(CMAKE_ARGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	# A small quarantine: the reader frees a 1 MiB chunk at a time, and the default
	# 256 MB of freed memory held back would swamp the memory bounds some tests check.
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=8 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

test: deps test-deps unit sanitize

bench: deps build
	$(call install_missing,$(BENCH_DEPS))
	PATH="$(CURDIR)/$(BUILD)/bin:$$PATH" bash bench/run.sh

fuzz: deps
	$(call install_missing,$(FUZZ_DEPS))
	bash fuzz/run.sh $(or $(SECONDS),60) $(TARGET)

install: tools
	cmake --install $(BUILD) --prefix $(PREFIX)

# build/mlm_VERSION_ARCH.deb: apt-get install ./build/mlm_*.deb. Compiled for
# build/'s MLM_ARCH (README.md, Install); for any x86-64:
#   make deb BUILD=build-deb CMAKE_ARGS=-DMLM_ARCH=portable
deb: tools
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
