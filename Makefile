# The two set-up commands of the README:
#   make lab    installs what is missing, builds `lab` in release mode and starts it
#   make test   installs what is missing and runs every test
# Pass arguments to lab with ARGS, e.g. `make lab ARGS="bench --threads 2"`.

SWIFT ?= swift

.PHONY: lab test build deps bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product lab

lab: build
	@$$($(SWIFT) build -c release --show-bin-path)/lab $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	@$$($(SWIFT) build -c release --show-bin-path)/lab bench $(ARGS)

clean:
	rm -rf .build
