#!/usr/bin/env python3
"""actplot's keras2 or keras presets against the running framework, in float64 with autograd.

For every keras2 preset (tf-keras, Keras 2) or keras preset (Keras 3 on its TensorFlow
backend), and a few parameter settings, f and f' from the framework with TensorFlow's
GradientTape at about 400 points (a grid, each corner and its neighbours, tiny and huge
magnitudes, random points) are compared with `actplot eval`. Where the two differ by more
than 4 ulps, the mpmath definition of Scripts/make-reference.py says which is right
(CHECK_VERBOSE=1 shows where the framework is off); the script exits 1 if the framework is
closer to the truth than actplot anywhere (a wrong definition or convention in actplot), and
prints every such disagreement.

Needs tensorflow-cpu, tf-keras, keras and mpmath (a venv under .build/, not needed by make test):
    python3 -m venv .build/frameworks
    .build/frameworks/bin/pip install tensorflow-cpu tf-keras keras mpmath
    .build/frameworks/bin/python Scripts/check-keras.py keras2|keras [--actplot PATH]
"""
import argparse
import importlib.util
import math
import os
import random
import sys

FRAMEWORK = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in ("keras", "keras2") else None
if FRAMEWORK is None:
    sys.exit("usage: check-keras.py keras2|keras [--actplot PATH]")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["KERAS_BACKEND"] = "tensorflow"
if FRAMEWORK == "keras2":
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
import tensorflow as tf  # noqa: E402

if FRAMEWORK == "keras2":
    import tf_keras as keras  # noqa: E402
else:
    import keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
spec_ = importlib.util.spec_from_file_location("reference", os.path.join(HERE, "make-reference.py"))
reference = importlib.util.module_from_spec(spec_)
spec_.loader.exec_module(reference)
spec_ = importlib.util.spec_from_file_location("dense", os.path.join(HERE, "check-dense.py"))
dense = importlib.util.module_from_spec(spec_)  # for `computed`: actplot eval over a points file
spec_.loader.exec_module(dense)

(keras.backend if FRAMEWORK == "keras2" else keras.config).set_floatx("float64")  # layers: float32 otherwise
A = keras.activations
L = keras.layers
VERBOSE = os.environ.get("CHECK_VERBOSE") == "1"


def softmax0(function):
    """Component 0 of softmax([x, 0]), as actplot draws a vector function over x."""
    return lambda t: function(tf.reshape(tf.stack([t, tf.zeros_like(t)]), (1, 2)))[0, 0]


def layer(make):
    """A layer applied to a scalar as a (1, 1) batch."""
    instance = make()
    return lambda t: instance(tf.reshape(t, (1, 1)))[0, 0]


# actplot spec -> the tf-keras computation of the same function
KERAS2 = {} if FRAMEWORK == "keras" else {
    "keras2.elu": A.elu,
    "keras2.elu:alpha=2": lambda t: A.elu(t, alpha=2.0),
    "keras2.exponential": A.exponential,
    "keras2.gelu": lambda t: A.gelu(t, approximate=False),
    "keras2.gelu:approximate=tanh": lambda t: A.gelu(t, approximate=True),
    "keras2.hard_sigmoid": A.hard_sigmoid,
    "keras2.linear": A.linear,
    "keras2.relu": A.relu,
    "keras2.relu:alpha=0.1": lambda t: A.relu(t, alpha=0.1),
    "keras2.relu:max_value=5": lambda t: A.relu(t, max_value=5.0),
    "keras2.relu:max_value=6": lambda t: A.relu(t, max_value=6.0),
    "keras2.relu:alpha=0.1,max_value=5,threshold=1": lambda t: A.relu(t, alpha=0.1, max_value=5.0, threshold=1.0),
    "keras2.relu:threshold=-1,max_value=5": lambda t: A.relu(t, max_value=5.0, threshold=-1.0),
    "keras2.selu": A.selu,
    "keras2.sigmoid": A.sigmoid,
    "keras2.softmax": softmax0(A.softmax),
    "keras2.softplus": A.softplus,
    "keras2.softsign": A.softsign,
    "keras2.swish": A.swish,
    "keras2.tanh": A.tanh,
    "keras2.layers.LeakyReLU": layer(lambda: L.LeakyReLU()),
    "keras2.layers.PReLU": layer(lambda: L.PReLU()),
    "keras2.layers.ELU": layer(lambda: L.ELU()),
    "keras2.layers.ReLU": layer(lambda: L.ReLU()),
    "keras2.layers.ReLU:max_value=5": layer(lambda: L.ReLU(max_value=5.0)),
    "keras2.layers.ThresholdedReLU": layer(lambda: L.ThresholdedReLU()),
    "keras2.layers.Softmax": softmax0(L.Softmax()),
}

