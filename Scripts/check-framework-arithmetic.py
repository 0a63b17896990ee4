#!/usr/bin/env python3
"""`actplot eval --arith framework` against the running framework, bit for bit.

For each framework preset `--arith framework` covers, every finite bfloat16 and float16 input
(both zeros and every subnormal), and a float32 sample fixed by a seed, goes through the framework once, as one contiguous 1-D tensor in
bit-pattern order, f and f' (autograd with a ones cotangent, in the same format); actplot
evaluates the same inputs; the bits are compared (any NaN equals any NaN, the sign of a zero
counts). Prints one row per function and format: inputs whose f or f' differ, how many of those
only in the sign of a zero, and the first few. Exits 1 if a function's rate of difference is above
its bound (--bound, 0.1 % by default) and its kernel names no residue.

Conditions (as ../shared/reference/framework-numerics.md measured): torch eager on CPU,
torch.set_num_threads(1), oneDNN on (the default).

Needs the framework (one per process), numpy (a venv under .build/, not needed by make test):
    .build/frameworks/bin/python Scripts/check-framework-arithmetic.py torch [--actplot PATH]
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# (exponent mask, fraction bits, unsigned and signed integer types of the bits)
FORMATS = {"bf16": (0x7F80, 7, np.uint16, np.int16), "f16": (0x7C00, 10, np.uint16, np.int16),
           "f32": (0x7F800000, 23, np.uint32, np.int32)}
MAGNITUDE = {"bf16": 0x7FFF, "f16": 0x7FFF, "f32": 0x7FFFFFFF}
SEED = 20261208  # the float32 sample's
WINDOWS = [3, 5.5, 6, 8.5, 9, 13.5, 16.6, 20, 38, 88, 103.5]  # float32: saturation, branch, underflow points
# Functions whose kernel says it does not reproduce more than --bound of inputs (none today; each
# kernel's residue names what it leaves, always below the bound).
RESIDUE = {}


def finite_patterns(fmt, size=200_000):
    """Every finite 16-bit pattern of the format in bit-pattern order; for float32 a sample fixed by
    SEED: log-uniform magnitudes over the whole range with either sign, uniform in [-8, 8] and
    [-1e-3, 1e-3], windows of width 1 around WINDOWS (both signs), and consecutive floats at 0 and +-3."""
    mask, _, unsigned, _ = FORMATS[fmt]
    if fmt != "f32":
        bits = np.arange(1 << 16, dtype=np.uint32).astype(unsigned)
        return bits[(bits & mask) != mask]
    rng = np.random.default_rng(SEED)
    n = size // 4
    magnitudes = np.exp2(rng.uniform(-149, 128, n)) * rng.choice([-1, 1], n)
    parts = [magnitudes, rng.uniform(-8, 8, n), rng.uniform(-1e-3, 1e-3, n // 4)]
    for c in WINDOWS:
        parts.append(rng.uniform(c - 0.5, c + 0.5, n // 20) * rng.choice([-1, 1], n // 20))
    x = np.concatenate(parts).astype(np.float32)
    steps = np.arange(-500, 500, dtype=np.int64)
    bits = [x.view(np.uint32)]
    for c in (0.0, 3.0, -3.0):
        bits.append((np.int64(np.float32(c).view(np.uint32)) + steps).astype(np.uint32))
    bits = np.unique(np.concatenate(bits))
    return bits[(bits & mask) != mask]


def is_nan(bits, fmt):
    mask = FORMATS[fmt][0]
    return ((bits & mask) == mask) & ((bits & MAGNITUDE[fmt]) != mask)


def values(bits, fmt):
    """The patterns as doubles (exact), for actplot's points file."""
    if fmt == "f16":
        return bits.view(np.float16).astype(np.float64)
    if fmt == "f32":
        return bits.view(np.float32).astype(np.float64)
    return (bits.astype(np.uint32) << 16).view(np.float32).astype(np.float64)


