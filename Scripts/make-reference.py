#!/usr/bin/env python3
"""Regenerate Tests/ActivationCoreTests/Fixtures/reference.tsv with mpmath.

For every catalog function (defaults and parameter variants) and every framework preset,
at about 130 points spread over the whole double line (0, +-5e-324, tiny, +-0.5...+-40,
+-700...+-750, +-1e10, +-1e300, +-inf, each function's corners and the points next to
them, the zeros of f' and f'', and log-uniform random points), this computes f, f' and f''
at 60+ significant digits and writes them rounded to the nearest double. GELU, whose batch
kernel is table-driven, also gets 2,600 points: a grid over [-40, 40] and every place where
the kernel changes polynomial, with their neighbours.

The formulas here are written independently of ActivationCore's, on purpose: this file is a
second catalog, kept by hand, and a function added to the library is added here from its
mathematical definition (not derived from the Swift entry), so that the tests compare two
independent implementations. They are plain definitions evaluated at high precision, not the
stable rewrites the library uses. Where a
definition cancels (x - tanh x at tiny x, sigma(-x) - sigma(x) near 0) the working
precision grows with |log10 x|; tails use sech, expm1, log1p and erfc, which mpmath
evaluates to full relative precision at any magnitude. Smooth derivatives are checked
against mpmath's numerical differentiation at moderate points before anything is written.

Parameters given in a spec are doubles, and the reference uses their exact binary value;
constants of a definition (gelu's 0.044715 and 1.702, SELU's lambda and alpha, rational
tanh's 1.7159 and 1.41645) are the exact decimals. A hard_sigmoid slope that is the double
nearest 1/n means exactly 1/n, as the catalog documents.

Columns: spec, x, f, f', f'' (each the shortest repr of the correctly rounded double).
At a corner f' and f'' follow the spec's kink convention: 'exclusive' (the corner belongs
to the inactive piece), 'inclusive', or 'average'.
"""
import math
import random
import sys
from fractions import Fraction

from mpmath import __version__ as mpmath_version
from mpmath import mp, mpf, sqrt, pi, exp, expm1, log1p, erfc, tanh, sech, diff, log

BASE_DPS = 60


def sig(v):
    return 1 / (1 + exp(-v))


def kink_pick(kink, inside, outside):
    if kink == "exclusive":
        return outside
    if kink == "inclusive":
        return inside
    return (inside + outside) / 2


# ---------------------------------------------------------------------------
# Reference definitions: f(x, p, kink) -> (f, f', f''), p a dict of mpf parameters.

def identity(x, p, k):
    return x, mpf(1), mpf(0)


def dropout(x, p, k):  # evaluation mode: the identity whatever p
    return x, mpf(1), mpf(0)


def nalu(x, p, k):
    """Trask et al. 2018 with one input: W = tanh(w_hat) sigma(m_hat), g = sigma(G x),
    f = g W x + (1 - g) (|x| + eps)^W; at 0, f' and f'' are the means of the one-sided ones."""
    W = tanh(p["w_hat"]) * sig(p["m_hat"])
    G, eps = p["gate"], p["epsilon"]
    if abs(x) > mpf("1e399"):  # the limits at +-inf: |x|^W and W x, f' -> g W (W < 1)
        g = mpf(1) if G * x > 0 else mpf(0) if G * x < 0 else mpf(1) / 2
        m = INF if W > 0 else (mpf(1) if W == 0 else mpf(0))
        a = mpf(0) if W == 0 else W * (INF if x > 0 else -INF)
        value = (g * a if g != 0 else 0) + ((1 - g) * m if g != 1 else 0)
        return value, g * W, mpf(0)
    t = abs(x) + eps
    m = exp(W * log(t))
    a = W * x
    g, h = sig(G * x), sig(-G * x)
    s = 1 if x > 0 else (-1 if x < 0 else 0)
    m1 = m * W * s / t
    m2 = m * W * (W - 1) / t ** 2
    g1 = G * g * h
    g2 = G * G * g * h * (h - g)
    return g * a + h * m, g1 * (a - m) + g * W + h * m1, g2 * (a - m) + 2 * g1 * (W - m1) + h * m2


def binary_step(x, p, k):
    t = p["threshold"]
    v = mpf(1) if x > t else mpf(0) if x < t else p["at_zero"]
    return v, mpf(0), mpf(0)


def sigmoid(x, p, k):
    s, sm = sig(x), sig(-x)
    return s, s * sm, s * sm * (sm - s)


def tanh_(x, p, k):
    return tanh(x), sech(x) ** 2, -2 * tanh(x) * sech(x) ** 2


def relu(x, p, k):
    ns, mv, t = p["negative_slope"], p["max_value"], p["threshold"]
    if x > t and x < mv:
        return x, mpf(1), mpf(0)
    if x > t and x > mv:
        return mv, mpf(0), mpf(0)
    if x < t:
        return ns * (x - t), ns, mpf(0)
    if x == t:
        return ns * (x - t), kink_pick(k, mpf(1), ns), mpf(0)
    return mv, kink_pick(k, mpf(1), mpf(0)), mpf(0)  # x == max_value


def keras_relu(x, p, k):
    """Keras' relu step by step, with the TensorFlow backend's gradients (see KerasRectifier)."""
    ns, mv, t = p["negative_slope"], p["max_value"], p["threshold"]
    zero, one = mpf(0), mpf(1)
    if ns != 0 and mp.isinf(mv) and t == 0:  # leaky_relu
        return (x, one, zero) if x > 0 else (ns * x, ns, zero)
    relu6 = t == 0 and mv == 6
    if t != 0:  # x * cast(x > threshold)
        v, d = (x, one) if x > t else (zero, zero)
    elif relu6:
        v, d = min(max(x, zero), mpf(6)), (one if 0 < x < 6 else zero)
    else:
        v, d = (x, one) if x > 0 else (zero, zero)
    if not mp.isinf(mv) and not relu6:  # clip_by_value: gradient 1 on the closed interval
        d = d if zero <= v <= mv else zero
        v = min(max(v, zero), mv)
    if ns != 0 and x < t:  # - negative_slope * relu(threshold - x), relu'(0) = 0
        v += ns * (x - t)
        d += ns
    return v, d, zero


def keras_relu_corners(p):
    t, mv = p["threshold"], p["max_value"]
    return sorted([t] + ([0] if t < 0 and not mp.isinf(mv) else []) + ([] if mp.isinf(mv) else [mv]))


def squared_relu(x, p, k):
    if x > 0:
        return x * x, 2 * x, mpf(2)
    if x < 0:
        return mpf(0), mpf(0), mpf(0)
    return mpf(0), mpf(0), kink_pick(k, mpf(2), mpf(0))


def relu6(x, p, k):
    return relu(x, {"negative_slope": mpf(0), "max_value": mpf(6), "threshold": mpf(0)}, k)


