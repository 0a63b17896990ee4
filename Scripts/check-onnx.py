#!/usr/bin/env python3
"""actplot's onnx presets against the running onnxruntime (CPU), f only: ONNX defines no
gradients.

Each operator is a one-node model with its default attributes (PRelu, whose slope is an input,
gets 0.25). Where onnxruntime's CPU provider has a float64 kernel (Relu, Shrink, Sigmoid, Tanh,
Swish, Softmax, LogSoftmax in 1.32), f is compared in float64 as Scripts/framework_check.py
describes. The others run in float32 only: there the inputs are float32 numbers, and
onnxruntime's float32 result must lie within 4 float32 ulps of actplot's value, or else mpmath
says which is right. Exits 1 if onnxruntime is closer to the truth than actplot anywhere.

Needs onnx, onnxruntime, numpy and mpmath (a venv under .build/, not needed by make test):
    .build/hfvenv/bin/python Scripts/check-onnx.py [--actplot PATH]
"""
import argparse
import math
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import framework_check  # noqa: E402

OPERATORS = ["Celu", "Elu", "Gelu", "HardSigmoid", "HardSwish", "LeakyRelu", "Mish", "PRelu", "Relu", "Selu",
             "Shrink", "Sigmoid", "Softplus", "Softsign", "Tanh", "ThresholdedRelu", "Swish", "Softmax",
             "LogSoftmax", "Hardmax"]
VECTOR = {"Softmax", "LogSoftmax", "Hardmax"}  # component 0 of op([x, 0]), as actplot draws it
EXTRA = {"onnx.Gelu:approximate=tanh": ("Gelu", {"approximate": "tanh"}),
         "onnx.HardSigmoid:alpha=0.5,beta=0.25": ("HardSigmoid", {"alpha": 0.5, "beta": 0.25}),
         "onnx.Shrink:bias=0.5": ("Shrink", {"bias": 0.5}), "onnx.Shrink:lambd=1,bias=0.25": ("Shrink",
                                                                                         {"lambd": 1.0, "bias": 0.25})}


def session(op, attributes, dtype):
    """A one-node model of op over a length-2 vector, or None if onnxruntime has no kernel."""
    inputs = [helper.make_tensor_value_info("x", dtype, [2])]
    names = ["x"]
    if op == "PRelu":
        inputs.append(helper.make_tensor_value_info("slope", dtype, [1]))
        names.append("slope")
    node = helper.make_node(op, names, ["y"], **attributes)
    graph = helper.make_graph([node], op, inputs, [helper.make_tensor_value_info("y", dtype, [2])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 24)])
    model.ir_version = 10
    try:
        return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    except Exception:  # onnxruntime: NOT_IMPLEMENTED or a type error for this dtype
        return None


def runner(op, s, numpy_type):
    def f(x):
        feed = {"x": np.array([x, 0.0], numpy_type)}
        if op == "PRelu":
            feed["slope"] = np.array([0.25], numpy_type)
        return float(s.run(None, feed)[0][0])
    return f


def float32_ulp(v):
    v = abs(float(np.float32(v)))
    return float(np.spacing(np.float32(v))) if math.isfinite(v) else math.inf


def check_float32(spec, f, actplot):
    """onnxruntime's float32 f at float32 inputs against actplot's f there; mpmath judges."""
    xs = sorted({float(np.float32(x)) for x in framework_check.points(spec)
                 if math.isfinite(float(np.float32(x)))})
    theirs = [f(x) for x in xs]
    mine = [m[0] for m in framework_check.dense.computed(actplot, spec, xs)]
    definition, p, kink, _, _ = framework_check.reference.parse_spec(spec)
    wrong, worst, off = [], 0.0, 0
    for x, t, m in zip(xs, theirs, mine):
        if t == m or (math.isnan(t) and math.isnan(m)):
            continue
        distance = abs(t - m) / max(float32_ulp(m), 2.0 ** -149)
        worst = max(worst, distance)
        if distance <= 4:
            continue
        exact = float(framework_check.reference.evaluate(definition, p, kink, x)[0])
        if abs(m - exact) <= abs(t - exact):
            off += 1
        else:
            wrong.append(f"    f({x!r}): onnxruntime {t!r}, actplot {m!r}, exact {exact!r}")
    verdict = "agree" if not wrong else "ACTPLOT WRONG"
    extra = f"; beyond 4 float32 ulps actplot is the exact one ({off} values)" if off else ""
    print(f"{spec:50} {len(xs):4} points  float32 (within {worst:.1f} float32 ulps)  {verdict}{extra}")
    for line in wrong[:8]:
        print(line)
    return len(wrong)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actplot", default=os.path.join(HERE, "..", ".build", "release", "actplot"))
    arguments = parser.parse_args()
    print(f"onnxruntime {ort.__version__} (CPU), onnx {onnx.__version__}, opset 24; f only")
    specs = {f"onnx.{op}": (op, {}) for op in OPERATORS}
    specs.update(EXTRA)
    doubles, failures = {}, 0
    for spec, (op, attributes) in specs.items():
        s = session(op, attributes, TensorProto.DOUBLE)
        if s is not None:
            doubles[spec] = runner(op, s, np.float64)
            continue
        s = session(op, attributes, TensorProto.FLOAT)
        failures += check_float32(spec, runner(op, s, np.float32), arguments.actplot)
    print("float64 kernels:")
    try:
        framework_check.run(doubles, lambda f, x: (f(x), None), arguments.actplot)
    except SystemExit as status:
        sys.exit(1 if failures or status.code else 0)


if __name__ == "__main__":
    main()
