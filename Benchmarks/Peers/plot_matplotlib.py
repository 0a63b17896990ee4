"""The matplotlib peer: gelu and gelu' at 1200x800 with axes, grid and legend (PNG or SVG)."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy.special import erf

x = np.linspace(-5, 5, 1200)
cdf = 0.5 * (1 + erf(x / np.sqrt(2)))
fig, ax = plt.subplots(figsize=(12, 8), dpi=100)
ax.plot(x, x * cdf, label="gelu")
ax.plot(x, cdf + x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi), "--", label="gelu'")
ax.grid(True)
ax.legend()
ax.set_title("gelu")
fig.savefig(sys.argv[1])
