// The C peer for the relu kernel: y = max(x, 0) over 10 million doubles, median of 9 runs.
// Built by the bench script with gcc -O3 -march=native.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void) {
    const long n = 10000000;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    for (long i = 0; i < n; i++) x[i] = -6 + 12.0 * i / (n - 1);
    double times[9];
    for (int run = 0; run < 10; run++) {
        double start = now();
        for (long i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : 0;
        if (run > 0) times[run - 1] = now() - start;
    }
    qsort(times, 9, sizeof times[0], compare);
    printf("relu\t%.0f M/s\t(check %g)\n", n / times[4] / 1e6, y[n - 1]);
    return 0;
}
