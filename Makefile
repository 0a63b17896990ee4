# actplot — build, test and install.
#
#   make demo      build and run the main job
#   make test      build everything and run every test (what CI runs)
#   make release   optimised build in .build/release (for AVX2/FMA when present; CPU= for any x86-64)
#   make install   actplot, its man page and bash/zsh/fish completions under $(PREFIX) (/usr/local)
#   make uninstall removes them
#   make bench     actplot beside gnuplot, matplotlib, numpy, JAX and C (see BENCHMARKS.md)
#   make check-speed  callgrind instruction counts of everyday jobs and kernels against the budgets
#                  in Benchmarks/speed-budgets.tsv (fails at 10 % over; CI runs it)
#   make docs      ActivationCore's documentation as a static site in $(DOCS) (swift-docc-plugin)
#   make man       the man page and shell completions in .build/share (from the argument definitions)
#   make fuzz      libFuzzer on the parsers and renderers, FUZZ_SECONDS (60) per target
#   make sanitize  the test suite under AddressSanitizer, then ThreadSanitizer
#   make samples   regenerate the outputs in Samples/
#   make reference regenerate the high-precision test fixture (needs mpmath)
#   make accuracy  print the largest error of every spec against that fixture, in ulps
#   make check-formats  --arith exact against mpmath at every input of bf16, f16, e4m3, e5m2, for every
#                    catalog function (about 25 minutes; FORMATS=bf16 and SPECS="gelu tanh" narrow it),
#                    then every row of the e4m3 and e5m2 golden tables (actplot table) read back by numpy
#   make check-dense  the dense accuracy check: 100,000 points per function against mpmath; fails
#                  over 1 / 2 / 4 ulp for f / f′ / f″ (DENSE='--points 20000 mish' for a part)
#   make check-frameworks  the presets against the running tf-keras, Keras 3, TensorFlow, JAX
#                  (.build/frameworks), transformers, timm, onnxruntime and MLX (.build/hfvenv), the
#                  coverage of their activation names, and --arith framework bit for bit against
#                  torch 2.15 (and transformers, timm on it), jax 0.10.2 and TensorFlow 2.21 + Keras
#                  3.15 at every bf16 and f16 input and a float32 sample (.build/torch, .build/jax,
#                  .build/tf) (installs them; not for make test)
#   make generated remake the generated tables (Sources/*/Generated, the font); make check-generated
#                  regenerates them into a scratch folder and fails if one differs
#   make format    format the sources in place; make lint checks them (and Scripts/check-structure.py)

PREFIX ?= /usr/local
SWIFT ?= swift
PYTHON ?= python3
BUILD_FLAGS ?=
DEMO := .build/debug/actplot

.PHONY: test-shells test-pdf test-tex all build release test demo install uninstall clean format lint reference deps samples bench \
	fuzz sanitize docs man accuracy generated check-generated check-dense check-formats check-frameworks \
	check-speed

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

# The release build uses AVX2 and FMA when the building machine has them (the x86-64-v3 level;
# swiftc's name for it is haswell): batch kernels then run four doubles per instruction. The
# numbers are the same bits either way, since Swift never fuses a multiply and an add on its
# own. `make release CPU=` builds for any x86-64, e.g. for a binary that goes to older machines.
CPU ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo && echo haswell)
RELEASE_FLAGS := $(if $(CPU),-Xswiftc -target-cpu -Xswiftc $(CPU))

release: deps
	$(SWIFT) build -c release --static-swift-stdlib $(RELEASE_FLAGS) $(BUILD_FLAGS)

# The completion tests drive zsh and fish, as users have them (bash is everywhere).
test-shells:
	@if command -v zsh >/dev/null && command -v fish >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing zsh and fish with apt-get, for the completion tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zsh fish >/dev/null; \
	else \
	    echo "make: the completion tests need zsh and fish; install them with:"; \
	    echo "    sudo apt-get install -y zsh fish"; \
	    exit 1; \
	fi

