"""The peer of `actplot stats`: what people write to get a Gaussian gain, for gelu.

scipy.integrate.quad of E[f(Z)^2] and E[f'(Z)^2] (the exact route), and the Monte Carlo
estimate over a million samples that code in the wild uses instead.
"""
import sys

import numpy as np
from scipy import integrate, special

phi = lambda x: np.exp(-x * x / 2) / np.sqrt(2 * np.pi)
gelu = lambda x: 0.5 * x * special.erfc(-x / np.sqrt(2))
gelu_prime = lambda x: 0.5 * special.erfc(-x / np.sqrt(2)) + x * phi(x)

if sys.argv[1:] == ["quad"]:
    for g in (gelu, lambda x: gelu(x) ** 2, gelu_prime, lambda x: gelu_prime(x) ** 2):
        integrate.quad(lambda x: g(x) * phi(x), -np.inf, np.inf, epsabs=1e-14, epsrel=1e-13)
else:
    z = np.random.default_rng(0).standard_normal(1_000_000)
    print(1 / np.sqrt(np.mean(gelu(z) ** 2)))
