"""The timing rule the in-process peer scripts share (kernels.py, family.py)."""
import statistics
import time


def rate(f, x, block=lambda r: r):
    """Millions of elements of `x` a second through `f`: the median of 9 runs after a warm-up.
    `block` waits for the result (JAX's block_until_ready; numpy's is ready at once)."""
    block(f(x))
    times = []
    for _ in range(9):
        start = time.perf_counter()
        block(f(x))
        times.append(time.perf_counter() - start)
    return len(x) / statistics.median(times) / 1e6