# The PDF tests check each file with qpdf and render it with poppler's pdftoppm.
test-pdf:
	@if command -v qpdf >/dev/null && command -v pdftoppm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing qpdf and poppler-utils with apt-get, for the PDF tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qpdf poppler-utils >/dev/null; \
	else \
	    echo "make: the PDF tests need qpdf and pdftoppm; install them with:"; \
	    echo "    sudo apt-get install -y qpdf poppler-utils"; \
	    exit 1; \
	fi

# pdfLaTeX and pgfplots for the pgfplots compile test: Debian's texlive-latex-base and
# texlive-pictures without recommends (about 150 MB, 47 s to install on the CI machine).
test-tex:
	@if command -v pdflatex >/dev/null && kpsewhich pgfplots.sty >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing texlive-latex-base and texlive-pictures with apt-get, for the pgfplots test"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	        texlive-latex-base texlive-pictures >/dev/null; \
	else \
	    echo "make: the pgfplots test needs pdflatex and pgfplots; install them with:"; \
	    echo "    sudo apt-get install -y --no-install-recommends texlive-latex-base texlive-pictures"; \
	    exit 1; \
	fi

test: build test-shells test-pdf test-tex
	$(SWIFT) test $(BUILD_FLAGS)
	.build/debug/ActivationExample > /dev/null

demo: build
	$(DEMO) relu --range -5:5

# The man page comes from the argument definitions (swift-argument-parser's generate-manual,
# fed by Scripts/help-for-manual.sh so that primes, minus signs and ∞ survive as groff
# escapes); the completion scripts from the binary. Both land in .build/share.
SHARE := .build/share
man: release
	$(SWIFT) build --product generate-manual
	mkdir -p $(SHARE)/man/man1 $(SHARE)/completions
	.build/debug/generate-manual Scripts/help-for-manual.sh --output-directory $(SHARE)/man/man1
	sed -i -e 's/@fm@/\\[fm]/g; s/@sd@/\\[sd]/g; s/@mi@/\\[mi]/g; s/@pm@/\\[+-]/g' \
	    -e 's/@if@/\\[if]/g; s/@mu@/\\[mu]/g; s/@ellipsis@/.../g; s/@em@/\\[em]/g; s/^$$/.Pp/' $(SHARE)/man/man1/actplot.1
	.build/release/actplot --generate-completion-script bash > $(SHARE)/completions/actplot.bash
	.build/release/actplot --generate-completion-script zsh > $(SHARE)/completions/_actplot
	.build/release/actplot --generate-completion-script fish > $(SHARE)/completions/actplot.fish

# Where make install puts each file (make uninstall removes the same five).
BIN_PATH := $(DESTDIR)$(PREFIX)/bin/actplot
MAN_PATH := $(DESTDIR)$(PREFIX)/share/man/man1/actplot.1
BASH_PATH := $(DESTDIR)$(PREFIX)/share/bash-completion/completions/actplot
ZSH_PATH := $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_actplot
FISH_PATH := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/actplot.fish

install: release man
	install -D -m 755 .build/release/actplot "$(BIN_PATH)"
	install -D -m 644 $(SHARE)/man/man1/actplot.1 "$(MAN_PATH)"
	install -D -m 644 $(SHARE)/completions/actplot.bash "$(BASH_PATH)"
	install -D -m 644 $(SHARE)/completions/_actplot "$(ZSH_PATH)"
	install -D -m 644 $(SHARE)/completions/actplot.fish "$(FISH_PATH)"

uninstall:
	rm -f "$(BIN_PATH)" "$(MAN_PATH)" "$(BASH_PATH)" "$(ZSH_PATH)" "$(FISH_PATH)"

# Instruction counts are repeatable whatever the machine's load, so CI holds them to budgets. The
# budgets are counts of the haswell build (valgrind cannot run AVX-512 code), whatever CPU= says.
check-speed: deps
	@command -v valgrind >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq valgrind >/dev/null; } || { echo "make: install valgrind"; exit 1; }
	$(MAKE) release CPU=haswell
	$(PYTHON) Scripts/check-speed.py

