# lotse — see README.md. `make run` and `make test` do all the set-up on a fresh machine.
SWIFT        ?= swift
APT_PACKAGES := $(shell grep -v '^\#' packaging/apt-packages)
PY_PACKAGES  := pexpect pytest pytest-xdist bagit jsonschema openpyxl
BIN          := .build/debug/lotse
export LOTSE_RESOURCES := $(CURDIR)/resources

.PHONY: run test build release deb bench deps test-deps clean

## Build, then open the REPL on the embedded database ./var/lotse.sqlite.
run: build
	@mkdir -p var && chmod 700 var
	LOTSE_DB=$(CURDIR)/var/lotse.sqlite LOTSE_CONFIG=$(CURDIR)/plugins.json $(BIN)

## Unit tests (swift test), then end-to-end tests that drive the built binary: one
## build for both, the end-to-end tests on two workers (the package test on one of them).
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q -n 2 --dist loadgroup Tests/EndToEnd

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

## The Debian package dist/lotse_VERSION_ARCH.deb (release build, static Swift runtime).
## CONFIG=debug packages the debug build instead (quicker; for tests only).
CONFIG ?= release
deb: deps
ifeq ($(CONFIG),release)
	$(SWIFT) build -c release --static-swift-stdlib
	$(SWIFT) build -c release --static-swift-stdlib --product generate-manual
else
	$(SWIFT) build --product generate-manual
endif
	packaging/build-deb $(CONFIG)

## Benchmarks (separate package, never built by `make test`).
bench: release
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

## System packages: installed with apt-get when missing and running as root.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing system packages:$$missing — run: sudo apt-get install$$missing"; exit 1; fi; \
	fi

## Python tools the end-to-end tests use.
test-deps:
	@python3 -c "import pexpect, pytest, xdist, bagit, jsonschema, openpyxl" 2>/dev/null || python3 -m pip install -q $(PY_PACKAGES)

clean:
	rm -rf .build Benchmarks/.build
