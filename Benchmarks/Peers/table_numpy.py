#!/usr/bin/env python3
"""The peer of `actplot table sigmoid --dtype bf16` (every bfloat16 pattern) and of `actplot table
sigmoid --dtype f32 --every --range 1:8`, with numpy and ml_dtypes: σ and σ′ in float64 rounded
once to the format (no margin check: a value within a few double ulps of a rounding boundary may
round the wrong way, where actplot flags or decides it), written with np.save as the same
structured array (x_bits, f_bits, df_bits, x, f, df, flags).

Usage: python3 table_numpy.py bf16 OUT.npy | python3 table_numpy.py f32 OUT.npy
"""
import sys

import ml_dtypes
import numpy as np

kind, out = sys.argv[1], sys.argv[2]
if kind == "bf16":
    bits = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
    dtype, width = ml_dtypes.bfloat16, np.uint16
    x = bits.view(dtype).astype(np.float64)
else:
    # Every float32 from 1 to 8: 0x3F800000 ... 0x41000000.
    bits = np.arange(0x3F800000, 0x41000000 + 1, dtype=np.uint32)
    dtype, width = np.float32, np.uint32
    x = bits.view(np.float32).astype(np.float64)
with np.errstate(over="ignore", invalid="ignore"):
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    d = e / (1 + e) ** 2
f, df = s.astype(dtype), d.astype(dtype)
table = np.empty(len(x), dtype=[("x_bits", width), ("f_bits", width), ("df_bits", width), ("x", "<f4"),
                                ("f", "<f4"), ("df", "<f4"), ("flags", "u1")])
table["x_bits"], table["f_bits"], table["df_bits"] = bits, f.view(width), df.view(width)
table["x"], table["f"], table["df"], table["flags"] = x, f.astype(np.float32), df.astype(np.float32), 0
np.save(out, table)
