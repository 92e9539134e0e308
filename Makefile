# The developer's entry points. `make test` is what CI runs (see .ci/run).
GO           ?= go
STATICCHECK  := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GENERATED    := gen storefront/zz_*.gen.go storefront/storefronttest/zz_*.gen.go storefront/storefronttest/internal/genserver api/openapi.gen.yaml OPERATIONS.md

.PHONY: all generate check-generated test test-long lint fmt vet spec-diff conformance-live bench build-cost fuzz redis-server

all: check-generated lint test

## generate: regenerate gen/ from openapi.yaml with the oapi-codegen pinned in go.mod
generate:
	$(GO) generate ./...

## check-generated: regenerate, then fail if any generated file (gen/, storefront/zz_*.gen.go, api/openapi.gen.yaml) changed or appeared
check-generated: generate
	@git diff --exit-code -- $(GENERATED) || { echo "generated code is stale: run 'make generate' and commit the result"; exit 1; }
	@untracked=$$(git status --porcelain --untracked-files=all -- $(GENERATED)); \
	  if [ -n "$$untracked" ]; then echo "generation left files not in git:"; echo "$$untracked"; exit 1; fi
	@echo "generated code is current"

# Test binaries run TESTP packages at a time. Several packages spend much
# of their time waiting (on timers, subprocesses, Redis, a server's answer),
# so four at once keep two cores busy where the default (one per core) left
# them idle a fifth of the time: 80 s → 69 s warm on a 2-core machine.
TESTP ?= 4

## test: every test with the race detector (installs redis-server first when it is missing)
# go test runs go vet's curated checks itself; all of go vet's checks run in
# make lint. A `go vet ./...` here compiled every package and dependency a
# second time without -race: 108 s of a cold make test on a 2-core machine.
test: redis-server
	$(GO) test -race -p $(TESTP) ./...

## test-long: make test with the long forms of the exhaustive agreement runs (SDK_TEST_LONG=1; see internal/testlong)
test-long: redis-server
	SDK_TEST_LONG=1 $(GO) test -race -p $(TESTP) -timeout 30m ./...

## redis-server: install Redis when it is missing: the storefront/redisstore and storefront/web tests run a real one
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing redis-server (the storefront/redisstore tests run a real one)"; \
	  command -v apt-get >/dev/null 2>&1 || { echo "no apt-get: install redis-server with your package manager" >&2; exit 1; }; \
	  sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq redis-server >/dev/null; \
	  command -v redis-server >/dev/null 2>&1 || { echo "redis-server still missing after apt-get install" >&2; exit 1; }; }

vet:
	$(GO) vet ./...

## lint: go vet (every check), then staticcheck, pinned, run through go run
lint: vet
	$(GO) run $(STATICCHECK) ./...

## fmt: gofmt every Go file
fmt:
	gofmt -w $$(git ls-files '*.go')

## spec-diff: compare openapi.yaml with an upstream OpenAPI document, every path, /pos included (UPSTREAM=file); fails on breaking changes
spec-diff:
	@test -n "$(UPSTREAM)" || { echo "usage: make spec-diff UPSTREAM=path/to/upstream-openapi.yaml (YAML or JSON, OpenAPI 3.0 or 3.1)" >&2; exit 2; }
	@$(GO) run ./internal/cmd/specdiff -base openapi.yaml -upstream "$(UPSTREAM)"

## conformance-live: check the live API's answers against openapi.yaml (CE_STORE_ID, CE_API_KEY …; skips without them)
conformance-live:
	@$(GO) run ./internal/cmd/conformance-live

## bench: every benchmark, with ratios against the bare net/http baseline and the targets; raw output in bench/results.txt
bench: redis-server
	$(GO) run ./internal/cmd/bench

## build-cost: the CPU a user's cold build spends compiling the SDK (a list-products program on storefront, and a web handler; the median of BUILDCOST_RUNS builds), and the binary's size
BUILDCOST_RUNS ?= 3
build-cost:
	$(GO) run ./internal/cmd/buildcost -program storefront -runs $(BUILDCOST_RUNS)
	$(GO) run ./internal/cmd/buildcost -program web -runs $(BUILDCOST_RUNS)

## fuzz: run every fuzz target for FUZZTIME each, one after another (seeds in testdata/fuzz/<Name>; a failing input is written there)
FUZZTIME ?= 30s
# Minimizing each new input for the default 60 s would spend a short run on
# a few long inputs (a fake-server request with a JWT in it); 10 s is enough.
FUZZMINIMIZETIME ?= 10s
FUZZ_TARGETS := \
	./storefront:FuzzParseClaims \
	./storefront:FuzzAPIError \
	./storefront:FuzzDecodeTokenFile \
	./storefront/storefronttest:FuzzHandler \
	./api:FuzzCompiledChecksAgreeWithKin \
	./api:FuzzScannerMatchesEncodingJSON \
	./decimal:FuzzParse \
	./decimal:FuzzArithmetic

fuzz:
	@set -e; for target in $(FUZZ_TARGETS); do \
	  pkg=$${target%%:*}; name=$${target##*:}; \
	  echo "== $$name ($$pkg) for $(FUZZTIME)"; \
	  $(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZETIME) $$pkg; \
	done