def leaky(alpha):
    def f(x, p, k):
        a = alpha(p)
        if x > 0:
            return x, mpf(1), mpf(0)
        if x < 0:
            return a * x, a, mpf(0)
        return mpf(0), kink_pick(k, mpf(1), a), mpf(0)
    return f


def threshold_(theta, value):
    def f(x, p, k):
        t, v = theta(p), value(p)
        if x > t:
            return x, mpf(1), mpf(0)
        if x < t:
            return v, mpf(0), mpf(0)
        return v, kink_pick(k, mpf(1), mpf(0)), mpf(0)
    return f


def hardtanh(x, p, k):
    lo, hi = p["min_val"], p["max_val"]
    if lo < x < hi:
        return x, mpf(1), mpf(0)
    if x < lo or x > hi:
        return (lo if x < lo else hi), mpf(0), mpf(0)
    return x, kink_pick(k, mpf(1), mpf(0)), mpf(0)


def hard_sigmoid(x, p, k):
    slope = p["slope"]
    n = round(1 / float(slope))
    if n >= 1 and 1.0 / n == float(slope):
        slope = mpf(1) / n
    y = slope * x + p["offset"]
    if 0 < y < 1:
        return y, slope, mpf(0)
    if y < 0 or y > 1:
        return (mpf(0) if y < 0 else mpf(1)), mpf(0), mpf(0)
    return y, kink_pick(k, slope, mpf(0)), mpf(0)


def hard_swish(x, p, k):
    if x < -3:
        return mpf(0), mpf(0), mpf(0)
    if x > 3:
        return x, mpf(1), mpf(0)
    inside = (x * (x + 3) / 6, (2 * x + 3) / 6, mpf(1) / 3)
    if -3 < x < 3:
        return inside
    outside = (mpf(0), mpf(0), mpf(0)) if x < 0 else (x, mpf(1), mpf(0))
    return inside[0], kink_pick(k, inside[1], outside[1]), kink_pick(k, inside[2], outside[2])


def softsign(x, p, k):
    d = 1 + abs(x)
    s = mpf(1) if x > 0 else mpf(-1) if x < 0 else mpf(0)
    return x / d, 1 / d ** 2, -2 * s / d ** 3


def softplus(x, p, k):
    b, t = p["beta"], p["threshold"]
    if b * x > t:
        return x, mpf(1), mpf(0)
    y = b * x
    return log1p(exp(y)) / b, sig(y), b * sig(y) * sig(-y)


def log_sigmoid(x, p, k):
    return -log1p(exp(-x)), sig(-x), -sig(x) * sig(-x)


def elu_like(scale, alpha):
    def f(x, p, k):
        lam, a = scale(p), alpha(p)
        la = lam * a
        if x > 0:
            return lam * x, lam, mpf(0)
        if x < 0:
            return la * expm1(x), la * exp(x), la * exp(x)
        return mpf(0), kink_pick(k, lam, la), kink_pick(k, mpf(0), la)
    return f


with mp.workdps(60):  # at the default 15 digits they would be rounded to doubles
    SELU_LAMBDA = mpf("1.0507009873554804934193349852946")
    SELU_ALPHA = mpf("1.6732632423543772848170429916717")


def selu_scale(p):
    # The catalog's constants are the 31-digit decimals; a changed parameter is its double.
    return SELU_LAMBDA if p["lambda"] == mpf(float(SELU_LAMBDA)) else p["lambda"]


def selu_alpha(p):
    return SELU_ALPHA if p["alpha"] == mpf(float(SELU_ALPHA)) else p["alpha"]


def celu(x, p, k):
    a = p["alpha"]
    if x > 0:
        return x, mpf(1), mpf(0)
    if x < 0:
        return a * expm1(x / a), exp(x / a), exp(x / a) / a
    return mpf(0), mpf(1), kink_pick(k, mpf(0), 1 / a)


def gelu(x, p, k):
    mode = p["approximate"]
    if mode == "tanh":
        return gelu_tanh_with(x, sqrt(2 / pi))
    if mode == "sigmoid":
        return silu_beta(x, mpf("1.702"))
    if abs(x) > 10 ** 4:
        # mpmath's erfc cannot take arguments this large; e^(-x^2/2) < 1e-21000000 here,
        # so f is x or 0 and f', f'' are 1 or 0 far beyond double precision.
        return (x, mpf(1), mpf(0)) if x > 0 else (mpf(0), mpf(0), mpf(0))
    Phi = erfc(-x / sqrt(2)) / 2
    phi = exp(-x * x / 2) / sqrt(2 * pi)
    return x * Phi, Phi + x * phi, phi * (2 - x * x)


def gelu_tanh_with(x, c):
    """GELU's tanh form, x sigma(2c(x + 0.044715 x^3)), with the constant c for sqrt(2/pi)."""
    kappa = mpf("0.044715")
    v = 2 * c * (x + kappa * x ** 3)
    v1 = 2 * c * (1 + 3 * kappa * x ** 2)
    v2 = 12 * c * kappa * x
    s, sm = sig(v), sig(-v)
    ds = s * sm
    d2s = ds * (sm - s)
    return x * s, s + x * ds * v1, 2 * ds * v1 + x * (d2s * v1 ** 2 + ds * v2)


def silu_beta(x, b):
    v = b * x
    s, sm = sig(v), sig(-v)
    ds = s * sm
    return x * s, s + v * ds, b * (2 * ds + v * ds * (sm - s))


def silu(x, p, k):
    return silu_beta(x, p["beta"])


def mish(x, p, k):
    sp = log1p(exp(x))
    t = tanh(sp)
    s2 = sech(sp) ** 2
    s, sm = sig(x), sig(-x)
    d1 = t + x * s * s2
    d2 = 2 * s * s2 + x * (s * sm * s2 - 2 * t * s2 * s * s)
    return x * t, d1, d2


def shrink(soft):
    def f(x, p, k):
        lam = p["lambda"]
        if abs(x) > lam:
            return (x - lam * (1 if x > 0 else -1) if soft else x), mpf(1), mpf(0)
        if abs(x) < lam:
            return mpf(0), mpf(0), mpf(0)
        return mpf(0), kink_pick(k, mpf(1), mpf(0)), mpf(0)
    return f


def tanhshrink(x, p, k):
    return x - tanh(x), tanh(x) ** 2, 2 * tanh(x) * sech(x) ** 2


def squareplus(x, p, k):
    b = p["b"]
    if b == 0:
        if x > 0:
            return x, mpf(1), mpf(0)
        if x < 0:
            return mpf(0), mpf(0), mpf(0)
        return mpf(0), kink_pick(k, mpf(1), mpf(0)), mpf(0)
    s = sqrt(x * x + b)
    value = (x + s) / 2 if x >= 0 else b / (2 * (s - x))
    d1 = (1 + x / s) / 2 if x >= 0 else b / (2 * s * (s - x))
    return value, d1, b / (2 * s ** 3)


