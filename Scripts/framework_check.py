"""The comparison behind Scripts/check-keras.py and Scripts/check-jax.py: a framework's f and f'
against `actplot eval` at about 400 points per spec, and mpmath (Scripts/make-reference.py)
as the judge wherever the two differ by more than 4 ulps.

Each checker imports its framework (never two in one process: TensorFlow and JAX loaded
together abort), builds {actplot spec: framework callable} and a function giving the
framework's (f, f') at a double (f' None where the framework defines no gradient, as ONNX),
and calls run().
"""
import importlib.util
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reference = _load("reference", "make-reference.py")
dense = _load("dense", "check-dense.py")  # for `computed`: actplot eval over a points file
VERBOSE = os.environ.get("CHECK_VERBOSE") == "1"


def points(spec):
    """A grid, every corner and its neighbours, tiny and huge magnitudes, random points."""
    _, _, _, corners, _ = reference.parse_spec(spec)
    rng = random.Random(spec)
    xs = [0.0, -0.0, 1e-300, -1e-300, 5e-324, 1e-8, -1e-8, 0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 3.0, -3.0,
          6.0, 10.0, -10.0, 20.0, -20.0, 37.0, 40.0, -40.0, 100.0, -100.0, 700.0, -700.0, 800.0, -800.0]
    for c in corners:
        c = float(c)
        if math.isfinite(c):
            xs += [c, math.nextafter(c, math.inf), math.nextafter(c, -math.inf), c + 1e-9, c - 1e-9]
    xs += [rng.uniform(-10, 10) for _ in range(300)]
    xs += [rng.choice((-1, 1)) * 10 ** rng.uniform(-300, 2) for _ in range(60)]
    return xs


def ulps(a, b):
    """The distance between two doubles in ulps of the larger (0 when both are NaN or equal)."""
    if a == b or (math.isnan(a) and math.isnan(b)):
        return 0.0
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    return abs(a - b) / math.ulp(max(abs(a), abs(b), 5e-324))


def run(checks, values, actplot, conventions=None):
    """Compares every spec; prints one line each (and the disagreements); exits 1 if the
    framework is closer to mpmath than actplot anywhere, or gives another f' at a corner.

    At a corner f' is a convention, not a number mpmath can judge: there the framework's value
    is the truth for its preset, unless `conventions` names the spec with the reason actplot
    cannot follow it (MLX's prelu'(0) = 1.25, the sum of both sides' slopes)."""
    wrong = 0
    conventions = conventions or {}
    for spec, f in checks.items():
        xs = points(spec)
        theirs = [values(f, x) for x in xs]
        mine = dense.computed(actplot, spec, xs)
        definition, p, kink, corners, _ = reference.parse_spec(spec)
        at_corner = {float(c) for c in corners if math.isfinite(float(c))}
        differences, frameworks_wrong, shown = [], 0, []
        for x, t, m in zip(xs, theirs, mine):
            for k, name in enumerate(("f", "f'")):
                if t[k] is None or ulps(t[k], m[k]) <= 4:  # None: the framework has no gradient
                    continue
                if k == 1 and x in at_corner:
                    line = f"    f'({x!r}) at a corner: framework {t[k]!r}, actplot {m[k]!r}"
                    if spec in conventions:
                        shown.append(line + f" (documented: {conventions[spec]})")
                    else:
                        differences.append(line + " (the preset's corner convention is wrong)")
                    continue
                exact = float(reference.evaluate(definition, p, kink, x)[k])
                line = f"    {name}({x!r}): framework {t[k]!r}, actplot {m[k]!r}, exact {exact!r}"
                if ulps(m[k], exact) <= ulps(t[k], exact):
                    frameworks_wrong += 1
                    if VERBOSE and frameworks_wrong <= 3:
                        shown.append(line)
                else:
                    differences.append(line)
        verdict = "agree" if not differences else "ACTPLOT WRONG"
        extra = f"; where they differ, actplot is exact ({frameworks_wrong} values)" if frameworks_wrong else ""
        print(f"{spec:50} {len(xs):4} points  {verdict}{extra}")
        for line in differences[:8] + shown:
            print(line)
        wrong += len(differences)
    sys.exit(1 if wrong else 0)
