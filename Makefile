# ShipTrack. `make test` and `make demo` work on a fresh Debian machine: they install what is missing first.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev pkg-config tzdata
RELEASE_BIN := .build/release

.PHONY: all deps build test demo install embed golden clean bench fuzz

all: build

# Installs the C libraries' -dev packages (and time-zone data), and Debian's chromium for the report's browser
# test, only when something is missing.
deps:
	@if ! pkg-config --exists libcurl libxml-2.0 2>/dev/null || [ ! -e /usr/share/zoneinfo/America/New_York ]; then \
		echo "Installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $(APT_PACKAGES); \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "Installing chromium (headless browser for the morning report's browser test)"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

build: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Starts the carrier simulator on a free loopback port, looks up sample numbers of every kind, stops it.
demo: build
	@scripts/demo.sh $(RELEASE_BIN)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN)/shiptrack $(DESTDIR)$(PREFIX)/bin/shiptrack

# Re-embeds the data files that ship inside the binary. Run after editing Carriers/, TrackingSources/ or Policy/.
embed:
	scripts/embed-data.sh Sources/ShipTrackCarriers/Generated/EmbeddedCarriers.swift embeddedCarrierFiles Carriers/*.json
	scripts/embed-data.sh Sources/ShipTrackCarriers/Generated/EmbeddedSources.swift embeddedSourceFiles TrackingSources/*.json
	@if [ -d Policy ]; then scripts/embed-data.sh Sources/ShipTrackEstimate/Generated/EmbeddedPolicy.swift embeddedPolicyFiles Policy/policy.json Policy/countries.json; fi
	scripts/embed-data.sh Sources/ShipTrackReport/Generated/EmbeddedMessages.swift embeddedMessageFiles Policy/messages.json

# Rewrites every fixture's expected reading, on purpose. Review the diff before committing it.
golden: deps
	$(SWIFT) build --product shiptrack
	scripts/golden.sh .build/debug/shiptrack

clean:
	rm -rf .build

# Benchmarks: release build, measured against the raw C libraries and the ideal; writes BENCHMARKS.md.
# Never part of `make test`. BENCH_FULL=1 adds the 1,000,000-shipment night.
bench: deps
	scripts/bench.sh

# Fuzzing: libFuzzer targets of Fuzz/ (order files, carrier answers, numbers, definitions), built with ASan, each
# run for FUZZ_SECONDS (60) on a copy of its seed corpus. Fails on a crash, hang or out-of-memory input. Never part
# of `make test`; see docs/fuzzing.md.
fuzz: deps
	scripts/fuzz.sh
