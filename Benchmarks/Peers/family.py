"""The sigmoid family's peers: f and f' together over 2e6 doubles in [-6, 6], numpy's float64
textbook formulas (single-threaded) and, when installed, JAX's own functions under jit with
vmap(value_and_grad). One round, median of 9 runs after a warm-up; `make bench` alternates five
rounds with actplot's and takes the medians."""
import math
import sys

import numpy as np
from peer_timing import rate

N = 2_000_000
x = np.linspace(-6, 6, N)
C = math.sqrt(2 / math.pi)
LAMBDA, ALPHA = 1.0507009873554804934193349852946, 1.6732632423543772848170429916717


def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s, s * (1 - s)


def tanh(x):
    t = np.tanh(x)
    return t, 1 - t * t


def silu(x):
    s = 1 / (1 + np.exp(-x))
    return x * s, s * (1 + x * (1 - s))


def softplus(x):
    return np.log1p(np.exp(x)), 1 / (1 + np.exp(-x))


def log_sigmoid(x):
    return -np.log1p(np.exp(-x)), 1 / (1 + np.exp(x))


def mish(x):
    t = np.tanh(np.log1p(np.exp(x)))
    s = 1 / (1 + np.exp(-x))
    return x * t, t + x * (1 - t * t) * s


def elu(x):
    return np.where(x > 0, x, np.expm1(x)), np.where(x > 0, 1.0, np.exp(x))


def selu(x):
    return LAMBDA * np.where(x > 0, x, ALPHA * np.expm1(x)), LAMBDA * np.where(x > 0, 1.0, ALPHA * np.exp(x))


def gelu_tanh(x):
    t = np.tanh(C * (x + 0.044715 * x ** 3))
    return 0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * 0.044715 * x * x)


def gelu_sigmoid(x):
    s = 1 / (1 + np.exp(-1.702 * x))
    return x * s, s + 1.702 * x * s * (1 - s)


def softmax(x):
    # Output 0 of softmax([x, 0]) over x, the largest input subtracted, as actplot plots it.
    m = np.maximum(x, 0)
    e = np.exp(x - m)
    s = e / (e + np.exp(-m))
    return s, s * (1 - s)


NUMPY = {"sigmoid": sigmoid, "tanh": tanh, "silu": silu, "softplus": softplus, "log_sigmoid": log_sigmoid,
         "mish": mish, "elu": elu, "selu": selu, "gelu:approximate=tanh": gelu_tanh,
         "gelu:approximate=sigmoid": gelu_sigmoid, "softmax": softmax}


for name, f in NUMPY.items():
    print(f"numpy {name}\t{rate(f, x):.0f} M/s", flush=True)
try:
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)
    xj = jnp.asarray(x)
    JAX = {"sigmoid": jax.nn.sigmoid, "tanh": jnp.tanh, "silu": jax.nn.silu, "softplus": jax.nn.softplus,
           "log_sigmoid": jax.nn.log_sigmoid, "mish": jax.nn.mish, "elu": jax.nn.elu, "selu": jax.nn.selu,
           "gelu:approximate=tanh": lambda v: jax.nn.gelu(v, approximate=True),
           "softmax": lambda v: jax.nn.softmax(jnp.stack([v, jnp.zeros_like(v)]))[0]}
    for name, f in JAX.items():
        both = jax.jit(jax.vmap(jax.value_and_grad(f)))
        print(f"jax {name}\t{rate(both, xj, jax.block_until_ready):.0f} M/s", flush=True)
except ImportError:
    print("jax -\tnot installed", file=sys.stderr)