def sparse_plus(x, p, k):
    if x < -1:
        return mpf(0), mpf(0), mpf(0)
    if x > 1:
        return x, mpf(1), mpf(0)
    inside = ((x + 1) ** 2 / 4, (x + 1) / 2, mpf(1) / 2)
    if -1 < x < 1:
        return inside
    return inside[0], inside[1], kink_pick(k, mpf(1) / 2, mpf(0))


def sparsemax0(x, p, k):  # sparsemax([x, 0])[0]: sparse_sigmoid, f'(+-1) = 0 (strict support)
    return sparse_sigmoid(x, p, EXC)


def sparse_sigmoid(x, p, k):
    if x < -1:
        return mpf(0), mpf(0), mpf(0)
    if x > 1:
        return mpf(1), mpf(0), mpf(0)
    if -1 < x < 1:
        return (x + 1) / 2, mpf(1) / 2, mpf(0)
    return (x + 1) / 2, kink_pick(k, mpf(1) / 2, mpf(0)), mpf(0)


def exponential(x, p, k):
    e = exp(x)
    return e, e, e


def log1mexp(x, p, k):
    """log(1 - e^-|x|), or NaN below 0 with domain=nonnegative; -inf at 0 (f' reported +inf)."""
    if x < 0 and p["domain"] == "nonnegative":
        return (mpf("nan"),) * 3
    if x == 0:
        return -INF, INF, -INF
    a = abs(x)
    m = mp.expm1(a)
    f = log(-mp.expm1(-a)) if a < 1 else log1p(-exp(-a))  # log1p keeps e^-a's digits for large a
    return f, (1 if x > 0 else -1) / m, -exp(a) / (m * m)


def cube(x, p, k):
    return x ** 3, 3 * x ** 2, 6 * x


def rectified_tanh(x, p, k):
    if x > 0:
        return tanh(x), sech(x) ** 2, -2 * tanh(x) * sech(x) ** 2
    if x < 0:
        return mpf(0), mpf(0), mpf(0)
    return mpf(0), kink_pick(k, mpf(1), mpf(0)), mpf(0)


def rational_tanh(x, p, k):
    A, C = mpf("1.7159"), mpf("1.41645")
    y = 2 * x / 3
    m = abs(y)
    sg = mpf(1) if y > 0 else mpf(-1) if y < 0 else mpf(0)
    a = 1 + m + m ** 2 + C * m ** 4
    n = 1 + 2 * m + 4 * C * m ** 3
    n1 = 2 + 12 * C * m ** 2
    return A * sg * (1 - 1 / a), A * mpf(2) / 3 * n / a ** 2, A * mpf(4) / 9 * sg * (n1 * a - 2 * n * n) / a ** 3


def softmax0(x, p, k):   # softmax([x, 0])[0] = sigma(x)
    return sigmoid(x, p, k)


def log_softmax0(x, p, k):
    s, sm = sig(x), sig(-x)
    return -log1p(exp(-x)), sm, -s * sm


def softmin0(x, p, k):
    s, sm = sig(-x), sig(x)
    return s, -s * sm, s * sm * (sm - s)


def glu0(x, p, k):   # glu([x, 0])[0] = x * sigma(0)
    return x / 2, mpf(1) / 2, mpf(0)


def crelu0(x, p, k):
    return relu(x, {"negative_slope": mpf(0), "max_value": mpf("inf"), "threshold": mpf(0)}, k)


# The functions of current models and of transformers, timm and ONNX.

def xielu(x, p, k):
    """xIELU (arXiv:2411.13010): ap x^2 + b x for x > 0; an (expm1(min(x, eps)) - x) + b x."""
    ap, an, b, e = p["alpha_p"], p["alpha_n"], p["beta"], p["eps"]
    if x > 0:
        return ap * x * x + b * x, 2 * ap * x + b, 2 * ap
    exponential = (an * (expm1(x) - x) + b * x, an * expm1(x) + b, an * exp(x))
    flat = (an * (expm1(e) - x) + b * x, b - an, mpf(0))
    if x < e:
        return exponential
    if x > e:
        return flat
    return flat[0], kink_pick(k, exponential[1], flat[1]), kink_pick(k, exponential[2], flat[2])


def star_relu(x, p, k):
    s, b = p["scale"], p["bias"]
    if x > 0:
        return s * x * x + b, 2 * s * x, 2 * s
    if x < 0:
        return b, mpf(0), mpf(0)
    return b, mpf(0), kink_pick(k, 2 * s, mpf(0))


def snake(x, p, k):
    a = p["alpha"]
    if abs(x) > mpf("1e399"):  # +-inf: f' and f'' oscillate for ever
        return x, mpf("nan"), mpf("nan")
    return x + mp.sin(a * x) ** 2 / a, 1 + mp.sin(2 * a * x), 2 * a * mp.cos(2 * a * x)


def laplace(x, p, k):
    mu, sigma = p["mu"], p["sigma"]
    z = (x - mu) / sigma
    density = exp(-z * z / 2) / (sigma * sqrt(2 * pi))
    if abs(z) > 10 ** 4:  # as in gelu: mpmath's erfc stops here, and the tails are 0 or 1 far below
        # f' and f'' stay exact (tiny, not 0): float8_e8m0fnu rounds any positive value to 2^-127.
        return (mpf(1) if z > 0 else mpf(0)), density, -z / sigma * density
    return erfc(-z / sqrt(2)) / 2, density, -z / sigma * density


def sqrt_softplus(x, p, k):
    if x > mpf("1e399"):  # +inf: f grows like sqrt(x) without bound
        return mpf("inf"), mpf(0), mpf(0)
    s = log1p(exp(x))
    f = sqrt(s)
    q = sig(x)
    return f, q / (2 * f), q * (1 - q) / (2 * f) - q * q / (4 * s * f)


def hard_mish(x, p, k):
    if x > 0:
        return x, mpf(1), mpf(0)
    if x < -2:
        return mpf(0), mpf(0), mpf(0)
    f = x * x / 2 + x
    if x == -2:
        return f, kink_pick(k, mpf(-1), mpf(0)), kink_pick(k, mpf(1), mpf(0))
    if x == 0:
        return f, mpf(1), kink_pick(k, mpf(1), mpf(0))
    return f, x + 1, mpf(1)


def onnx_shrink(x, p, k):
    lam, b = p["lambda"], p["bias"]
    if x > lam:
        return x - b, mpf(1), mpf(0)
    if x < -lam:
        return x + b, mpf(1), mpf(0)
    if abs(x) < lam or lam == 0:
        return mpf(0), mpf(0), mpf(0)
    return mpf(0), kink_pick(k, mpf(1), mpf(0)), mpf(0)


def hardmax0(x, p, k):  # hardmax([x, 0])[0]: 1 where x is the first maximum
    return (mpf(1) if x >= 0 else mpf(0)), mpf(0), mpf(0)


def swiglu0(x, p, k):  # swiglu([x, 1])[0] = silu(x)
    return silu_beta(x, mpf(1))


def geglu0(x, p, k):   # geglu([x, 1])[0] = gelu(x)
    return gelu(x, p, k)


