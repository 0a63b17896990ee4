#!/usr/bin/env python3
"""Generate Sources/ActivationCore/Generated/RootSeries+Generated.swift.

Near an interior zero of f' or f'' the direct formulas subtract nearly equal terms
(gelu'(x) = Phi(x) + x*phi(x) near x = -0.7518, silu'(v) = s(v)(1 + v*s(-v)) near
v = -1.2785, ...). There ActivationCore evaluates a Taylor series about the zero instead:
    q(x) = sum_{k>=1} c_k (x - r)^k,
with r and c_1 known to 106 bits (two doubles) and x - r formed exactly, so the result keeps
its relative accuracy right through the zero. Series whose direct formula is evaluated in
double-double (silu, gelu_tanh, mish) are used only where that formula's terms cancel by more
than a factor 4096; gelu's, whose kernel has R to about 0.3 ulp only, where they cancel by 4.

For every series this script
  * finds the zero r with mpmath at 60 digits,
  * takes as the series' interval the x around r where the direct formula's
    cancellation factor K = (sum of |terms|) / |sum| exceeds a bound,
  * computes Taylor coefficients of q about r by Cauchy's integral (mpmath.taylor
    with method='quad' would also do; a trapezoidal contour is exact to the precision
    used here), and keeps as many as make the truncation error below 2^-60 relative
    on the whole interval (checked on a grid against q itself at 60 digits).

Usage: python3 Scripts/make-root-series.py > Sources/ActivationCore/Generated/RootSeries+Generated.swift
"""
import sys
from mpmath import mp, mpf, mpc, sqrt, pi, exp, erfc, tanh, log1p, findroot, cos, sin, fabs

mp.dps = 60


def sig(v):
    return 1 / (1 + exp(-v))


C = sqrt(2 / pi)
KAPPA = mpf('0.044715')


def phi(x):
    return exp(-x * x / 2) / sqrt(2 * pi)


def Phi(x):
    return erfc(-x / sqrt(2)) / 2


# Each quantity returns (value, sum of absolute values of the terms the direct formula adds).
def gelu_d1(x):
    a, b = Phi(x), x * phi(x)
    return a + b, abs(a) + abs(b)


def silu_d1(v):
    t = v * sig(-v)
    return sig(v) * (1 + t), sig(v) * (1 + abs(t))


def silu_d2(v):
    t = v * tanh(v / 2)
    s = sig(v) * sig(-v)
    return s * (2 - t), s * (2 + abs(t))


# transformers' gelu_fast writes sqrt(2/pi) as the decimal 0.7978845608.
C_FAST = mpf('0.7978845608')


def gelu_tanh_parts(x, c=C):
    u1 = c * (1 + 3 * KAPPA * x * x)
    u2 = 6 * c * KAPPA * x
    v = 2 * c * (x + KAPPA * x ** 3)
    return u1, u2, v


def gelu_tanh_d1(x, c=C):
    u1, u2, v = gelu_tanh_parts(x, c)
    t = 2 * x * u1 * sig(-v)
    return sig(v) * (1 + t), sig(v) * (1 + abs(t))


def gelu_tanh_d2(x, c=C):
    u1, u2, v = gelu_tanh_parts(x, c)
    s = sig(v) * sig(-v)
    terms = [4 * u1, -x * 4 * u1 * u1 * tanh(v / 2), x * 2 * u2]
    return s * sum(terms), s * sum(abs(t) for t in terms)


def gelu_fast_d1(x):
    return gelu_tanh_d1(x, C_FAST)


def gelu_fast_d2(x):
    return gelu_tanh_d2(x, C_FAST)


def mish_parts(x):
    sp = log1p(exp(x))
    t = tanh(sp)
    s2 = 1 - t * t
    return t, s2, sig(x), sig(-x)


def mish_d1(x):
    t, s2, s, sm = mish_parts(x)
    b = x * s * s2
    return t + b, abs(t) + abs(b)


def mish_d2(x):
    t, s2, s, sm = mish_parts(x)
    terms = [2, x * sm, -2 * x * t * s]
    return s * s2 * sum(terms), s * s2 * sum(abs(u) for u in terms)


def gelu_tanh_poles(c=C):
    """Where 2c(x + kappa x^3) = +-i*pi: the poles of sigma(2u) nearest the real line."""
    from mpmath import polyroots
    poles = []
    for sign in (1, -1):
        poles += polyroots([KAPPA, 0, 1, -sign * 1j * pi / (2 * c)])
    return poles


SILU_POLES = [mpc(0, pi), mpc(0, -pi)]
MISH_POLES = [mpc(0, pi), mpc(0, -pi)] + [
    mpc(mp.log(sqrt(2)), s * 3 * pi / 4) for s in (1, -1)]