def torch_runner(fmt, functions):
    """Runs torch callables on one contiguous tensor of the patterns: f and f' (backward of ones)."""
    import torch

    torch.set_num_threads(1)
    dtype = {"bf16": torch.bfloat16, "f16": torch.float16, "f32": torch.float32}[fmt]
    _, _, unsigned, signed = FORMATS[fmt]
    ints = {np.int16: torch.int16, np.int32: torch.int32}[signed]

    def run(spec, bits):
        x = torch.from_numpy(bits.view(signed).copy()).view(dtype).requires_grad_(True)
        y = functions[spec](x)
        assert y.dtype == dtype
        y.backward(torch.ones_like(y))
        f = y.detach().view(ints).numpy().view(unsigned)
        df = x.grad.view(ints).numpy().view(unsigned)
        return f, df

    return run


def torch_side(fmt):
    import torch
    import torch.nn.functional as F

    functions = {
        "torch.Sigmoid": torch.sigmoid, "torch.Tanh": torch.tanh, "torch.ReLU": F.relu,
        "torch.GELU": F.gelu, "torch.GELU:approximate=tanh": lambda t: F.gelu(t, approximate="tanh"),
        "torch.SiLU": F.silu, "torch.Mish": F.mish, "torch.Softplus": F.softplus, "torch.ELU": F.elu,
        "torch.SELU": F.selu, "torch.CELU": F.celu, "torch.LeakyReLU": F.leaky_relu,
        "torch.Hardswish": F.hardswish, "torch.Hardsigmoid": F.hardsigmoid, "torch.LogSigmoid": F.logsigmoid,
        "torch.Softsign": F.softsign, "torch.ReLU6": F.relu6,
    }
    return functions, torch_runner(fmt, functions), \
        f"torch {torch.__version__} ({torch.backends.cpu.get_cpu_capability()})"


def transformers_side(fmt):
    """transformers' ACT2FN activations that call torch (its Python composites are not covered)."""
    import torch
    import transformers
    from transformers.activations import ACT2FN

    names = ["gelu", "gelu_pytorch_tanh", "hardswish", "leaky_relu", "mish", "relu", "relu6", "sigmoid",
             "silu", "swish", "tanh"]
    functions = {f"transformers.{n}": ACT2FN[n] for n in names}
    return functions, torch_runner(fmt, functions), \
        f"transformers {transformers.__version__} on torch {torch.__version__}"


def timm_side(fmt):
    """timm's activations by get_act_layer, the ones that call torch."""
    import timm
    import torch
    from timm.layers import get_act_layer

    names = ["silu", "swish", "mish", "relu", "relu6", "leaky_relu", "elu", "celu", "selu", "gelu", "gelu_tanh",
             "sigmoid", "tanh", "hard_sigmoid", "hard_swish"]
    functions = {f"timm.{n}": get_act_layer(n)() for n in names}
    return functions, torch_runner(fmt, functions), f"timm {timm.__version__} on torch {torch.__version__}"


def jax_side(fmt):
    """JAX's f and f' under jax.jit of the whole function, f' by jax.vjp with a ones cotangent."""
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_platforms", "cpu")
    dtype = {"bf16": jnp.bfloat16, "f16": jnp.float16, "f32": jnp.float32}[fmt]
    _, _, unsigned, signed = FORMATS[fmt]
    nn = jax.nn
    functions = {
        "jax.sigmoid": nn.sigmoid, "jax.tanh": jnp.tanh, "jax.relu": nn.relu,
        "jax.gelu:approximate=none": lambda t: nn.gelu(t, approximate=False), "jax.gelu": nn.gelu,
        "jax.silu": nn.silu, "jax.mish": nn.mish, "jax.softplus": nn.softplus, "jax.elu": nn.elu,
        "jax.selu": nn.selu, "jax.celu": nn.celu, "jax.leaky_relu": nn.leaky_relu,
        "jax.hard_silu": nn.hard_silu, "jax.hard_sigmoid": nn.hard_sigmoid, "jax.log_sigmoid": nn.log_sigmoid,
        "jax.soft_sign": nn.soft_sign, "jax.relu6": nn.relu6,
    }

    def run(spec, bits):
        function = functions[spec]
        x = jnp.asarray(bits.view(signed)).view(dtype)
        y = jax.jit(function)(x)
        df = jax.jit(lambda t: jax.vjp(function, t)[1](jnp.ones_like(t))[0])(x)
        assert y.dtype == dtype and df.dtype == dtype
        return np.asarray(y.view(unsigned)), np.asarray(df.view(unsigned))

    return functions, run, f"jax {jax.__version__} (XLA CPU, jit)"


