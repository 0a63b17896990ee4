#!/usr/bin/env python3
"""make bench: actplot beside the tools people use instead, measured in the same run.

Installs the peers into .bench/ (a venv from PyPI with numpy, scipy, matplotlib, plotext,
uniplot and JAX; gnuplot-nox from Debian when run as root; a C relu loop compiled here),
times whole processes with hyperfine (medians) and kernels in process, and prints a table,
also written to .bench/results.md. BENCH_CSV_ROWS sets the CSV size (default 10 million).
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".bench")
OUT = os.path.join(BENCH, "out")
VENV = os.path.join(BENCH, "venv")
PY = os.path.join(VENV, "bin", "python")
ACTPLOT = os.path.join(ROOT, ".build", "release", "actplot")
KERNELS = os.path.join(ROOT, ".build", "release", "KernelBenchmarks")
PEERS = os.path.join(ROOT, "Benchmarks", "Peers")
ROWS = int(os.environ.get("BENCH_CSV_ROWS", "10000000"))


def run(command, **kwargs):
    result = subprocess.run(command, text=True, capture_output=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


def setup():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(PY):
        print("bench: creating the peers' venv in .bench/venv", file=sys.stderr)
        run([sys.executable, "-m", "venv", VENV])
    missing = subprocess.run(
        [PY, "-c", "import numpy, scipy, matplotlib, uniplot, plotext, ml_dtypes; plotext.plot_size"], capture_output=True
    ).returncode
    if missing:
        print("bench: installing numpy scipy matplotlib plotext uniplot ml_dtypes", file=sys.stderr)
        run([PY, "-m", "pip", "install", "-q", "numpy", "scipy", "matplotlib", "plotext==5.3.2", "uniplot", "ml_dtypes"])
    if subprocess.run([PY, "-c", "import jax"], capture_output=True).returncode:
        print("bench: installing jax (optional)", file=sys.stderr)
        subprocess.run([PY, "-m", "pip", "install", "-q", "jax[cpu]"], capture_output=True)
    for tool, package in [("gnuplot", "gnuplot-nox"), ("hyperfine", "hyperfine")]:
        if shutil.which(tool) is None and os.geteuid() == 0:
            print(f"bench: installing {package}", file=sys.stderr)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            install = ["apt-get", "install", "-y", "-qq", package]
            if subprocess.run(install, capture_output=True, env=env).returncode:
                # A fresh machine's package lists may be empty or stale.
                subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env)
                subprocess.run(install, capture_output=True, env=env)
    if shutil.which("hyperfine") is None:
        sys.exit("bench: hyperfine is missing; install it with: sudo apt-get install -y hyperfine")
    run(["gcc", "-O3", "-march=native", os.path.join(PEERS, "relu.c"), "-o", os.path.join(BENCH, "relu")])


def hyperfine(commands, runs, warmup=2):
    """Median seconds of each command (a list of argument lists), run without a shell."""
    path = os.path.join(BENCH, "hyperfine.json")
    quoted = [" ".join(shell_quote(a) for a in c) for c in commands]
    run(["hyperfine", "-N", "--warmup", str(warmup), "--runs", str(runs), "--export-json", path, *quoted])
    with open(path) as f:
        return [r["median"] for r in json.load(f)["results"]]


def shell_quote(a):
    return a if re.fullmatch(r"[\w@%+=:,./-]+", a) else "'" + a.replace("'", "'\\''") + "'"


GELU = "x*0.5*erfc(-x/sqrt(2))"
GELU_D = "0.5*erfc(-x/sqrt(2)) + x*exp(-x*x/2)/sqrt(2*pi)"


def gnuplot(terminal, output=None):
    """A gnuplot command for gelu and gelu' (the script goes to a file, so no quoting)."""
    script = f"set term {terminal}\n" + (f"set output '{output}'\n" if output else "")
    script += "set grid\nset key left top\nset xrange [-5:5]\nset samples 1200\n"
    script += f"plot {GELU} title 'gelu', {GELU_D} title \"gelu'\" dashtype 2\n"
    path = os.path.join(BENCH, terminal.split()[0] + ".gp")
    with open(path, "w") as f:
        f.write(script)
    return ["gnuplot", path]