# name, quantity, starting guess, cancellation bound, singularities, doc
SERIES = [
    ("geluDerivative", gelu_d1, -0.75, 4, [], "gelu′(x) = Φ(x) + x·φ(x) about its zero x ≈ −0.7518"),
    ("siluDerivative", silu_d1, -1.28, 4096, SILU_POLES,
     "silu′(v) = σ(v)(1 + v·σ(−v)) about its zero v ≈ −1.2785"),
    ("siluSecondDerivativeLeft", silu_d2, -2.4, 4096, SILU_POLES, "silu″(v) about its zero v ≈ −2.3994"),
    ("siluSecondDerivativeRight", silu_d2, 2.4, 4096, SILU_POLES, "silu″(v) about its zero v ≈ 2.3994"),
    ("geluTanhDerivative", gelu_tanh_d1, -0.75, 4096, gelu_tanh_poles(),
     "gelu_tanh′(x) about its zero x ≈ −0.7522"),
    ("geluTanhSecondDerivativeLeft", gelu_tanh_d2, -1.4, 4096, gelu_tanh_poles(),
     "gelu_tanh″(x) about its zero x ≈ −1.41"),
    ("geluTanhSecondDerivativeRight", gelu_tanh_d2, 1.4, 4096, gelu_tanh_poles(),
     "gelu_tanh″(x) about its zero x ≈ 1.41"),
    ("geluFastDerivative", gelu_fast_d1, -0.75, 4096, gelu_tanh_poles(C_FAST),
     "gelu_fast′(x) (transformers' constant 0.7978845608) about its zero x ≈ −0.7522"),
    ("geluFastSecondDerivativeLeft", gelu_fast_d2, -1.4, 4096, gelu_tanh_poles(C_FAST),
     "gelu_fast″(x) about its zero x ≈ −1.41"),
    ("geluFastSecondDerivativeRight", gelu_fast_d2, 1.4, 4096, gelu_tanh_poles(C_FAST),
     "gelu_fast″(x) about its zero x ≈ 1.41"),
    ("mishDerivative", mish_d1, -1.19, 4096, MISH_POLES, "mish′(x) about its zero x ≈ −1.1924"),
    ("mishSecondDerivativeLeft", mish_d2, -2.4, 4096, MISH_POLES, "mish″(x) about its left zero"),
    ("mishSecondDerivativeRight", mish_d2, 1.6, 4096, MISH_POLES, "mish″(x) about its right zero"),
]


def interval(q, r, bound):
    """The x around r where the direct formula's cancellation factor exceeds bound."""
    def factor(x):
        v, a = q(x)
        return a / abs(v) if v != 0 else mpf('inf')
    edges = []
    for direction in (-1, 1):
        step = mpf('0.001')
        x = r + direction * step
        while factor(x) > bound:
            step *= mpf('1.05')
            x = r + direction * step
        edges.append(x)
    return edges[0], edges[1]


def taylor(q, r, radius, n):
    """Taylor coefficients a_0..a_n of q about r by the trapezoidal rule on a circle."""
    m = 8 * n + 64
    rho = radius
    values = [q(r + rho * mpc(cos(2 * pi * j / m), sin(2 * pi * j / m)))[0] for j in range(m)]
    coefficients = []
    for k in range(n + 1):
        s = mpc(0)
        for j in range(m):
            angle = -2 * pi * j * k / m
            s += values[j] * mpc(cos(angle), sin(angle))
        coefficients.append((s / m / rho ** k).real)
    return coefficients


def split(x):
    hi = float(x)
    return hi, float(x - mpf(hi))


def swift_double(x):
    return repr(float(x))


def main():
    out = sys.stdout
    out.write("// Generated by Scripts/make-root-series.py (make generated; make check-generated checks it).\n")
    out.write("// Do not edit.\n")
    out.write("// Taylor series of derivatives about their interior zeros (see RootSeries).\n\n")
    out.write("extension RootSeries {\n")
    for name, q, guess, bound, poles, doc in SERIES:
        r = findroot(lambda x: q(x)[0], mpf(guess))
        lo, hi = interval(q, r, bound)
        reach = max(r - lo, hi - r)
        # Contour radius beyond the interval, comfortably inside the nearest singularity.
        nearest = min([abs(p - r) for p in poles] + [mpf(10)])
        radius = min(reach * 2, nearest * mpf('0.8'))
        assert radius > reach * mpf('1.1'), (name, reach, nearest)
        coefficients = taylor(q, r, radius, 120 if reach > mpf("0.01") else 24)
        assert abs(coefficients[0]) < mpf(10) ** -40, (name, coefficients[0])
        grid = [lo + (hi - lo) * i / 200 for i in range(201)]
        exact = [q(x)[0] for x in grid]
        for n in range(2, len(coefficients)):
            worst = 0
            for x, e in zip(grid, exact):
                d = x - r
                s = sum(coefficients[k] * d ** k for k in range(1, n + 1))
                if abs(d) > mpf(10) ** -30:  # at r itself e is the 60-digit residue
                    worst = max(worst, abs((s - e) / e))
            if worst < mpf(2) ** -60:
                break
        else:
            raise SystemExit(f"{name}: series does not converge on [{lo}, {hi}]")
        rh, rl = split(r)
        out.write(f"    /// {doc}.\n    ///\n")
        out.write(f"    /// Used on [{float(lo):.6g}, {float(hi):.6g}], where the direct formula's terms\n")
        out.write(f"    /// cancel by more than a factor {bound}; {n} terms, truncation below 2⁻⁶⁰.\n")
        out.write(f"    static let {name} = RootSeries(\n")
        out.write(f"        root: DoubleDouble({swift_double(rh)}, {swift_double(rl)}),\n")
        out.write(f"        interval: ({swift_double(lo)})...({swift_double(hi)}),\n")
        ch, cl = split(coefficients[1])
        out.write(f"        leading: DoubleDouble({swift_double(ch)}, {swift_double(cl)}),\n")
        out.write("        coefficients: [\n")
        for k in range(1, n + 1):
            out.write(f"            {swift_double(coefficients[k])},\n")
        out.write("        ])\n\n")
        print(f"{name}: root {float(r)!r}, [{float(lo):.4f}, {float(hi):.4f}], {n} terms", file=sys.stderr)
    out.write("}\n")


if __name__ == "__main__":
    main()