# Peers are installed into .bench/ by the script; results go to .bench/results.md.
bench: release
	ACTPLOT_CPU=$(CPU) $(PYTHON) Scripts/bench.py

# The DocC catalog is Sources/ActivationCore/Documentation.docc; warnings fail the build.
DOCS ?= .build/docs
docs: deps
	$(SWIFT) package --allow-writing-to-directory "$(DOCS)" generate-documentation \
	    --target ActivationCore --output-path "$(DOCS)" --transform-for-static-hosting \
	    --hosting-base-path actplot --warnings-as-errors
	@echo "docs: open $(DOCS)/index.html through a web server, e.g. python3 -m http.server -d $(DOCS)"

# Harnesses in Fuzz/, built into .build-fuzz; crashes land in .build-fuzz/crashes/.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Scripts/fuzz.sh

# Each sanitizer builds into its own folder, so the normal build is untouched.
# AddressSanitizer covers the Swift and the C (libpng glue) code; leak checking is off, as at
# exit it reports XCTest's and Dispatch's own allocations (make fuzz keeps it on).
# ThreadSanitizer covers the parallel CSV formatting and batch evaluation. swiftc 6.3 has no
# UndefinedBehaviorSanitizer on Linux ("unsupported option '-sanitize=undefined'"); Swift
# code traps on overflow and out-of-range access by itself.
sanitize: deps
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
	    $(SWIFT) test --scratch-path .build-asan --sanitize=address $(BUILD_FLAGS)
	SWIFT_BACKTRACE=enable=no TSAN_OPTIONS=halt_on_error=1 \
	    $(SWIFT) test --scratch-path .build-tsan --sanitize=thread $(BUILD_FLAGS)

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan

format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Tests Benchmarks Fuzz Examples

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks Fuzz Examples
	$(PYTHON) Scripts/check-structure.py

# Real outputs for the gallery in Samples/ (each file starts with the command that made it).
SAMPLES := \
	"relu --range -5:5 --width 80 --height 24" \
	"gelu silu mish --range -6:4 --width 100 --height 30" \
	"tanh --second-derivative --ascii --width 72 --height 22" \
	"compare torch.hardsigmoid dl4j.hardsigmoid --width 80 --height 24" \
	"compare torch.leaky_relu jax.leaky_relu keras.layers.LeakyReLU --range -2:2 --width 120 --height 20" \
	"sigmoid --range -10:10 --saturation --mark 0 --width 80 --height 22" \
	"leaky_relu:alpha=0.2 --samples 11 --format csv" \
	"compare gelu x*sigmoid(1.702*x) --width 100 --height 22" \
	"eval x*tanh(log1p(exp(x))) -1 0 1" \
	"eval gelu -1 0 1" \
	"eval torch.hardsigmoid -3 -2.5 2.75 3" \
	"eval dl4j.hardsigmoid -3 -2.5 2.75 3" \
	"eval silu -800 -1.2784645427610737 1e-8 --json" \
	"eval softmax --vector 1,2,3" \
	"info gelu" \
	"info torch.softplus --range -25:25" \
	"list" \
	"list --framework dl4j" \
	"list --framework caffe" \
	"eval caffe.Log:shift=1,scale=0.5 -1.5 1e-10 2" \
	"info sin(x)" \
	"compare relu log(x) --width 80 --height 16" \
	"gelu silu mish elu relu --ascii --width 80 --height 24" \
	"compare gelu silu mish --diff --width 100 --height 40" \
	"precision sigmoid --dtype bf16" \
	"precision gelu:approximate=tanh --dtype f16" \
	"eval gelu --dtype bf16 -8 -1 0 3" \
	"info --dtype e4m3" \
	"info nalu" \
	"stats gelu silu mish relu tanh selu" \
	"stats tanh relu --sigma-w 1.5 --sigma-b 0.05"

