#!/usr/bin/env python3
"""How JAX computes activations in bfloat16 on the CPU, beside actplot's three arithmetics.

For each function, every finite bfloat16 input goes through jax.nn (jit, f and vmap(grad))
and through `actplot eval --dtype bf16 --arith MODE --points - --format csv`; a line per mode
says at how many inputs the results differ (NaNs alike). JAX's own formulas are not always the
textbook ones actplot's naive mode evaluates (softplus is logaddexp, elu uses expm1), so a
difference is a fact about the two formulas, not an error of either.

Usage: .bench/venv/bin/python Scripts/compare-jax-formats.py [--actplot PATH]
(numpy, ml_dtypes and jax from PyPI, as make bench installs them; make release first)
"""
import argparse
import subprocess

import jax
import jax.numpy as jnp
import ml_dtypes
import numpy as np

jax.config.update("jax_platforms", "cpu")

CASES = [
    ("sigmoid", jax.nn.sigmoid), ("tanh", jnp.tanh),
    ("gelu:approximate=tanh", lambda x: jax.nn.gelu(x, approximate=True)),
    ("gelu", lambda x: jax.nn.gelu(x, approximate=False)), ("silu", jax.nn.silu),
    ("softplus", jax.nn.softplus), ("elu", jax.nn.elu),
]


def inputs():
    patterns = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
    xs = patterns.view(ml_dtypes.bfloat16)
    return xs[np.isfinite(xs.astype(np.float32))]


def actplot(path, spec, arith, xs):
    text = "\n".join(repr(float(v)) for v in xs.astype(np.float64))
    out = subprocess.run([path, "eval", spec, "--dtype", "bf16", "--arith", arith, "--points", "-",
                          "--format", "csv"], input=text, capture_output=True, text=True, check=True).stdout
    rows = [line.split(",") for line in out.strip().split("\n")[1:]]
    return np.array([float(r[3]) for r in rows]), np.array([float(r[6]) for r in rows])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actplot", default=".build/release/actplot")
    args = parser.parse_args()
    xs = inputs()
    x = jnp.asarray(xs)
    same = lambda a, b: (a == b) | (np.isnan(a) & np.isnan(b))
    for spec, fn in CASES:
        y = np.asarray(jax.jit(fn)(x)).astype(np.float64)
        g = np.asarray(jax.jit(jax.vmap(jax.grad(fn)))(x)).astype(np.float64)
        for arith in ("exact", "naive", "opmath"):
            v, d = actplot(args.actplot, spec, arith, xs)
            print(f"{spec:24s} {arith:7s} f differs at {np.sum(~same(v, y)):6d}, "
                  f"f' at {np.sum(~same(d, g)):6d} of {len(xs)} bfloat16 inputs", flush=True)


if __name__ == "__main__":
    main()
