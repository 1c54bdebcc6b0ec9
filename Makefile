# Dateline's two commands: `make demo` and `make test`. Everything CI runs is
# reachable from `make test`.

SHELL   := bash
GO      ?= go
BIN     := bin/dateline
DB      ?= ./dateline-data
PKGS    := ./...

.PHONY: all build demo test vet fmt-check bench clean

# webassets: the explorer's front-end libraries, from the npm registry into
# webui/assets/vendor (git-ignored).
-include webui/assets.mk

.DEFAULT_GOAL := all
all: build

build: webassets
	$(GO) build -o $(BIN) ./cmd/dateline

# Build, load the bundled sample articles into $(DB) and open the explorer
# on them at http://127.0.0.1:8080/ (Ctrl-C stops it).
demo: build
	./$(BIN) demo --db $(DB)

# Every test, as CI runs them: formatting, vet, then the race-enabled suite
# (unit, golden, fuzz seed corpora, the kill -9 crash tests). The summary
# prints a line a package, every failure in full, and the tests skipped for
# want of ../shared with their reasons.
test: fmt-check vet webassets
	set -o pipefail; $(GO) test -race -count=1 -timeout 30m -json $(PKGS) | $(GO) run .ci/testsummary.go

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# Benchmarks whose figures are quoted in README.md.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./graph/ingest/ ./graph/store/

clean:
	rm -rf bin
