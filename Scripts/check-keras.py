#!/usr/bin/env python3
"""actplot's keras2, keras or tf presets against the running framework, in float64 with autograd.

For every keras2 preset (tf-keras, Keras 2), keras preset (Keras 3 on its TensorFlow backend)
or tf preset (tf.nn, tf.math), and a few parameter settings, f and f' from the framework with
TensorFlow's GradientTape at about 400 points (a grid, each corner and its neighbours, tiny and huge
magnitudes, random points) are compared with `actplot eval`. Where the two differ by more
than 4 ulps, the mpmath definition of Scripts/make-reference.py says which is right
(CHECK_VERBOSE=1 shows where the framework is off); the script exits 1 if the framework is
closer to the truth than actplot anywhere (a wrong definition or convention in actplot), and
prints every such disagreement.

Needs tensorflow-cpu, tf-keras, keras and mpmath (a venv under .build/, not needed by make test):
    python3 -m venv .build/frameworks
    .build/frameworks/bin/pip install tensorflow-cpu tf-keras keras mpmath
    .build/frameworks/bin/python Scripts/check-keras.py keras2|keras|tf [--actplot PATH]
"""
import argparse
import os
import sys

FRAMEWORK = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in ("keras", "keras2", "tf") else None
if FRAMEWORK is None:
    sys.exit("usage: check-keras.py keras2|keras|tf [--actplot PATH]")
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
sys.path.insert(0, HERE)
import framework_check  # noqa: E402

(keras.backend if FRAMEWORK == "keras2" else keras.config).set_floatx("float64")  # layers: float32 otherwise
A = keras.activations
L = keras.layers


def softmax0(function):
    """Component 0 of softmax([x, 0]), as actplot draws a vector function over x."""
    return lambda t: function(tf.reshape(tf.stack([t, tf.zeros_like(t)]), (1, 2)))[0, 0]


def layer(make):
    """A layer applied to a scalar as a (1, 1) batch."""
    instance = make()
    return lambda t: instance(tf.reshape(t, (1, 1)))[0, 0]


# actplot spec -> the tf-keras computation of the same function
KERAS2 = {} if FRAMEWORK != "keras2" else {
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
KERAS = {} if FRAMEWORK != "keras" else {
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
# actplot spec -> TensorFlow's own tf.nn / tf.math function
T = tf.nn
TF = {
    "tf.relu": T.relu, "tf.nn.relu6": T.relu6, "tf.gelu": T.gelu,
    "tf.gelu:approximate=tanh": lambda t: T.gelu(t, approximate=True),
    "tf.softplus": T.softplus, "tf.softsign": T.softsign, "tf.silu": T.silu, "tf.swish": T.silu,
    "tf.sigmoid": T.sigmoid, "tf.tanh": tf.math.tanh, "tf.elu": T.elu, "tf.selu": T.selu,
    "tf.leaky_relu": T.leaky_relu, "tf.math.log_sigmoid": tf.math.log_sigmoid,
    "tf.softmax": softmax0(T.softmax), "tf.log_softmax": softmax0(T.log_softmax),
}
CHECKS = {"keras2": KERAS2, "keras": KERAS, "tf": TF}[FRAMEWORK]


def framework_value(f, x):
    """f and f' at x from the framework in float64, by GradientTape."""
    t = tf.constant(x, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(t)
        y = f(t)
    d = tape.gradient(y, t)
    return float(y), float(d) if d is not None else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=("keras", "keras2", "tf"))
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    name = {"keras2": "tf-keras " + keras.__version__, "keras": "Keras " + keras.__version__, "tf": "tf.nn"}
    print(f"{name[FRAMEWORK]}, TensorFlow {tf.__version__}; f and f' in float64 (GradientTape)")
    framework_check.run(CHECKS, framework_value, arguments.actplot)


if __name__ == "__main__":
    main()
