# actplot — build, test and install.
#
#   make demo      build and run the main job
#   make test      build everything and run every test (what CI runs)
#   make release   optimised build in .build/release
#   make install   install actplot into $(PREFIX)/bin (default /usr/local)
#   make samples   regenerate the outputs in Samples/
#   make reference regenerate the high-precision test fixture (needs mpmath)
#   make format    format the sources in place; make lint checks them

PREFIX ?= /usr/local
SWIFT ?= swift
PYTHON ?= python3
BUILD_FLAGS ?=
DEMO := .build/debug/actplot

.PHONY: all build release test demo install uninstall clean format lint reference deps samples

all: build

# libpng (with pkg-config to find it) is the one system library actplot needs.
deps:
	@if pkg-config --exists libpng 2>/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing libpng-dev and pkg-config with apt-get"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpng-dev pkg-config >/dev/null; \
	else \
	    echo "make: libpng is missing; install it with:"; \
	    echo "    sudo apt-get install -y libpng-dev pkg-config"; \
	    exit 1; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

test: build
	$(SWIFT) test $(BUILD_FLAGS)

demo: build
	$(DEMO) relu --range -5:5

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 .build/release/actplot "$(DESTDIR)$(PREFIX)/bin/actplot"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/actplot"

clean:
	rm -rf .build

format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# Real outputs for the gallery in Samples/ (each file starts with the command that made it).
SAMPLES := \
	"relu --range -5:5 --width 80 --height 24" \
	"gelu silu mish --range -6:4 --width 100 --height 30" \
	"tanh --second-derivative --ascii --width 72 --height 22" \
	"leaky_relu:alpha=0.2 --samples 11 --format csv" \
	"eval gelu -1 0 1" \
	"eval torch.hardsigmoid -3 -2.5 2.75 3" \
	"eval dl4j.hardsigmoid -3 -2.5 2.75 3" \
	"eval silu -800 -1.2784645427610737 1e-8 --json" \
	"eval softmax --vector 1,2,3" \
	"info gelu" \
	"info torch.softplus --range -25:25" \
	"list" \
	"list --framework dl4j"

samples: build
	@mkdir -p Samples
	@for cmd in $(SAMPLES); do \
	    name=$$(echo "$$cmd" | tr ' :,' '___' | tr -cd 'A-Za-z0-9._-' | cut -c1-60); \
	    { echo "\$$ actplot $$cmd"; LANG=C.UTF-8 $(DEMO) $$cmd; } > "Samples/$$name.txt" || exit 1; \
	    echo "Samples/$$name.txt"; \
	done

# The fixture the accuracy tests read: every catalog function and preset at 50+ digits.
reference:
	@$(PYTHON) -c 'import mpmath' 2>/dev/null || $(PYTHON) -m pip install -q mpmath
	$(PYTHON) Scripts/make-reference.py Tests/ActivationCoreTests/Fixtures/reference.tsv