# File samples (images and a CSV): file name, then the arguments that make it.
IMAGES := \
	"relu.png relu" \
	"gelu.png gelu --range -4:4" \
	"sigmoid-tanh.png sigmoid tanh --second-derivative" \
	"hardsigmoid-torch-vs-dl4j.png torch.hardsigmoid dl4j.hardsigmoid --range -4:4" \
	"compare-hardsigmoid.png compare torch.hardsigmoid dl4j.hardsigmoid --diff" \
	"compare-gelu-approximations.png compare gelu gelu:approximate=tanh gelu:approximate=sigmoid --diff --range -4:4" \
	"saturation-sigmoid-tanh.png sigmoid tanh --saturation --range -8:8 --no-derivative" \
	"rrelu-band.png rrelu --mark -2 --range -4:3" \
	"dropout-band.png dropout:p=0.2 --range -3:3" \
	"nalu.png nalu nalu:gate=-1 nalu:w_hat=-1,m_hat=1 --range -3:3 --no-derivative" \
	"expression-mish-vs-gelu.png x*tanh(log1p(exp(x))) gelu --range -4:3" \
	"gelu-silu-mish@2x.png gelu silu mish --range -5:3 --scale 2 --width 800 --height 500" \
	"leaky-relu-frameworks.svg torch.leaky_relu keras.layers.LeakyReLU --range -3:3" \
	"gelu-silu.csv gelu silu --samples 21 --second-derivative" \
	"caffe-prelu-elu-bnll.png caffe.PReLU caffe.ELU caffe.BNLL --range -3:3" \
	"twelve-functions.png relu gelu silu mish elu selu tanh sigmoid softplus leaky_relu hardswish celu --no-derivative --range -4:4" \
	"hardsigmoid-frameworks.png torch.hardsigmoid keras.hard_sigmoid dl4j.hardsigmoid --range -4:4" \
	"steps-and-corners.png binary_step relu hardtanh --range -3:3" \
	"exponential-overflow.png exponential --range -5:800" \
	"exponential-log-axis.png exponential --range -5:800 --yscale log" \
	"inverse-symlog.png 1/x --range -2:2 --yscale symlog --linthresh 0.1" \
	"marks-gelu-silu.png gelu silu --mark 1 --mark -2 --saturation --range -6:4" \
	"softmax-component.png softmax --others 1,2 --range -6:6" \
	"sigmoid-bf16.png sigmoid --dtype bf16 --arith naive --range 4:8 --layout stacked" \
	"sigmoid-bf16-error.png sigmoid --dtype bf16 --arith naive --range 4:8 --error" \
	"sigmoid-bf16-derivative.png sigmoid --dtype bf16 --arith naive --range 4:8 --show f′" \
	"gelu-silu-mish.pdf gelu silu mish --range -5:3" \
	"gelu-silu-mish-dark.png gelu silu mish --range -5:3 --theme dark" \
	"gelu-silu-stacked.png gelu silu --layout stacked --second-derivative --range -5:4" \
	"softplus-family.png softplus:beta=0.5..4/8 --range -3:3 --no-derivative" \
	"log-automatic-range.png log(x) --range -2:4" \
	"tan-poles.png tan(x) --no-derivative" \
	"log-log-axes.png softplus x*sigmoid(x) --range 0.001:1000 --xscale log --yscale log" \
	"compare-families.png compare gelu:approximate=none,tanh silu:beta=1.702,1.5 --diff" \
	"legend-outside.png gelu silu mish --range -5:3 --legend outside" \
	"leaky-relu-family.png leaky_relu:alpha=0.01,0.1,0.3 --range -3:3" \
	"gelu-silu-mish.tex gelu silu mish --range -5:3 --standalone"