def main():
    # Let the Python peers cache their bytecode (warm-up runs fill it), as on a user's machine.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    setup()
    rows = []  # (job, actplot figure, peer name, peer figure, ratio text, target)
    have_gnuplot = shutil.which("gnuplot") is not None

    def ms(s):
        return f"{s * 1e3:.1f} ms"

    def timed(job, mine, peers, target, runs=20):
        commands = [mine] + [p[1] for p in peers]
        medians = hyperfine(commands, runs)
        for (name, _), median in zip(peers, medians[1:]):
            rows.append((job, ms(medians[0]), name, ms(median), f"{median / medians[0]:.1f}× faster", target))
        if not peers:
            rows.append((job, ms(medians[0]), "-", "-", "-", target))

    print("bench: terminal charts", file=sys.stderr)
    chart = [ACTPLOT, "gelu", "--range", "-5:5", "--width", "80", "--height", "24", "--color", "never"]
    peers = ([("gnuplot dumb", gnuplot("dumb size 80,24"))] if have_gnuplot else []) + [
        ("uniplot", [PY, os.path.join(PEERS, "chart_terminal.py"), "uniplot"]),
        ("plotext", [PY, os.path.join(PEERS, "chart_terminal.py"), "plotext"]),
    ]
    timed("80×24 terminal chart, gelu and gelu′", chart, peers, "≤ 10 ms")

    print("bench: PNG and SVG", file=sys.stderr)
    for kind, terminal, target in [("png", "pngcairo size 1200,800", "≤ 25 ms"), ("svg", "svg size 1200,800", "≤ 15 ms")]:
        mine = [ACTPLOT, "gelu", "--range", "-5:5", "-o", os.path.join(OUT, f"actplot.{kind}")]
        peers = ([(f"gnuplot {terminal.split()[0]}", gnuplot(terminal, os.path.join(OUT, f"gnuplot.{kind}")))]
                 if have_gnuplot else [])
        peers.append(("matplotlib", [PY, os.path.join(PEERS, "plot_matplotlib.py"), os.path.join(OUT, f"mpl.{kind}")]))
        timed(f"1200×800 {kind.upper()}, gelu and gelu′", mine, peers, target, runs=10)

    print(f"bench: CSV of {ROWS} rows", file=sys.stderr)
    mine_csv = os.path.join(OUT, "actplot.csv")
    numpy_csv = os.path.join(OUT, "numpy.csv")
    medians = hyperfine(
        [[ACTPLOT, "gelu", "--range", "-5:5", "--samples", str(ROWS), "--format", "csv", "-o", mine_csv],
         [PY, os.path.join(PEERS, "csv_numpy.py"), str(ROWS), numpy_csv]], runs=3, warmup=1)
    mine_mb = os.path.getsize(mine_csv) / 1e6
    numpy_mb = os.path.getsize(numpy_csv) / 1e6
    rows.append((f"CSV x, gelu, gelu′, {ROWS:,} rows",
                 f"{medians[0]:.2f} s, {mine_mb:.0f} MB, {mine_mb / medians[0]:.0f} MB/s", "np.savetxt",
                 f"{medians[1]:.2f} s, {numpy_mb:.0f} MB, {numpy_mb / medians[1]:.0f} MB/s",
                 f"{medians[1] / medians[0]:.1f}× faster", "≥ 400 MB/s"))

    print("bench: kernels in process", file=sys.stderr)
    kernel = dict(line.split("\t")[:2] for line in run([KERNELS]).splitlines())
    peer = dict(line.split("\t")[:2] for line in run([os.path.join(BENCH, "relu")]).splitlines())
    peer.update(dict(line.split("\t")[:2] for line in run([PY, os.path.join(PEERS, "kernels.py")]).splitlines()))

    def rate(text):
        m = re.match(r"([\d.]+) M/s", text)
        return float(m.group(1)) if m else None

    def kernel_row(job, mine_key, peer_key, target):
        a, b = rate(kernel.get(mine_key, "")), rate(peer.get(peer_key, ""))
        ratio = f"{a / b:.2f}×" if a and b else "-"
        rows.append((job, kernel.get(mine_key, "-"), peer_key, peer.get(peer_key, "-"), ratio, target))

    kernel_row("relu, 1e7 doubles", "relu", "relu", "≥ 85 % of C")
    for key, value in kernel.items():
        if key.startswith("stats, "):
            rows.append((key + ", in process", value, "-", "-", "-", "≤ 5 ms per function, ≤ 1 s in all"))
    for name in ["numpy gelu", "jax gelu"]:
        kernel_row("gelu, 1e7 doubles", "gelu", name, "")
    for name in ["numpy gelu + gelu'", "jax gelu + gelu'"]:
        kernel_row("gelu + gelu′ together", "gelu + gelu'", name, "≥ 250 M/s")
    for expression, builtin in [("expression x*tanh(log1p(exp(x))) + f'", "mish + mish'"),
                                ("expression x*sigmoid(1.702*x) + f'", "gelu:approximate=sigmoid + f'")]:
        a, b = rate(kernel[expression]), rate(kernel[builtin])
        rows.append((expression.replace("expression ", "compiled "), kernel[expression], "built-in " + builtin,
                     kernel[builtin], f"{a / b:.2f}×", "within 3×"))

    print("bench: the sigmoid family, f and f′ over 2e6 doubles, 5 alternating rounds", file=sys.stderr)
    rounds = {}
    for _ in range(5):
        for line in run([KERNELS, "2000000", "family"]).splitlines() + \
                run([PY, os.path.join(PEERS, "family.py")]).splitlines():
            key, value = line.split("\t")[:2]
            if rate(value):
                rounds.setdefault(key, []).append(rate(value))
    median = {key: statistics.median(values) for key, values in rounds.items()}
    for spec in ["sigmoid", "tanh", "silu", "softplus", "log_sigmoid", "mish", "elu", "selu",
                 "gelu:approximate=tanh", "gelu:approximate=sigmoid", "softmax"]:
        for peer_name in ["numpy " + spec, "jax " + spec]:
            if spec in median and peer_name in median:
                a, b = median[spec], median[peer_name]
                rows.append((f"{spec} + f′, 2e6 doubles (2 cores)", f"{a:.0f} M/s", peer_name + " (1 core)"
                             if peer_name.startswith("numpy") else peer_name, f"{b:.0f} M/s", f"{a / b:.2f}×",
                             "≥ 1× numpy"))

    print("bench: Gaussian statistics", file=sys.stderr)
    catalog = [e["name"] for e in json.loads(run([ACTPLOT, "list", "--json"])) if not e["vector"]]
    timed(f"stats over the element-wise catalog ({len(catalog)} functions)", [ACTPLOT, "stats"] + catalog,
          [("scipy quad, gelu only", [PY, os.path.join(PEERS, "stats_scipy.py"), "quad"]),
           ("numpy Monte Carlo 1e6, gelu gain", [PY, os.path.join(PEERS, "stats_scipy.py"), "mc"])],
          "≤ 1 s", runs=5)
    timed("stats gelu (moments, gains, extremes)", [ACTPLOT, "stats", "gelu"], [], "≤ 5 ms + start-up", runs=20)

    print("bench: narrow formats", file=sys.stderr)
    timed("bfloat16: σ, σ′ at all 65,278 finite inputs, correctly rounded; thresholds",
          [ACTPLOT, "precision", "sigmoid", "--dtype", "bf16", "--arith", "exact"],
          [("numpy + ml_dtypes (no margin check)", [PY, os.path.join(PEERS, "precision_mldtypes.py")])],
          "well under 1 s", runs=10)
    timed("float32 threshold table, σ exact (sampled every 2^14, bisection)",
          [ACTPLOT, "precision", "sigmoid", "--dtype", "f32", "--arith", "exact", "--stride", "2^14"], [],
          "< 1 s", runs=5)

    print("bench: golden tables and checks", file=sys.stderr)
    table_bf16, numpy_bf16 = os.path.join(OUT, "table-bf16.npy"), os.path.join(OUT, "numpy-bf16.npy")
    timed("table: σ, σ′ at every bfloat16 pattern, correctly rounded, as .npy",
          [ACTPLOT, "table", "sigmoid", "--dtype", "bf16", "-o", table_bf16],
          [("numpy + ml_dtypes (no margin check)", [PY, os.path.join(PEERS, "table_numpy.py"), "bf16", numpy_bf16])],
          "≤ 0.5 s", runs=10)
    f32_rows = 0x41000000 - 0x3F800000 + 1
    table_f32, numpy_f32 = os.path.join(OUT, "table-f32.npy"), os.path.join(OUT, "numpy-f32.npy")
    medians = hyperfine([[ACTPLOT, "table", "sigmoid", "--dtype", "f32", "--every", "--range", "1:8", "-o", table_f32],
                         [PY, os.path.join(PEERS, "table_numpy.py"), "f32", numpy_f32]], runs=3, warmup=1)
    rows.append((f"table: σ, σ′ at every float32 in [1, 8] ({f32_rows:,} rows)",
                 f"{medians[0]:.2f} s, {f32_rows / medians[0] / 1e6:.0f} M rows/s", "numpy (no margin check)",
                 f"{medians[1]:.2f} s, {f32_rows / medians[1] / 1e6:.0f} M rows/s",
                 f"{medians[1] / medians[0]:.1f}× faster", ""))
    fixtures = os.path.join(ROOT, "Tests", "ActplotCommandTests", "Fixtures", "check")
    x, y = os.path.join(fixtures, "sigmoid-bf16.x.npy"), os.path.join(fixtures, "sigmoid-bf16.y.npy")
    timed("check: a bfloat16 σ dump (65,536 rows) against the correctly rounded values",
          [ACTPLOT, "check", "sigmoid", "--dtype", "bf16", "--input", x, "--output", y, "--max-ulp", "100"],
          [("numpy + ml_dtypes (fewer statistics)", [PY, os.path.join(PEERS, "check_numpy.py"), "bf16", x, y])],
          "≤ 0.5 s", runs=10)
    columns = os.path.join(OUT, "dump.npy")
    run([ACTPLOT, "table", "sigmoid", "--dtype", "f32", "--every", "--range", "1:8", "--fields", "x_bits,f_bits",
         "--columns", "-o", columns])
    x, y = os.path.join(OUT, "dump.x_bits.npy"), os.path.join(OUT, "dump.f_bits.npy")
    medians = hyperfine([[ACTPLOT, "check", "sigmoid", "--dtype", "f32", "--input", x, "--output", y],
                         [ACTPLOT, "table", "sigmoid", "--dtype", "f32", "--every", "--range", "1:8", "-o", "/dev/null"],
                         [ACTPLOT, "check", "sigmoid", "--dtype", "f32", "--output", y, "--expected", table_f32],
                         [PY, os.path.join(PEERS, "check_numpy.py"), "f32", x, y]], runs=3, warmup=1)
    speed = lambda s: f"{s:.2f} s, {f32_rows / s / 1e6:.0f} M rows/s"
    rows.append((f"check: a float32 σ dump ({f32_rows:,} rows)", speed(medians[0]), "table of the same rows",
                 speed(medians[1]), f"{medians[1] / medians[0]:.0%} of table's rate", "≥ 90 % of table's rate"))
    rows.append((f"check --expected: the same dump against a table", speed(medians[2]),
                 "numpy + ml_dtypes (fewer statistics)", speed(medians[3]), f"{medians[3] / medians[2]:.1f}× faster",
                 "≥ 100 M rows/s"))

    print("bench: every float32 input (minutes)", file=sys.stderr)

    def seconds(command):
        start = time.perf_counter()
        run(command)
        return time.perf_counter() - start

    exact = seconds([ACTPLOT, "precision", "sigmoid", "--dtype", "f32", "--arith", "exact"])
    share = 16
    measured, extrapolated = map(float, run([PY, os.path.join(PEERS, "survey_float32.py"), str(share)]).split("\t")[:2])
    rows.append(("float32: σ, σ′ at all 4,278,190,078 finite inputs, correctly rounded; thresholds",
                 f"{exact:.0f} s (2 cores)", f"numpy, 1/{share} of the inputs in {measured:.0f} s, ×{share} (1 core, "
                 "no margin check)", f"{extrapolated:.0f} s", f"{extrapolated / exact:.1f}× faster", "≤ 2 min"))
    every = seconds([ACTPLOT, "precision", "sigmoid", "--dtype", "f32"])
    rows.append(("float32: all inputs in exact, naive and opmath", f"{every:.0f} s (2 cores)", "-", "-", "-",
                 "≤ 4 min"))

    print("bench: start-up", file=sys.stderr)
    peers = [("gnuplot --version", ["gnuplot", "--version"])] if have_gnuplot else []
    timed("actplot --version", [ACTPLOT, "--version"], peers, "≤ 5 ms", runs=50)

    header = "| job | actplot (median) | peer | peer (median) | actplot vs peer | target |"
    cpu = os.environ.get("ACTPLOT_CPU", "")
    build = f"release build for `{cpu}`" if cpu else "release build for baseline x86-64"
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 "unknown processor") if os.path.exists("/proc/cpuinfo") else "unknown processor"
    lines = [f"{build}, {model}, {os.cpu_count()} cores", "", header, "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)
    with open(os.path.join(BENCH, "results.md"), "w") as f:
        f.write(table + "\n")
    print(table)


if __name__ == "__main__":
    main()
