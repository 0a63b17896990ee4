"""The Python terminal-chart peers: gelu and gelu' at 80x24 with plotext or uniplot."""
import sys

import numpy as np
from scipy.special import erf

x = np.linspace(-5, 5, 160)
cdf = 0.5 * (1 + erf(x / np.sqrt(2)))
f, d = x * cdf, cdf + x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)
if sys.argv[1] == "plotext":
    import plotext as plt

    plt.plot_size(80, 24)
    plt.plot(x, f, label="gelu")
    plt.plot(x, d, label="gelu'")
    plt.show()
else:
    from uniplot import plot

    plot([f, d], [x, x], width=70, height=18, legend_labels=["gelu", "gelu'"])