def reglu0(x, p, k):   # reglu([x, 1])[0] = relu(x)
    return crelu0(x, p, k)


def bilinear0(x, p, k):  # bilinear([x, 1])[0] = x
    return x, mpf(1), mpf(0)


def gelu_fast(x, p, k):
    """transformers' FastGELUActivation: the tanh form with c = 0.7978845608 exactly."""
    return gelu_tanh_with(x, mpf("0.7978845608"))


def gelu_clipped(x, p, k):
    """clip(gelu(x), min_val, max_val) as torch's clip sees it: gelu rounded to a double, then
    compared with max_val (min_val never binds). So f is max_val beyond the corner, the largest
    double whose rounded gelu is <= max_val, and gelu up to it; at it the kink convention
    decides f'."""
    corner = gelu_clipped_corners(p)[0]
    if x > corner:
        return p["max_val"], mpf(0), mpf(0)
    g = gelu(x, {"approximate": "none"}, k)
    if x == corner:
        return g[0], kink_pick(k, g[1], mpf(0)), kink_pick(k, g[2], mpf(0))
    return g


CLIPPED_CORNERS = {}


def gelu_clipped_corners(p):
    """The largest double whose gelu, rounded to a double, is <= max_val."""
    key = float(p["max_val"])
    if key not in CLIPPED_CORNERS:
        CLIPPED_CORNERS[key] = find_clipped_corner(p)
    return CLIPPED_CORNERS[key]


def find_clipped_corner(p):
    with mp.workdps(60):
        m = p["max_val"]
        c = mp.findroot(lambda t: gelu(t, {"approximate": "none"}, EXC)[0] - m, m if m > 1 else mpf(1))
        x = float(c)
        while float(gelu(mpf(math.nextafter(x, math.inf)), {"approximate": "none"}, EXC)[0]) <= float(m):
            x = math.nextafter(x, math.inf)
        while float(gelu(mpf(x), {"approximate": "none"}, EXC)[0]) > float(m):
            x = math.nextafter(x, -math.inf)
    return [x]


# Caffe's layers outside the catalog: Power, Exp and Log of t = shift + scale*x, and AbsVal.
# t is exact here (mpf at the working precision); a power of a negative t that is not whole,
# and log of a negative t, are NaN.

def affine(x, p):
    # x = +-inf arrives as +-1e400 (see evaluate); these functions grow without bound, slowly
    # enough (log) that 1e400 would not stand for the limit, so it is made infinite here.
    if abs(x) > mpf("1e399"):
        x = INF if x > 0 else -INF
    if p["scale"] == 0:
        return p["shift"]
    return p["shift"] + p["scale"] * x


def affine_power(x, p, k):
    a, s = p["power"], p["scale"]
    if a == 0:
        return mpf(1), mpf(0), mpf(0)
    if s == 0:
        return p["shift"] ** a, mpf(0), mpf(0)
    t = affine(x, p)
    whole = a == int(a)
    if t < 0 and not whole:
        return (mpf("nan"),) * 3
    def power(e):
        if e == 0:
            return mpf(1)
        if t == 0:
            return mpf(0) if e > 0 else mpf(1) if e == 0 else mpf("inf")
        if t < 0:
            return (-1) ** int(e) * (-t) ** e
        return t ** e
    if a == 1:
        return t, s, mpf(0)
    return power(a), a * s * power(a - 1), a * (a - 1) * s * s * power(a - 2)


def log_base(p):
    return mpf(1) if p["base"] == -1 else log(p["base"])


def affine_exp(x, p, k):
    rate = p["scale"] * log_base(p)
    f = exp(affine(x, p) * log_base(p))
    return f, rate * f, rate * rate * f


def affine_log(x, p, k):
    t, s, lb = affine(x, p), p["scale"], log_base(p)
    if t < 0:
        return (mpf("nan"),) * 3
    if t == 0:
        return mpf("-inf"), s / lb * INF, -INF * s * s / lb
    if mp.isinf(t):
        return INF / lb, mpf(0), mpf(0)
    return log(t) / lb, s / (t * lb), -s * s / (t * t * lb)


def absolute(x, p, k):
    return abs(x), mpf(1) if x > 0 else mpf(-1) if x < 0 else mpf(0), mpf(0)


def affine_root(p):
    return [] if p["scale"] == 0 else [-p["shift"] / p["scale"]]


