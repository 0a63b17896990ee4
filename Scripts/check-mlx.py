#!/usr/bin/env python3
"""actplot's mlx presets against the running MLX (the Linux CPU wheel, mlx[cpu]), in float64
with mx.grad.

Every function of mlx.nn that actplot has a preset for, at about 400 points, compared as
Scripts/framework_check.py describes: where MLX and actplot differ by more than 4 ulps, mpmath
says which is right; exits 1 if MLX is closer to the truth than actplot anywhere. MLX's float64
on the CPU computes exp and erf in float32 (mx.exp(-1.0) is 0.3678794503211975) and its sigmoid
is about 2e-9 relative off, so many values differ and mpmath finds actplot the exact one there; the
corner conventions (f' at 0, ±1, ±3, 6) are compared exactly.

Needs mlx[cpu] and mpmath (a venv under .build/, not needed by make test):
    .build/hfvenv/bin/python Scripts/check-mlx.py [--actplot PATH]
"""
import argparse
import os
import sys

import mlx.core as mx
import mlx.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import framework_check  # noqa: E402

F64 = mx.float64


def component0(function):
    """Output 0 of a vector function at [x, 0], as actplot draws it over x."""
    return lambda t: function(mx.concatenate([t, mx.zeros_like(t)]))[0:1]


NAMES = ["celu", "elu", "gelu", "gelu_approx", "gelu_fast_approx", "hard_shrink", "hard_tanh", "hardswish",
         "leaky_relu", "log_sigmoid", "mish", "relu", "relu2", "relu6", "selu", "sigmoid", "silu", "softplus",
         "softshrink", "softsign", "step", "tanh"]
CHECKS = {f"mlx.{name}": getattr(nn, name) for name in NAMES}
CHECKS.update({
    "mlx.prelu": lambda t: nn.prelu(t, mx.array([0.25], dtype=F64)),
    "mlx.glu": component0(nn.glu),
    "mlx.softmax": component0(nn.softmax),
    "mlx.log_softmax": component0(nn.log_softmax),
    "mlx.softmin": component0(nn.softmin),
})


def framework_value(f, x):
    """f and f' at x from MLX in float64 (CPU)."""
    t = mx.array([x], dtype=F64)
    y = f(t)
    d = mx.grad(lambda u: f(u).sum())(t)
    return float(y.item()), float(d.item())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    print(f"MLX {mx.__version__} (CPU); f and f' in float64 (mx.grad)")
    framework_check.run(CHECKS, framework_value, arguments.actplot, conventions={
        "mlx.celu": "f'(0) = 0, both ties' gradients going to the constant (the preset's note)",
        "mlx.prelu": "f'(0) = 1.25, the two sides' slopes summed (the preset's note)",
    })


if __name__ == "__main__":
    main()
