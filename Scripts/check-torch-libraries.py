#!/usr/bin/env python3
"""actplot's transformers and timm presets against the running packages, on torch in float64.

Every name of transformers' ACT2CLS (the `hidden_act` of model configs) and of timm's
create_act_layer, built as the package builds it, at about 400 points per spec: f and f' (torch
autograd, a ones cotangent) compared as Scripts/framework_check.py describes. Where the package and
actplot differ by more than 4 ulps, mpmath says which is right; exits 1 if the package is closer
to the truth than actplot anywhere. It also prints which names of the installed package have no
preset, so that a release adding one is noticed.

Needs torch, transformers, timm and mpmath (a venv under .build/, not needed by make test):
    .build/hfvenv/bin/python Scripts/check-torch-libraries.py transformers|timm [--actplot PATH]
"""
import argparse
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import framework_check  # noqa: E402


def module_function(module):
    """f(x) for a torch module applied to a one-element float64 tensor (a 0-d input would let
    a 1-element bfloat16 parameter, xIELU's, decide the result type)."""
    def f(t):
        return module(t.reshape(1))[0]
    return f


def framework_value(f, x):
    """f and f' at x from torch autograd in float64."""
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = f(t)
    (d,) = torch.autograd.grad(y, t, allow_unused=True)
    return float(y.detach()), float(d) if d is not None else 0.0


def transformers_checks():
    import transformers
    from transformers.activations import ACT2CLS, ACT2FN
    print(f"transformers {transformers.__version__} on torch {torch.__version__}; f and f' in float64")
    checks = {}
    for name in ACT2CLS:
        module = ACT2FN[name]
        if hasattr(module, "double"):
            module = module.double() if name != "xielu" else module  # xIELU keeps its bfloat16 parameters
        checks[f"transformers.{name}"] = module_function(module)
    return checks


def timm_checks():
    import timm
    from timm.layers import create_act_layer
    from timm.layers.create_act import _ACT_LAYER_DEFAULT
    print(f"timm {timm.__version__} on torch {torch.__version__}; f and f' in float64")
    checks = {}
    for name in _ACT_LAYER_DEFAULT:
        layer = create_act_layer(name)
        if hasattr(layer, "double"):
            layer = layer.double()
        checks[f"timm.{name}"] = module_function(layer)
    return checks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("package", choices=("transformers", "timm"))
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    checks = transformers_checks() if arguments.package == "transformers" else timm_checks()
    framework_check.run(checks, framework_value, arguments.actplot)


if __name__ == "__main__":
    main()
