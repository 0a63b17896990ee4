#!/usr/bin/env python3
"""actplot's jax presets against the running JAX, in float64 with jax.grad.

Every jax preset (and a few parameter settings) at about 400 points, compared as
Scripts/framework_check.py describes: where JAX and actplot differ by more than 4 ulps, mpmath
says which is right; exits 1 if JAX is closer to the truth than actplot anywhere.

Needs jax and mpmath (a venv under .build/, not needed by make test; not TensorFlow in the
same process):
    .build/frameworks/bin/pip install jax mpmath
    .build/frameworks/bin/python Scripts/check-jax.py [--actplot PATH]
"""
import argparse
import os
import sys

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import framework_check  # noqa: E402

N = jax.nn


def component0(function):
    """Output 0 of a vector function at [x, 0], as actplot draws it over x."""
    return lambda t: function(jnp.stack([t, jnp.zeros_like(t)]))[0]


CHECKS = {f"jax.{name}": getattr(N, name) for name in (
    "celu", "elu", "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "identity", "log_sigmoid",
    "mish", "relu", "relu6", "selu", "sigmoid", "silu", "swish", "soft_sign", "softplus",
    "sparse_plus", "sparse_sigmoid", "squareplus", "tanh", "log1mexp")}
CHECKS.update({
    "jax.gelu": N.gelu,  # approximate=True by default
    "jax.gelu:approximate=none": lambda t: N.gelu(t, approximate=False),
    "jax.leaky_relu": N.leaky_relu,
    "jax.leaky_relu:alpha=0.2": lambda t: N.leaky_relu(t, negative_slope=0.2),
    "jax.elu:alpha=2": lambda t: N.elu(t, alpha=2.0),
    "jax.celu:alpha=0.5": lambda t: N.celu(t, alpha=0.5),
    "jax.softmax": component0(N.softmax),
    "jax.log_softmax": component0(N.log_softmax),
})


def framework_value(f, x):
    """f and f' at x from JAX in float64."""
    y, d = jax.value_and_grad(f)(jnp.float64(x))
    return float(y), float(d)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    print(f"JAX {jax.__version__}; f and f' in float64 (jax.value_and_grad)")
    framework_check.run(CHECKS, framework_value, arguments.actplot)


if __name__ == "__main__":
    main()
