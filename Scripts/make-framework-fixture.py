#!/usr/bin/env python3
"""Tests/ActivationCoreTests/Fixtures/FRAMEWORK-kernels.tsv: what a framework returns at chosen inputs.

For each preset of the framework `--arith framework` reproduces, in bfloat16 and float16: the inputs where the framework's f or f'
differs from the correctly rounded value (`actplot eval --arith exact`), the first and last few of
them, and a few plain ones (0, −0, the least subnormal, 1, −2.5). Each row is the framework's own
bits, from the framework itself under the conditions of check-framework-arithmetic.py (torch eager,
one contiguous tensor, one thread; JAX under jit; f' with a ones cotangent): the unit test
(FrameworkKernelTests) holds actplot to them without the framework installed.

    .build/torch/bin/python Scripts/make-framework-fixture.py torch [--actplot PATH]
    .build/jax/bin/python Scripts/make-framework-fixture.py jax
"""
import argparse
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
check = __import__("check-framework-arithmetic")

PLAIN = [0.0, -0.0, 1.0, -2.5]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("framework", choices=sorted(check.SIDES))
    parser.add_argument("--actplot", default=os.path.join(ROOT, ".build", "release", "actplot"))
    parser.add_argument("--output", help="default: Tests/ActivationCoreTests/Fixtures/FRAMEWORK-kernels.tsv")
    args = parser.parse_args()
    output = args.output or os.path.join(ROOT, "Tests", "ActivationCoreTests", "Fixtures",
                                         f"{args.framework}-kernels.tsv")
    side = check.SIDES[args.framework]
    functions, _, version = side("bf16")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("bf16", "f16"):
            _, run, _ = side(fmt)
            bits = check.finite_patterns(fmt)
            xs = check.values(bits, fmt)
            for spec in functions:
                tf, tdf = run(spec, bits)
                ef, edf = check.actplot_side(args.actplot, spec, fmt, xs, folder, arith="exact")
                where = set()
                for a, b in ((tf, ef), (tdf, edf)):
                    d, _ = check.differing(a, b, fmt)
                    where |= set(d[:4].tolist()) | set(d[-2:].tolist())
                plain = [int(np.nonzero(xs == v)[0][0]) if v != 0 else int(np.nonzero(
                    (xs == 0) & (np.signbit(xs) == (str(v) == "-0.0")))[0][0]) for v in PLAIN]
                where |= set(plain) | {1}
                for i in sorted(where):
                    rows.append(f"{spec}\t{fmt}\t0x{bits[i]:04X}\t0x{tf[i]:04X}\t0x{tdf[i]:04X}")
    with open(output, "w") as out:
        out.write(f"# {version}: {args.framework}'s f and f' bits (Scripts/make-framework-fixture.py)\n")
        out.write("spec\tformat\tx_bits\tf_bits\tdf_bits\n")
        out.write("\n".join(rows) + "\n")
    print(f"{output}: {len(rows)} rows")


if __name__ == "__main__":
    main()
