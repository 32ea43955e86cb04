# The test command of README.md: formatting, vet, every test, and a short fuzz run of the parser.
GO ?= go
FUZZTIME ?= 15s

.PHONY: test fmt vet unit fuzz bench-parser

test: fmt vet unit fuzz

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	COVETGEN_SITEPACKAGES=1 $(GO) test -count=1 -timeout 40m ./...

fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./parser

# Parser speed against CPython 3.13 on the same files (not part of `make test`).
bench-parser:
	bash bench/parser/run.sh