INF = mpf("inf")
# name: (definition, {parameter: default}, corners(p) -> list, smooth?)
CATALOG = {
    "identity": (identity, {}, lambda p: [], True),
    "dropout": (dropout, {"p": 0.5}, lambda p: [], True),
    "binary_step": (binary_step, {"threshold": 0.0, "at_zero": 0.0}, lambda p: [p["threshold"]], False),
    "sigmoid": (sigmoid, {}, lambda p: [], True),
    "tanh": (tanh_, {}, lambda p: [], True),
    "relu": (relu, {"negative_slope": 0.0, "max_value": math.inf, "threshold": 0.0},
             lambda p: [p["threshold"], p["max_value"]], False),
    "relu6": (relu6, {}, lambda p: [0, 6], False),
    "keras_relu": (keras_relu, {"negative_slope": 0.0, "max_value": math.inf, "threshold": 0.0},
                   keras_relu_corners, False),
    "squared_relu": (squared_relu, {}, lambda p: [0], False),
    "leaky_relu": (leaky(lambda p: p["alpha"]), {"alpha": 0.01}, lambda p: [0], False),
    "prelu": (leaky(lambda p: p["alpha"]), {"alpha": 0.25}, lambda p: [0], False),
    "rrelu": (leaky(lambda p: (p["lower"] + p["upper"]) / 2), {"lower": 0.125, "upper": 1 / 3},
              lambda p: [0], False),
    "threshold": (threshold_(lambda p: p["threshold"], lambda p: p["value"]),
                  {"threshold": 0.0, "value": 0.0}, lambda p: [p["threshold"]], False),
    "thresholded_relu": (threshold_(lambda p: p["theta"], lambda p: mpf(0)), {"theta": 1.0},
                         lambda p: [p["theta"]], False),
    "hardtanh": (hardtanh, {"min_val": -1.0, "max_val": 1.0}, lambda p: [p["min_val"], p["max_val"]], False),
    "hard_sigmoid": (hard_sigmoid, {"slope": 1 / 6, "offset": 0.5},
                     lambda p: hard_sigmoid_corners(p), False),
    "hard_swish": (hard_swish, {}, lambda p: [-3, 3], False),
    "softsign": (softsign, {}, lambda p: [0], False),
    "softplus": (softplus, {"beta": 1.0, "threshold": math.inf},
                 lambda p: [] if p["threshold"] == INF else [p["threshold"] / p["beta"]], False),
    "log_sigmoid": (log_sigmoid, {}, lambda p: [], True),
    "elu": (elu_like(lambda p: mpf(1), lambda p: p["alpha"]), {"alpha": 1.0}, lambda p: [0], False),
    "celu": (celu, {"alpha": 1.0}, lambda p: [0], False),
    "selu": (elu_like(selu_scale, selu_alpha),
             {"lambda": float(SELU_LAMBDA), "alpha": float(SELU_ALPHA)}, lambda p: [0], False),
    "gelu": (gelu, {"approximate": "none"}, lambda p: [], True),
    "silu": (silu, {"beta": 1.0}, lambda p: [], True),
    "mish": (mish, {}, lambda p: [], True),
    "hardshrink": (shrink(False), {"lambda": 0.5}, lambda p: [-p["lambda"], p["lambda"]], False),
    "softshrink": (shrink(True), {"lambda": 0.5}, lambda p: [-p["lambda"], p["lambda"]], False),
    "tanhshrink": (tanhshrink, {}, lambda p: [], True),
    "squareplus": (squareplus, {"b": 4.0}, lambda p: [0] if p["b"] == 0 else [], True),
    "sparse_plus": (sparse_plus, {}, lambda p: [-1, 1], False),
    "sparse_sigmoid": (sparse_sigmoid, {}, lambda p: [-1, 1], False),
    "exponential": (exponential, {}, lambda p: [], True),
    "log1mexp": (log1mexp, {"domain": "even"}, lambda p: [0], False),
    "cube": (cube, {}, lambda p: [], True),
    "rectified_tanh": (rectified_tanh, {}, lambda p: [0], False),
    "rational_tanh": (rational_tanh, {}, lambda p: [0], True),
    "nalu": (nalu, {"w_hat": 2.0, "m_hat": 2.0, "gate": 1.0, "epsilon": 1e-7}, lambda p: [0], False),
    "softmax": (softmax0, {}, lambda p: [], True),
    "log_softmax": (log_softmax0, {}, lambda p: [], True),
    "sparsemax": (sparsemax0, {}, lambda p: [-1, 1], False),
    "softmin": (softmin0, {}, lambda p: [], True),
    "glu": (glu0, {}, lambda p: [], True),
    "crelu": (crelu0, {}, lambda p: [0], False),
    "xielu": (xielu, {"alpha_p": 0.8, "alpha_n": 0.8, "beta": 0.5, "eps": -1e-6},
              lambda p: sorted({p["eps"], mpf(0)}), False),
    "star_relu": (star_relu, {"scale": 0.8944, "bias": -0.4472}, lambda p: [0], False),
    "snake": (snake, {"alpha": 1.0}, lambda p: [], True),
    "laplace": (laplace, {"mu": 0.707107, "sigma": 0.282095}, lambda p: [], True),
    "sqrt_softplus": (sqrt_softplus, {}, lambda p: [], True),
    "hard_mish": (hard_mish, {}, lambda p: [-2, 0], False),
    "shrink": (onnx_shrink, {"lambda": 0.5, "bias": 0.0},
               lambda p: [-p["lambda"], p["lambda"]] if p["lambda"] > 0 else [0], False),
    "hardmax": (hardmax0, {}, lambda p: [0], False),
    "swiglu": (swiglu0, {}, lambda p: [], True),
    "geglu": (geglu0, {"approximate": "none"}, lambda p: [], True),
    "reglu": (reglu0, {}, lambda p: [0], False),
    "bilinear": (bilinear0, {}, lambda p: [], True),
    "gelu_fast": (gelu_fast, {}, lambda p: [], True),
    "gelu_clipped": (gelu_clipped, {"min_val": -10.0, "max_val": 10.0}, gelu_clipped_corners, False),
    # Not catalog functions: reached through caffe.* presets only (see PRESETS).
    "affine_power": (affine_power, {"power": 1.0, "scale": 1.0, "shift": 0.0}, affine_root, False),
    "affine_exp": (affine_exp, {"base": -1.0, "scale": 1.0, "shift": 0.0}, lambda p: [], True),
    "affine_log": (affine_log, {"base": -1.0, "scale": 1.0, "shift": 0.0}, affine_root, False),
    "abs(x)": (absolute, {}, lambda p: [0], False),
}
OUTSIDE_CATALOG = {"affine_power", "affine_exp", "affine_log", "abs(x)", "keras_relu", "gelu_fast", "gelu_clipped"}


def hard_sigmoid_corners(p):
    slope = p["slope"]
    n = round(1 / float(slope))
    if n >= 1 and 1.0 / n == float(slope):
        slope = mpf(1) / n
    return [-p["offset"] / slope, (1 - p["offset"]) / slope]


# Parameter variants beyond the defaults.
VARIANTS = [
    "binary_step:at_zero=0.5", "binary_step:threshold=1.5,at_zero=1", "leaky_relu:alpha=0.2", "leaky_relu:alpha=0.3", "leaky_relu:kink=inclusive",
    "leaky_relu:kink=average", "relu:negative_slope=0.1,max_value=6,threshold=1", "relu:max_value=2.5",
    "prelu:alpha=0.1", "rrelu:lower=0.1,upper=0.3", "threshold:threshold=1,value=-1",
    "thresholded_relu:theta=0.5", "hardtanh:min_val=-2,max_val=3", "hardtanh:kink=inclusive",
    "hard_sigmoid:slope=0.2,offset=0.5", "hard_sigmoid:slope=0.3,offset=0.4", "hard_sigmoid:kink=inclusive",
    "softplus:beta=2", "softplus:beta=0.3", "softplus:threshold=20", "softplus:beta=5,threshold=5",
    "elu:alpha=0.5", "elu:alpha=2,kink=inclusive", "celu:alpha=2", "celu:alpha=0.5", "celu:alpha=-1.5",
    "selu:kink=inclusive", "gelu:approximate=tanh", "gelu:approximate=sigmoid", "silu:beta=2",
    "silu:beta=0.5", "silu:beta=1.702", "hardshrink:lambda=1", "softshrink:lambda=1", "squareplus:b=1",
    "squareplus:b=0", "sparse_sigmoid:kink=average", "sparse_plus:kink=inclusive",
    "rectified_tanh:kink=inclusive", "hard_swish:kink=inclusive", "squared_relu:kink=inclusive",
    "caffe.Power:power=2,scale=0.1,shift=1", "caffe.Power:power=0.5,scale=3,shift=-1",
    "caffe.Power:power=-1.5,scale=0.3,shift=2", "caffe.Power:power=3,scale=-0.7",
    "caffe.Exp:base=2,scale=0.7,shift=-3", "caffe.Exp:scale=-0.1,shift=1", "caffe.Exp:base=10,scale=3",
    "caffe.Log:shift=1,scale=0.5", "caffe.Log:base=10,scale=0.1,shift=1", "caffe.Log:base=2,scale=3,shift=-1",
    "caffe.Clip:min=0,max=6", "caffe.ReLU:negative_slope=0.1", "caffe.Threshold:threshold=0.5",
    "caffe.Swish:beta=2", "dropout:p=0.1", "nalu:w_hat=-1,m_hat=0.5", "nalu:gate=-2,epsilon=1e-10",
    "nalu:w_hat=5,m_hat=5,gate=0", "nalu:w_hat=0", "keras.relu:max_value=5", "keras.relu:negative_slope=0.1,max_value=5,threshold=1",
    "xielu:alpha_p=0.5,alpha_n=2,beta=0.3", "xielu:eps=0", "xielu:kink=inclusive", "star_relu:scale=1,bias=0",
    "star_relu:kink=inclusive", "snake:alpha=0.5", "snake:alpha=3", "laplace:mu=0,sigma=1", "shrink:bias=0.5",
    "shrink:lambda=1,bias=0.25", "shrink:lambda=0,bias=0.1", "shrink:kink=inclusive", "geglu:approximate=tanh",
    "hard_mish:kink=inclusive", "reglu:kink=inclusive", "onnx.HardSigmoid:alpha=0.5,beta=0.25",
    "transformers.gelu_10:max=2", "keras.relu:threshold=-1,max_value=5", "keras.relu:max_value=6,threshold=1", "keras.relu:negative_slope=0.1",
    "keras.relu:negative_slope=0.1,max_value=6", "keras.relu:threshold=-1", "keras.relu:threshold=2,max_value=1.5",
]

