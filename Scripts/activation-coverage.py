#!/usr/bin/env python3
"""Which activation names of the installed frameworks actplot resolves.

For each framework given, this enumerates the activation names of the installed package (from
the package itself, not a list kept here, except where the package has no list of its own), asks
`actplot info` for each, and prints one line per framework: names, resolved, left out. Every
name left out must be in LEFT_OUT with the reason (not an activation, or not a function of one
input); a name that is neither resolved nor explained is printed as MISSING, and the script
exits 1. The README quotes the table it prints.

torch, transformers, timm, onnx and mlx run in one venv, jax, keras and tf in another (TensorFlow
and JAX are never imported together):
    .build/hfvenv/bin/python Scripts/activation-coverage.py torch transformers timm onnx mlx
    .build/frameworks/bin/python Scripts/activation-coverage.py jax keras tf
"""
import argparse
import inspect
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

LEFT_OUT = {
    "torch.nn.MultiheadAttention": "attention, not an activation (torch lists it with them)",
    "torch.nn.functional.gumbel_softmax": "a random sample (Gumbel noise), not a function of x",
    "jax.nn.logmeanexp": "a reduction to one number, log(mean(exp(x)))",
    "jax.nn.logsumexp": "a reduction to one number, log(sum(exp(x)))",
    "jax.nn.standardize": "a normalisation, (x − mean)/std over an axis",
    "jax.nn.one_hot": "an encoding of integers, not an activation",
    "jax.nn.dot_product_attention": "attention, not an activation",
    "jax.nn.scaled_dot_general": "a matrix product, not an activation",
    "jax.nn.scaled_matmul": "a matrix product, not an activation",
    "jax.nn.get_scaled_dot_general_config": "a configuration helper",
    "jax.nn.normalize": "a normalisation (deprecated alias of standardize)",
    "keras.layers.Activation": "a wrapper taking any activation by name",
    "keras.activations.get": "a lookup by name", "keras.activations.serialize": "serialisation",
    "keras.activations.deserialize": "serialisation",
    "tf.math.erf": "the error function, not an activation",
}


def torch_names():
    import torch.nn.modules.activation as activation
    import torch.nn.functional as F
    classes = [f"torch.nn.{n}" for n in activation.__all__]
    # torch.nn.functional has no list of its activations: these are the ones its documentation
    # puts under "Non-linear activation functions", each checked to exist in the installed torch.
    functions = ["threshold", "relu", "hardtanh", "hardswish", "relu6", "elu", "selu", "celu", "leaky_relu",
                 "prelu", "rrelu", "glu", "gelu", "logsigmoid", "hardshrink", "tanhshrink", "softsign", "softplus",
                 "softmin", "softmax", "softshrink", "gumbel_softmax", "log_softmax", "tanh", "sigmoid",
                 "hardsigmoid", "silu", "mish"]
    return classes + [f"torch.nn.functional.{n}" for n in functions if hasattr(F, n)], "torch " + __import__(
        "torch").__version__


def transformers_names():
    import transformers
    from transformers.activations import ACT2CLS
    names = [f"transformers.{n}" for n in ACT2CLS]
    classes = {v[0] if isinstance(v, tuple) else v for v in ACT2CLS.values()}
    names += [f"transformers.{c.__name__}" for c in sorted(classes, key=lambda c: c.__name__)
              if c.__module__.startswith("transformers")]
    return names, "transformers " + transformers.__version__


def timm_names():
    import timm
    from timm.layers.create_act import _ACT_FN_DEFAULT, _ACT_LAYER_DEFAULT
    return sorted({f"timm.{n}" for n in list(_ACT_LAYER_DEFAULT) + list(_ACT_FN_DEFAULT)}), "timm " + timm.__version__


def onnx_names():
    import onnx
    import onnx.defs
    # ONNX has no category of activations; these are the element-wise non-linearities of its
    # operator list (Operators.md), each checked to exist in the installed onnx.defs.
    candidates = ["Celu", "Elu", "Gelu", "HardSigmoid", "HardSwish", "Hardmax", "LeakyRelu", "LogSoftmax", "Mish",
                  "PRelu", "Relu", "Selu", "Shrink", "Sigmoid", "Softmax", "Softplus", "Softsign", "Swish", "SwiGLU",
                  "Tanh", "ThresholdedRelu"]
    known = {s.name for s in onnx.defs.get_all_schemas() if s.domain == ""}
    return [f"onnx.{n}" for n in candidates if n in known], "onnx " + onnx.__version__


def mlx_names():
    import mlx.core as mx
    import mlx.nn.layers.activations as activations
    names = []
    for name, member in vars(activations).items():
        if name.startswith("_") or getattr(member, "__module__", None) != activations.__name__:
            continue
        if inspect.isfunction(member) or inspect.isclass(member) or callable(member):
            names.append(f"mlx.nn.{name}")
    return sorted(set(names)), "mlx " + mx.__version__


def jax_names():
    import jax
    import jax.nn
    skip = {"initializers"}
    names = [f"jax.nn.{n}" for n in dir(jax.nn) if not n.startswith("_") and n not in skip
             and callable(getattr(jax.nn, n))]
    return names, "jax " + jax.__version__


def keras_names():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras
    names = [f"keras.activations.{n}" for n in dir(keras.activations)
             if not n.startswith("_") and callable(getattr(keras.activations, n))]
    layers = ["ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax", "Activation"]
    names += [f"keras.layers.{n}" for n in layers if hasattr(keras.layers, n)]
    return names, "keras " + keras.__version__


def tf_names():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf
    # tf.nn mixes activations with convolutions and losses; these are the activations of its
    # API overview, each checked to exist.
    nn = ["relu", "relu6", "crelu", "elu", "selu", "gelu", "leaky_relu", "softplus", "softsign", "silu", "swish",
          "sigmoid", "tanh", "softmax", "log_softmax"]
    math = ["sigmoid", "tanh", "softplus", "log_sigmoid", "erf"]
    return ([f"tf.nn.{n}" for n in nn if hasattr(tf.nn, n)] + [f"tf.math.{n}" for n in math if hasattr(tf.math, n)],
            "tensorflow " + tf.__version__)


ENUMERATORS = {"torch": torch_names, "transformers": transformers_names, "timm": timm_names, "onnx": onnx_names,
               "mlx": mlx_names, "jax": jax_names, "keras": keras_names, "tf": tf_names}


def resolves(actplot, name):
    result = subprocess.run([actplot, "info", name], capture_output=True, text=True)
    return result.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("frameworks", nargs="+", choices=sorted(ENUMERATORS))
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    missing = 0
    print(f"{'framework':14} {'version':22} {'names':>5} {'resolved':>8} {'left out':>8}")
    details = []
    for framework in arguments.frameworks:
        names, version = ENUMERATORS[framework]()
        resolved = [n for n in names if resolves(arguments.actplot, n)]
        rest = [n for n in names if n not in resolved]
        explained = [n for n in rest if n in LEFT_OUT]
        unexplained = [n for n in rest if n not in LEFT_OUT]
        missing += len(unexplained)
        print(f"{framework:14} {version:22} {len(names):5} {len(resolved):8} {len(rest):8}")
        details += [f"  {n}: {LEFT_OUT[n]}" for n in explained]
        details += [f"  {n}: MISSING (not resolved, no reason given)" for n in unexplained]
    if details:
        print("left out:")
        print("\n".join(details))
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
