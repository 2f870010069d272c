# The two commands on a fresh Debian machine with Swift (README):
#   make run    installs what is missing, builds, processes the bundled examples/ into out/
#   make test   installs what is missing, builds, runs the unit and integration suites
# Extra: make lint (formatting check), make format (rewrite in place), make deps.
# Every recipe is plain shell: `make -n test` shows what would run.

SWIFT ?= swift
GLEANER_BIN ?= .build/release/gleaner
FORMATTED := Sources Tests Package.swift
# Flags for `gleaner run`, e.g. make run ARGS="--workers 4 mydocs/"
ARGS ?=

.PHONY: run test deps build unit integration lint format

deps:
	bash scripts/install-deps

build: deps
	$(SWIFT) build -c release

run: build
	$(GLEANER_BIN) run $(ARGS)

# The integration tests drive the release build: the extraction core in a debug
# build is an order of magnitude slower, and they push thousands of documents.
test: lint build unit integration

unit: deps
	$(SWIFT) test

integration: build
	GLEANER_BIN=$(GLEANER_BIN) python3 -m pytest -q Tests/Integration

# .swift-format holds the settings (4-space indent, 130 columns); `make test` starts
# with the check, so a change that breaks the layout fails before the slow build.
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMATTED)

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMATTED)