samples: build
	@mkdir -p Samples
	@echo "# Samples" > Samples/README.md
	@echo "" >> Samples/README.md
	@echo "Real outputs of actplot, regenerated by \`make samples\`. Each text file starts with its command." >> Samples/README.md
	@echo "" >> Samples/README.md
	@echo "| file | command |" >> Samples/README.md
	@echo "|---|---|" >> Samples/README.md
	@set -f; for item in $(IMAGES); do \
	    set -- $$item; file=$$1; shift; \
	    LANG=C.UTF-8 $(DEMO) "$$@" -o "Samples/$$file" || exit 1; \
	    echo "| [$$file]($$file) | \`actplot $$* -o $$file\` |" >> Samples/README.md; \
	    echo "Samples/$$file"; \
	done
	@# check exits 1 for this dump (its verdict is FAIL); the plot is what the sample shows.
	@cd Tests/ActplotCommandTests/Fixtures/check && LANG=C.UTF-8 ../../../../$(DEMO) check sigmoid --dtype bf16 \
	    --output sigmoid-bf16.y.npy --derivative sigmoid-bf16.dy.npy --max-ulp 2 \
	    --plot ../../../../Samples/check-sigmoid-bf16.png > /dev/null 2>&1; test $$? -le 1
	@echo "| [check-sigmoid-bf16.png](check-sigmoid-bf16.png) | \`actplot check sigmoid --dtype bf16 --output sigmoid-bf16.y.npy --derivative sigmoid-bf16.dy.npy --max-ulp 2 --plot check-sigmoid-bf16.png\` |" >> Samples/README.md
	@echo "Samples/check-sigmoid-bf16.png"
	@set -f; for cmd in $(SAMPLES); do \
	    name=$$(echo "$$cmd" | tr ' :,' '___' | tr -cd 'A-Za-z0-9._-' | cut -c1-60); \
	    { echo "\$$ actplot $$cmd"; LANG=C.UTF-8 $(DEMO) $$cmd; } > "Samples/$$name.txt" || exit 1; \
	    echo "| [$$name.txt]($$name.txt) | \`actplot $$cmd\` |" >> Samples/README.md; \
	    echo "Samples/$$name.txt"; \
	done

# The worst f, f′ and f″ errors of every spec over the fixture (a report; make test checks them).
accuracy: build
	@ACTPLOT_REPORT=1 $(SWIFT) test --filter accuracyReport 2>&1 | grep -P '\t'

# The dense accuracy check (Scripts/check-dense.py) on the release build, in the generators' venv
# (mpmath, and gmpy2, which makes mpmath about twice as fast). About 15 minutes on 2 cores.
check-dense: release
	@.build/generators/bin/python -c 'import mpmath, gmpy2' 2>/dev/null || \
	    { python3 -m venv .build/generators && .build/generators/bin/pip install -q mpmath==1.3.0 gmpy2; }
	.build/generators/bin/python Scripts/check-dense.py $(DENSE)

# actplot's keras2, keras, tf and jax presets against tf-keras, Keras 3, TensorFlow and JAX in float64
# (Scripts/check-keras.py, Scripts/check-jax.py; one framework per process), in a venv of their
# own: TensorFlow is about 600 MB.
# The exhaustive format check (Scripts/check-formats.py) on the release build, in the generators' venv
FORMATS ?= bf16,f16,e4m3,e5m2,e4m3fnuz,e5m2fnuz,e4m3b11fnuz,e3m4,e4m3ieee,e2m3,e3m2,e2m1,e8m0
check-formats: release
	@.build/generators/bin/python -c 'import mpmath, numpy, ml_dtypes' 2>/dev/null || \
	    { python3 -m venv .build/generators && .build/generators/bin/pip install -q mpmath==1.3.0 numpy ml_dtypes; }
	.build/generators/bin/python Scripts/check-formats.py --formats $(FORMATS) $(SPECS)
	# The golden tables of the 8-bit formats, read back with np.load, every row.
	.build/generators/bin/python Scripts/check-formats.py --source table --formats e4m3,e5m2,e8m0 $(SPECS)