# Framework presets: name -> (catalog function, parameters, kink), from each framework's
# documentation and sources (torch.nn, jax.nn, keras.activations and keras.layers, tf.nn, DL4J's
# Activation enum), with values measured in float64 with its autograd.
EXC, INC, AVG = "exclusive", "inclusive", "average"
PRESETS = {}


def preset(names, function, params=None, kink=EXC):
    for name in names.split():
        PRESETS[name] = (function, params or {}, kink)


for spelling, fn in [("Identity", "identity"), ("Threshold", "threshold"), ("ReLU", "relu"), ("RReLU", "rrelu"),
                     ("Hardtanh", "hardtanh"), ("ReLU6", "relu6"), ("Sigmoid", "sigmoid"),
                     ("Hardsigmoid", "hard_sigmoid"), ("Tanh", "tanh"), ("SiLU", "silu"), ("Mish", "mish"),
                     ("Hardswish", "hard_swish"), ("ELU", "elu"), ("CELU", "celu"), ("SELU", "selu"),
                     ("GELU", "gelu"), ("Hardshrink", "hardshrink"), ("LeakyReLU", "leaky_relu"),
                     ("LogSigmoid", "log_sigmoid"), ("Softshrink", "softshrink"), ("PReLU", "prelu"),
                     ("Softsign", "softsign"), ("Tanhshrink", "tanhshrink"), ("Softmin", "softmin"),
                     ("Softmax", "softmax"), ("Softmax2d", "softmax"), ("LogSoftmax", "log_softmax"), ("GLU", "glu"),
                     ("heaviside", "binary_step")]:
    preset("torch." + spelling, fn)
preset("torch.Softplus torch.nn.functional.softplus", "softplus", {"threshold": 20.0})
preset("torch.special.expit", "sigmoid")
preset("torch.leaky_relu torch.nn.functional.leaky_relu", "leaky_relu")
preset("torch.hardsigmoid torch.nn.Hardsigmoid", "hard_sigmoid")

for spelling, fn in [("celu", "celu"), ("elu", "elu"), ("glu", "glu"), ("hard_sigmoid", "hard_sigmoid"),
                     ("hard_silu", "hard_swish"), ("hard_swish", "hard_swish"), ("identity", "identity"),
                     ("log_sigmoid", "log_sigmoid"), ("log_softmax", "log_softmax"), ("mish", "mish"),
                     ("relu", "relu"), ("relu6", "relu6"), ("selu", "selu"), ("sigmoid", "sigmoid"),
                     ("silu", "silu"), ("swish", "silu"), ("soft_sign", "softsign"), ("softmax", "softmax"),
                     ("softplus", "softplus"), ("squareplus", "squareplus"), ("tanh", "tanh")]:
    preset("jax." + spelling, fn)
preset("jax.log1mexp jax.nn.log1mexp", "log1mexp", {"domain": "nonnegative"})
preset("jax.gelu jax.nn.gelu", "gelu", {"approximate": "tanh"})
preset("jax.hard_tanh", "hardtanh", kink=INC)
preset("jax.leaky_relu", "leaky_relu", kink=INC)
preset("jax.sparse_sigmoid", "sparse_sigmoid", kink=AVG)
preset("jax.sparse_plus", "sparse_plus", kink=AVG)

for spelling, fn in [("celu", "celu"), ("elu", "elu"), ("exponential", "exponential"), ("glu", "glu"),
                     ("hard_shrink", "hardshrink"), ("hard_sigmoid", "hard_sigmoid"), ("hard_silu", "hard_swish"),
                     ("linear", "identity"), ("log_sigmoid", "log_sigmoid"), ("log_softmax", "log_softmax"),
                     ("mish", "mish"), ("relu", "keras_relu"), ("relu6", "relu6"), ("sigmoid", "sigmoid"),
                     ("silu", "silu"), ("swish", "silu"), ("soft_shrink", "softshrink"), ("softmax", "softmax"),
                     ("softplus", "softplus"), ("softsign", "softsign"), ("sparse_plus", "sparse_plus"),
                     ("sparse_sigmoid", "sparse_sigmoid"), ("squareplus", "squareplus"), ("tanh", "tanh"),
                     ("tanh_shrink", "tanhshrink"), ("threshold", "threshold")]:
    preset("keras." + spelling, fn)
preset("keras.gelu keras.activations.gelu", "gelu")
preset("keras.ops.gelu", "gelu", {"approximate": "tanh"})
preset("keras.hard_tanh", "hardtanh", kink=INC)
preset("keras.leaky_relu keras.ops.leaky_relu", "leaky_relu", {"alpha": 0.2})
preset("keras.selu", "selu", kink=INC)
preset("keras.layers.LeakyReLU", "leaky_relu", {"alpha": 0.3})
preset("keras.layers.PReLU", "prelu", {"alpha": 0.0})
preset("keras.layers.ELU", "elu")
preset("keras.layers.ReLU", "keras_relu")
preset("keras.layers.Softmax", "softmax")
preset("keras.sparsemax", "sparsemax")

for spelling, fn in [("exponential", "exponential"), ("gelu", "gelu"), ("linear", "identity"), ("relu", "keras_relu"),
                     ("sigmoid", "sigmoid"), ("softmax", "softmax"), ("softplus", "softplus"),
                     ("softsign", "softsign"), ("swish", "silu"), ("tanh", "tanh")]:
    preset("keras2." + spelling, fn)
preset("keras2.elu keras2.layers.ELU", "elu", kink=INC)
preset("keras2.selu", "selu", kink=INC)
preset("keras2.hard_sigmoid", "hard_sigmoid", {"slope": 0.2, "offset": 0.5}, INC)
preset("keras2.layers.LeakyReLU", "leaky_relu", {"alpha": 0.3})
preset("keras2.layers.PReLU", "prelu", {"alpha": 0.0})
preset("keras2.layers.ThresholdedReLU", "thresholded_relu", {"theta": 1.0})
preset("keras2.layers.ReLU", "keras_relu")
preset("keras2.layers.Softmax", "softmax")

