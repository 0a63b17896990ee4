"""The Python peers for the kernels: gelu, and gelu with its derivative, over 10 million
doubles with numpy/scipy and (when installed) JAX's jit; median of 9 runs after a warm-up."""
import math

import numpy as np
from peer_timing import rate
from scipy.special import erf

N = 10_000_000
x = np.linspace(-6, 6, N)
SQRT_HALF = 1 / math.sqrt(2)
INV_SQRT_2PI = 1 / math.sqrt(2 * math.pi)


def numpy_gelu(x):
    return 0.5 * x * (1 + erf(x * SQRT_HALF))


def numpy_gelu_and_derivative(x):
    cdf = 0.5 * (1 + erf(x * SQRT_HALF))
    return x * cdf, cdf + x * INV_SQRT_2PI * np.exp(-0.5 * x * x)


print(f"numpy gelu\t{rate(numpy_gelu, x):.0f} M/s")
print(f"numpy gelu + gelu'\t{rate(numpy_gelu_and_derivative, x):.0f} M/s")
try:
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)
    xj = jnp.asarray(x)
    gelu = jax.jit(lambda v: jax.nn.gelu(v, approximate=False))
    both = jax.jit(jax.vmap(jax.value_and_grad(lambda v: jax.nn.gelu(v, approximate=False))))
    ready = lambda r: jax.block_until_ready(r)
    print(f"jax gelu\t{rate(gelu, xj, ready):.0f} M/s")
    print(f"jax gelu + gelu'\t{rate(both, xj, ready):.0f} M/s")
except ImportError:
    print("jax gelu\t- (jax not installed)")