def tf_runner(fmt, functions):
    """TensorFlow eager: f, and f' by GradientTape with a ones cotangent."""
    import tensorflow as tf

    dtype = {"bf16": tf.bfloat16, "f16": tf.float16, "f32": tf.float32}[fmt]
    _, _, unsigned, signed = FORMATS[fmt]
    tf_unsigned = {np.uint16: tf.uint16, np.uint32: tf.uint32}[unsigned]

    def run(spec, bits):
        x = tf.bitcast(tf.constant(bits.view(signed)), dtype)
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = functions[spec](x)
        df = tape.gradient(y, x, output_gradients=tf.ones_like(y))
        assert y.dtype == dtype and df.dtype == dtype
        return (tf.bitcast(y, tf_unsigned).numpy(), tf.bitcast(df, tf_unsigned).numpy())

    return run


def load_tf():
    """TensorFlow and Keras 3 on its backend, one thread, quiet, oneDNN opts on (the default)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import tensorflow as tf
    import keras

    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    return tf, keras


def tf_side(fmt):
    """tf.nn and tf.math; tf.nn has no mish, celu, hard_silu or hard_sigmoid: those are Keras 3's, on the
    TensorFlow backend."""
    tf, keras = load_tf()
    ka = keras.activations
    functions = {
        "tf.sigmoid": tf.math.sigmoid, "tf.tanh": tf.math.tanh, "tf.relu": tf.nn.relu,
        "tf.gelu": lambda t: tf.nn.gelu(t, approximate=False),
        "tf.gelu:approximate=tanh": lambda t: tf.nn.gelu(t, approximate=True),
        "tf.silu": tf.nn.silu, "keras.mish": ka.mish, "tf.softplus": tf.math.softplus, "tf.elu": tf.nn.elu,
        "tf.selu": tf.nn.selu, "keras.celu": ka.celu, "tf.leaky_relu": tf.nn.leaky_relu,
        "keras.hard_silu": ka.hard_silu, "keras.hard_sigmoid": ka.hard_sigmoid,
        "tf.log_sigmoid": tf.math.log_sigmoid, "tf.softsign": tf.nn.softsign, "tf.relu6": tf.nn.relu6,
    }
    return functions, tf_runner(fmt, functions), f"tensorflow {tf.__version__}, keras {keras.__version__} (eager, CPU)"


def keras_side(fmt):
    """keras.activations on the TensorFlow backend: its own composites and those calling tf.nn (keras.relu,
    with its negative_slope, max_value and threshold, is a function of its own: not covered)."""
    tf, keras = load_tf()
    names = ["sigmoid", "tanh", "relu6", "leaky_relu", "gelu", "silu", "softplus", "elu", "selu",
             "log_sigmoid", "softsign", "mish", "celu", "hard_silu", "hard_sigmoid"]
    functions = {f"keras.{n}": getattr(keras.activations, n) for n in names}
    return functions, tf_runner(fmt, functions), f"keras {keras.__version__} on tensorflow {tf.__version__}"


SIDES = {"torch": torch_side, "jax": jax_side, "tf": tf_side, "keras": keras_side,
         "transformers": transformers_side, "timm": timm_side}


def actplot_side(actplot, spec, fmt, xs, folder, arith="framework", isa=None):
    """actplot's f and f' bits at the inputs, in an arithmetic (`--arith framework` by default)."""
    path = os.path.join(folder, "points.txt")
    with open(path, "w") as out:
        out.write("\n".join(repr(float(x)) for x in xs))
    result = subprocess.run(
        [actplot, "eval", spec, "--points-file", path, "--dtype", fmt, "--arith", arith, "--format", "csv"]
        + (["--isa", isa] if isa else []),
        capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    header = lines[0].split(",")
    fi, di = header.index("dtype_value_bits"), header.index("dtype_derivative_bits")
    rows = [line.split(",") for line in lines[1:]]
    unsigned = FORMATS[fmt][2]
    f = np.array([int(r[fi], 16) for r in rows], dtype=unsigned)
    df = np.array([int(r[di], 16) for r in rows], dtype=unsigned)
    return f, df


def differing(a, b, fmt):
    """Indices where two arrays of bits differ (NaN = NaN), and how many only by a zero's sign."""
    both_nan = is_nan(a, fmt) & is_nan(b, fmt)
    differ = (a != b) & ~both_nan
    zeros = differ & ((a & MAGNITUDE[fmt]) == 0) & ((b & MAGNITUDE[fmt]) == 0)
    return np.nonzero(differ)[0], int(zeros.sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("framework", choices=sorted(SIDES))
    parser.add_argument("--actplot", default=os.path.join(ROOT, ".build", "release", "actplot"))
    parser.add_argument("--formats", default="bf16,f16,f32")
    parser.add_argument("--bound", type=float, default=0.1, help="percent of inputs allowed to differ")
    parser.add_argument("--only", help="one spec")
    parser.add_argument("--isa", choices=["avx512", "avx2"], default="avx512",
                        help="avx2: torch dispatched as on an AVX2 machine (ATEN_CPU_CAPABILITY=avx2, "
                             "ONEDNN_MAX_CPU_ISA=AVX2), against actplot --isa avx2")
    args = parser.parse_args()
    if args.isa == "avx2":
        os.environ["ATEN_CPU_CAPABILITY"] = "avx2"
        os.environ["ONEDNN_MAX_CPU_ISA"] = "AVX2"
    side = SIDES[args.framework]
    functions, run, version = side("bf16")
    print(f"{version}; actplot {args.actplot}; every finite bf16 and f16 input and {len(finite_patterns('f32'))} "
          f"float32 ones (seed {SEED}), f and f' bit for bit")
    print("| format | function | f differ | f' differ | first differences (x: framework / actplot) |")
    print("|---|---|---|---|---|")
    failed, summary = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in args.formats.split(","):
            _, run, _ = side(fmt)
            bits = finite_patterns(fmt)
            xs = values(bits, fmt)
            for spec in functions:
                if args.only and spec != args.only:
                    continue
                ours = actplot_side(args.actplot, spec, fmt, xs, folder,
                                    isa=args.isa if args.isa != "avx512" else None)
                theirs = run(spec, bits)
                cells, examples = [], []
                for part, (a, b) in enumerate(zip(theirs, ours)):
                    where, zeros = differing(a, b, fmt)
                    share = 100 * len(where) / len(bits)
                    cells.append(f"{len(where)} ({share:.2f} %{f', {zeros} ±0' if zeros else ''})")
                    w = 8 if fmt == "f32" else 4
                    examples += [f"{'f' if part == 0 else 'df'} x={xs[i]:.9g} (0x{bits[i]:0{w}X}): "
                                 f"0x{a[i]:0{w}X} / 0x{b[i]:0{w}X}" for i in where[:2]]
                    summary.setdefault((fmt, part), []).append((len(where) == 0, share <= args.bound))
                    # float32 is reported, not held to the bound: the kernels take exp, tanh, log1p as
                    # correctly rounded where the frameworks run their own vectorised approximations.
                    if share > args.bound and spec not in RESIDUE and fmt != "f32":
                        failed.append(f"{fmt} {spec} {'f' if part == 0 else 'df'} {share:.2f} %")
                print(f"| {fmt} | {spec} | {cells[0]} | {cells[1]} | {'; '.join(examples[:3])} |", flush=True)
    print()
    print(f"| framework | format | f: bit-exact | f: ≤ {args.bound} % differ | f': bit-exact | f': ≤ {args.bound} % differ |")
    print("|---|---|---|---|---|---|")
    for fmt in args.formats.split(","):
        cells = []
        for part in (0, 1):
            rows = summary.get((fmt, part), [])
            cells += [f"{sum(e for e, _ in rows)}/{len(rows)}", f"{sum(b for _, b in rows)}/{len(rows)}"]
        print(f"| {args.framework} | {fmt} | " + " | ".join(cells) + " |")
    if RESIDUE:
        named = ", ".join(f"{k} ({v})" for k, v in RESIDUE.items())
        print(f"residue named by the kernel, not counted as a failure: {named}")
    if failed:
        print("above the bound: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