for spelling, fn in [("relu", "relu"), ("relu6", "relu6"), ("crelu", "crelu"), ("gelu", "gelu"),
                     ("softplus", "softplus"), ("softsign", "softsign"), ("silu", "silu"), ("swish", "silu"),
                     ("sigmoid", "sigmoid"), ("tanh", "tanh"), ("softmax", "softmax"),
                     ("log_softmax", "log_softmax"), ("log_sigmoid", "log_sigmoid")]:
    preset("tf." + spelling, fn)
preset("tf.nn.relu6", "relu6")
preset("tf.elu tf.nn.elu", "elu", kink=INC)
preset("tf.selu tf.nn.selu", "selu", kink=INC)
preset("tf.leaky_relu tf.nn.leaky_relu", "leaky_relu", {"alpha": 0.2})
preset("tf.math.log_sigmoid", "log_sigmoid")

for spelling, fn in [("CUBE", "cube"), ("IDENTITY", "identity"), ("MISH", "mish"), ("RATIONALTANH", "rational_tanh"),
                     ("RECTIFIEDTANH", "rectified_tanh"), ("RELU", "relu"), ("RELU6", "relu6"), ("RRELU", "rrelu"),
                     ("SELU", "selu"), ("SIGMOID", "sigmoid"), ("SOFTMAX", "softmax"), ("SOFTPLUS", "softplus"),
                     ("SOFTSIGN", "softsign"), ("SWISH", "silu"), ("TANH", "tanh")]:
    preset("dl4j." + spelling, fn)
preset("dl4j.ELU", "elu", kink=INC)
preset("dl4j.GELU", "gelu", {"approximate": "sigmoid"})
preset("dl4j.HARDSIGMOID dl4j.HardSigmoid", "hard_sigmoid", {"slope": 0.2, "offset": 0.5}, INC)
preset("dl4j.HARDTANH", "hardtanh", kink=INC)
preset("dl4j.LEAKYRELU dl4j.LReLU", "leaky_relu", {"alpha": 0.01}, INC)
preset("dl4j.THRESHOLDEDRELU", "thresholded_relu", {"theta": 1.0})
preset("dl4j.PReLU", "prelu", {"alpha": 0.25}, INC)


preset("caffe.ReLU", "relu")
preset("caffe.PReLU", "prelu", {"alpha": 0.25})
preset("caffe.ELU", "elu", {"alpha": 1.0})
preset("caffe.Sigmoid", "sigmoid")
preset("caffe.TanH", "tanh")
preset("caffe.AbsVal", "abs(x)")
preset("caffe.BNLL", "softplus")
preset("caffe.Power", "affine_power")
preset("caffe.Exp", "affine_exp")
preset("caffe.Log", "affine_log")
preset("caffe.Threshold", "binary_step")
preset("caffe.Swish", "silu", {"beta": 1.0})
preset("caffe.Clip", "hardtanh", {"min_val": -1.0, "max_val": 1.0}, INC)
preset("caffe.Softmax", "softmax")

# Hugging Face transformers 5.25 (ACT2CLS), on torch: torch's corner conventions.
for spelling, fn in [("gelu", "gelu"), ("gelu_python", "gelu"), ("hardswish", "hard_swish"),
                     ("laplace", "laplace"), ("leaky_relu", "leaky_relu"), ("linear", "identity"), ("mish", "mish"),
                     ("relu", "relu"), ("relu2", "squared_relu"), ("relu6", "relu6"), ("sigmoid", "sigmoid"),
                     ("silu", "silu"), ("swish", "silu"), ("tanh", "tanh"), ("prelu", "prelu"),
                     ("sqrtsoftplus", "sqrt_softplus"), ("gelu_fast", "gelu_fast")]:
    preset("transformers." + spelling, fn)
preset("transformers.gelu_new transformers.gelu_pytorch_tanh transformers.gelu_python_tanh "
       "transformers.gelu_accurate", "gelu", {"approximate": "tanh"})
preset("transformers.quick_gelu", "gelu", {"approximate": "sigmoid"})
preset("transformers.gelu_10", "gelu_clipped")
preset("transformers.xielu", "xielu",
       {"alpha_p": 0.80078125, "alpha_n": 0.80078125, "beta": 0.5, "eps": -9.98377799987793e-07}, AVG)

# timm 1.0.31 (create_act_layer names), on torch.
for spelling, fn in [("silu", "silu"), ("swish", "silu"), ("mish", "mish"), ("relu", "relu"), ("relu6", "relu6"),
                     ("leaky_relu", "leaky_relu"), ("elu", "elu"), ("celu", "celu"), ("selu", "selu"),
                     ("prelu", "prelu"), ("gelu", "gelu"), ("sigmoid", "sigmoid"), ("tanh", "tanh"),
                     ("hard_sigmoid", "hard_sigmoid"), ("hard_swish", "hard_swish"), ("identity", "identity")]:
    preset("timm." + spelling, fn)
preset("timm.gelu_tanh", "gelu", {"approximate": "tanh"})
preset("timm.quick_gelu", "gelu", {"approximate": "sigmoid"})
preset("timm.hard_mish", "hard_mish", kink=INC)
preset("timm.hardsigmoid", "hard_sigmoid")
preset("timm.hardswish", "hard_swish")

# ONNX operators: float32 attributes, taken at their exact binary values.
for spelling, fn in [("Celu", "celu"), ("Elu", "elu"), ("Gelu", "gelu"), ("HardSwish", "hard_swish"),
                     ("Mish", "mish"), ("PRelu", "prelu"), ("Relu", "relu"), ("Shrink", "shrink"),
                     ("Sigmoid", "sigmoid"), ("Softplus", "softplus"), ("Softsign", "softsign"), ("Tanh", "tanh"),
                     ("ThresholdedRelu", "thresholded_relu"), ("Swish", "silu"), ("Softmax", "softmax"),
                     ("LogSoftmax", "log_softmax"), ("Hardmax", "hardmax"), ("SwiGLU", "swiglu")]:
    preset("onnx." + spelling, fn)
preset("onnx.HardSigmoid", "hard_sigmoid", {"slope": 0.20000000298023224, "offset": 0.5})
preset("onnx.LeakyRelu", "leaky_relu", {"alpha": 0.009999999776482582})
preset("onnx.Selu", "selu", {"alpha": 1.6732631921768188, "lambda": 1.0507010221481323})