# actplot spec -> the Keras 3 computation of the same function
KERAS = {} if FRAMEWORK == "keras2" else {
    "keras.celu": A.celu,
    "keras.elu": A.elu,
    "keras.exponential": A.exponential,
    "keras.gelu": A.gelu,
    "keras.ops.gelu": keras.ops.gelu,
    "keras.hard_shrink": A.hard_shrink,
    "keras.hard_sigmoid": A.hard_sigmoid,
    "keras.hard_silu": A.hard_silu,
    "keras.hard_tanh": A.hard_tanh,
    "keras.leaky_relu": A.leaky_relu,
    "keras.linear": A.linear,
    "keras.log_sigmoid": A.log_sigmoid,
    "keras.log_softmax": softmax0(A.log_softmax),
    "keras.mish": A.mish,
    "keras.relu": A.relu,
    "keras.relu:max_value=5": lambda t: A.relu(t, max_value=5.0),
    "keras.relu:negative_slope=0.1,max_value=5,threshold=1":
        lambda t: A.relu(t, negative_slope=0.1, max_value=5.0, threshold=1.0),
    "keras.relu:threshold=-1,max_value=5": lambda t: A.relu(t, max_value=5.0, threshold=-1.0),
    "keras.relu6": A.relu6,
    "keras.selu": A.selu,
    "keras.sigmoid": A.sigmoid,
    "keras.silu": A.silu,
    "keras.soft_shrink": A.soft_shrink,
    "keras.softmax": softmax0(A.softmax),
    "keras.softplus": A.softplus,
    "keras.sparsemax": softmax0(A.sparsemax),
    "keras.softsign": A.softsign,
    "keras.sparse_plus": A.sparse_plus,
    "keras.sparse_sigmoid": A.sparse_sigmoid,
    "keras.squareplus": A.squareplus,
    "keras.tanh": A.tanh,
    "keras.tanh_shrink": A.tanh_shrink,
    "keras.threshold": lambda t: A.threshold(t, 0.0, 0.0),
    "keras.layers.LeakyReLU": layer(lambda: L.LeakyReLU()),
    "keras.layers.PReLU": layer(lambda: L.PReLU()),
    "keras.layers.ELU": layer(lambda: L.ELU()),
    "keras.layers.ReLU": layer(lambda: L.ReLU()),
    "keras.layers.Softmax": softmax0(L.Softmax()),
}
CHECKS = KERAS2 if FRAMEWORK == "keras2" else KERAS


def framework_values(f, xs):
    """f and f' at each x from the framework, float64, one point at a time (corners included)."""
    out = []
    for x in xs:
        t = tf.constant(x, dtype=tf.float64)
        with tf.GradientTape() as tape:
            tape.watch(t)
            y = f(t)
        d = tape.gradient(y, t)
        out.append((float(y), float(d) if d is not None else 0.0))
    return out


def points(spec):
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=("keras", "keras2"))
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    name = "tf-keras" if FRAMEWORK == "keras2" else "Keras"
    print(f"{name} {keras.__version__}, TensorFlow {tf.__version__}; f and f' in float64 (GradientTape)")
    wrong = 0
    for spec, f in CHECKS.items():
        xs = points(spec)
        theirs = framework_values(f, xs)
        mine = dense.computed(arguments.actplot, spec, xs)
        definition, p, kink, _, _ = reference.parse_spec(spec)
        worst, differences, frameworks_wrong, differences_shown = 0.0, [], 0, []
        for x, t, m in zip(xs, theirs, mine):
            for k, name in enumerate(("f", "f'")):
                distance = ulps(t[k], m[k])
                worst = max(worst, distance) if math.isfinite(distance) else worst
                if distance <= 4:
                    continue
                exact = float(reference.evaluate(definition, p, kink, x)[k])
                mine_error, their_error = ulps(m[k], exact), ulps(t[k], exact)
                if mine_error <= their_error:
                    frameworks_wrong += 1
                    if VERBOSE and frameworks_wrong <= 3:
                        differences_shown.append(
                            f"    {name}({x!r}): framework {t[k]!r}, actplot {m[k]!r}, exact {exact!r}")
                else:
                    differences.append(f"    {name}({x!r}): framework {t[k]!r}, actplot {m[k]!r}, exact {exact!r}")
        verdict = "agree" if not differences else "ACTPLOT WRONG"
        extra = f"; where they differ, actplot is exact ({frameworks_wrong} values)" if frameworks_wrong else ""
        print(f"{spec:50} {len(xs):4} points  {verdict}{extra}")
        for line in differences[:8] + differences_shown:
            print(line)
        wrong += len(differences)
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