check-frameworks: release
	@.build/frameworks/bin/python -c 'import tf_keras, keras, jax, mpmath' 2>/dev/null || \
	    { python3 -m venv .build/frameworks && \
	      .build/frameworks/bin/pip install -q tensorflow-cpu tf-keras keras jax mpmath==1.3.0; }
	.build/frameworks/bin/python Scripts/check-keras.py keras2
	.build/frameworks/bin/python Scripts/check-keras.py keras
	.build/frameworks/bin/python Scripts/check-keras.py tf
	.build/frameworks/bin/python Scripts/check-jax.py
	.build/frameworks/bin/python Scripts/activation-coverage.py jax keras tf
	@.build/hfvenv/bin/python -c 'import torch, transformers, timm, onnxruntime, mlx, mpmath' 2>/dev/null || \
	    { python3 -m venv .build/hfvenv && \
	      .build/hfvenv/bin/pip install -q torch transformers timm onnx onnxruntime 'mlx[cpu]' mpmath==1.3.0; }
	.build/hfvenv/bin/python Scripts/check-torch-libraries.py transformers
	.build/hfvenv/bin/python Scripts/check-torch-libraries.py timm
	.build/hfvenv/bin/python Scripts/check-onnx.py
	.build/hfvenv/bin/python Scripts/check-mlx.py
	.build/hfvenv/bin/python Scripts/activation-coverage.py torch transformers timm onnx mlx
	@.build/torch/bin/python -c 'import numpy, torch, transformers, timm; \
	    assert torch.__version__.startswith("2.15.0")' 2>/dev/null || { python3 -m venv .build/torch && \
	    .build/torch/bin/pip install -q torch==2.15.0 transformers==5.25.0 timm==1.0.31 numpy; }
	.build/torch/bin/python Scripts/check-framework-arithmetic.py torch
	.build/torch/bin/python Scripts/check-framework-arithmetic.py torch --isa avx2
	.build/torch/bin/python Scripts/check-framework-arithmetic.py transformers
	.build/torch/bin/python Scripts/check-framework-arithmetic.py timm
	@.build/jax/bin/python -c 'import numpy, jax; assert jax.__version__ == "0.10.2"' 2>/dev/null || \
	    { python3 -m venv .build/jax && .build/jax/bin/pip install -q 'jax[cpu]==0.10.2' numpy; }
	.build/jax/bin/python Scripts/check-framework-arithmetic.py jax
	@.build/tf/bin/python -c 'import numpy, tensorflow as t, keras as k; \
	    assert (t.__version__, k.__version__) == ("2.21.0", "3.15.1")' 2>/dev/null || \
	    { python3 -m venv .build/tf && .build/tf/bin/pip install -q tensorflow-cpu==2.21.0 keras==3.15.1 numpy; }
	.build/tf/bin/python Scripts/check-framework-arithmetic.py tf
	.build/tf/bin/python Scripts/check-framework-arithmetic.py keras

# The generated tables (Sources/*/Generated, the font): remade, or checked against their generators.
generated:
	Scripts/generated.sh write

check-generated:
	Scripts/generated.sh check

# The fixture the accuracy tests read: every catalog function and preset at 50+ digits.
reference:
	@$(PYTHON) -c 'import mpmath' 2>/dev/null || $(PYTHON) -m pip install -q mpmath
	$(PYTHON) Scripts/make-reference.py Tests/ActivationCoreTests/Fixtures/reference.tsv
	$(PYTHON) Scripts/make-comparison-reference.py Tests/ActivationCoreTests/Fixtures/comparison.tsv
	$(PYTHON) Scripts/make-vector-reference.py Tests/ActivationCoreTests/Fixtures/vectors.tsv
	$(PYTHON) Scripts/make-statistics.py Tests/ActivationCoreTests/Fixtures/statistics.tsv
	@$(PYTHON) -c 'import numpy, ml_dtypes' 2>/dev/null || $(PYTHON) -m pip install -q numpy ml_dtypes
	$(PYTHON) Scripts/make-formats.py Tests/ActivationCoreTests/Fixtures/formats.tsv
	$(PYTHON) Scripts/make-format-reference.py Tests/ActivationCoreTests/Fixtures/format-reference.tsv