# MLX 0.32.4 (mlx.nn).
for spelling, fn in [("celu", "celu"), ("elu", "elu"), ("gelu", "gelu"), ("glu", "glu"), ("hard_shrink", "hardshrink"),
                     ("hard_tanh", "hardtanh"), ("hardswish", "hard_swish"),
                     ("log_sigmoid", "log_sigmoid"), ("log_softmax", "log_softmax"), ("mish", "mish"),
                     ("prelu", "prelu"), ("relu", "relu"), ("relu2", "squared_relu"), ("relu6", "relu6"),
                     ("sigmoid", "sigmoid"), ("silu", "silu"), ("softmax", "softmax"), ("softmin", "softmin"),
                     ("softplus", "softplus"), ("softshrink", "softshrink"), ("softsign", "softsign"),
                     ("tanh", "tanh")]:
    preset("mlx." + spelling, fn)
preset("mlx.gelu_approx", "gelu", {"approximate": "tanh"})
preset("mlx.gelu_fast_approx", "gelu", {"approximate": "sigmoid"})
preset("mlx.selu", "selu", {"alpha": 1.67326, "lambda": 1.0507})
preset("mlx.step", "binary_step", {"at_zero": 1.0})
preset("mlx.leaky_relu", "leaky_relu", kink=INC)
# Framework parameter names where the catalog's differ.
PARAMETER_NAMES = {"caffe.Clip": {"min": "min_val", "max": "max_val"}, "keras2.relu": {"alpha": "negative_slope"},
                   "onnx.HardSigmoid": {"alpha": "slope", "beta": "offset"}, "onnx.Selu": {"gamma": "lambda"},
                   "onnx.Shrink": {"lambd": "lambda"}, "transformers.gelu_10": {"min": "min_val", "max": "max_val"}}


def parse_spec(spec):
    """-> (definition, parameters as mpf/str, kink, corners, smooth)."""
    head, _, settings = spec.partition(":")
    if head in PRESETS:
        function, params, kink = PRESETS[head]
    else:
        function, params, kink = head, {}, EXC
    definition, defaults, corners, smooth = CATALOG[function]
    values = dict(defaults)
    values.update(params)
    if settings:
        for item in settings.split(","):
            key, value = item.split("=")
            key = PARAMETER_NAMES.get(head, {}).get(key, key)
            if key == "kink":
                kink = value
            elif isinstance(defaults[key], str):
                values[key] = value
            else:
                values[key] = float(value)
    p = {key: (value if isinstance(value, str) else mpf(value)) for key, value in values.items()}
    return definition, p, kink, corners(p), smooth


# ---------------------------------------------------------------------------
# Points.

def base_points():
    magnitudes = [5e-324, 1e-310, 1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25,
                  1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 20.0, 25.0, 30.0, 36.5, 37.5, 38.5, 40.0, 100.0,
                  300.0, 700.0, 709.0, 710.0, 720.0, 745.0, 750.0, 1e5, 1e10, 1e100, 1e300, 1.7976931348623157e308]
    points = [0.0]
    for m in magnitudes:
        points += [m, -m]
    special = [-0.7517915246935645, -0.7524614220710163, -1.2784645427610737, -1.1924312145154952,
               1.4142135623730951, -1.4142135623730951, 2.3993572805154675, -2.3993572805154675,
               -2.256376396360793, 1.4905711794854284, 1.4185040087908283, -1.4185040087908283]
    rng = random.Random(20261122)
    randoms = []
    for _ in range(40):
        exponent = rng.uniform(-12, 3)
        randoms.append(rng.choice((-1, 1)) * 10 ** exponent)
    return points + special + randoms


def dense_points(spec):
    """Extra points for functions with a table-driven batch kernel: GELU's (GELUBatchKernel)
    switches polynomial at |x| = k/4 + 1/8 up to 37.5, hands over to a Taylor series near
    f''s zero on [-1.0683, -0.5156], and to scalar code beyond |x| = 37.5. Each switch and
    its neighbours, and an even grid over [-40, 40], are checked."""
    if spec != "gelu":
        return []
    points = [-40 + 80 * i / 1999 for i in range(2000)]
    for k in range(151):
        edge = k / 4 + 1 / 8
        points += [edge, -edge, math.nextafter(edge, 0), -math.nextafter(edge, 0)]
    for edge in (-1.068264981081049, -0.5156341589104132, 37.5, -37.5):
        points += [edge, math.nextafter(edge, -math.inf), math.nextafter(edge, math.inf)]
    return points


def neighbours(corner):
    c = float(corner)
    if not math.isfinite(c):
        return []
    return [c, math.nextafter(c, -math.inf), math.nextafter(c, math.inf), c - 1e-9, c + 1e-9]


# ---------------------------------------------------------------------------

def to_double_text(v):
    f = float(v)
    if f == 0:
        return "0"
    return repr(f)


def evaluate(definition, p, kink, x):
    if math.isinf(x):
        limit = mpf("1e400") if x > 0 else mpf("-1e400")
        with mp.workdps(BASE_DPS + 20):
            return definition(limit, p, kink)
    magnitude = abs(math.log10(abs(x))) if x != 0 else 0
    with mp.workdps(BASE_DPS + int(2 * magnitude)):
        return definition(mpf(x), p, kink)


def self_check(spec, definition, p, kink, corners, smooth, points):
    """f' and f'' against numerical differentiation of f, away from corners."""
    for x in points:
        if not math.isfinite(x) or abs(x) > 30 or abs(x) < 1e-3:
            continue
        if any(abs(x - float(c)) < 1e-3 for c in corners if math.isfinite(float(c))):
            continue
        with mp.workdps(40):
            xm = mpf(x)
            f = lambda t: definition(t, p, kink)[0]
            f0, d1, d2 = definition(xm, p, kink)
            if not mp.isfinite(f0):
                continue
            n1 = diff(f, xm, 1)
            n2 = diff(f, xm, 2)
            for name, a, b in (("f'", d1, n1), ("f''", d2, n2)):
                if abs(a - b) > mpf(10) ** -25 * max(1, abs(b)):
                    raise SystemExit(f"{spec} at {x}: analytic {name} {a} != numerical {b}")


def main():
    out_path = sys.argv[1]
    specs = [name for name in CATALOG if name not in OUTSIDE_CATALOG] + VARIANTS + list(PRESETS)
    common = base_points()
    rows = 0
    with open(out_path, "w") as out:
        out.write("# Generated by Scripts/make-reference.py with mpmath %s - do not edit.\n" % mpmath_version)
        out.write("# spec\tx\tf\tf'\tf''\n")
        for spec in specs:
            definition, p, kink, corners, smooth = parse_spec(spec)
            points = list(common) + dense_points(spec)
            for c in corners:
                points += neighbours(c)
            points += [math.inf, -math.inf]
            seen = set()
            unique = []
            for x in points:
                key = (x, math.copysign(1, x))
                if key not in seen:
                    seen.add(key)
                    unique.append(x)
            self_check(spec, definition, p, kink, corners, smooth, unique)
            for x in unique:
                f, d1, d2 = evaluate(definition, p, kink, x)
                out.write(f"{spec}\t{x!r}\t{to_double_text(f)}\t{to_double_text(d1)}\t{to_double_text(d2)}\n")
                rows += 1
            print(f"{spec}: {len(unique)} points", file=sys.stderr)
    print(f"{len(specs)} specs, {rows} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
