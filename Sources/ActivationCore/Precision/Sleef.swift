/// Sleef 3's float32 exp, bit for bit: `xexpf` in `src/libm/sleefsimdsp.c`, the `Sleef_expf16_u10`
/// (AVX-512) and `Sleef_expf8_u10` (AVX2) that ATen's `Vectorized<float>::exp` calls, with FMAs.
///
/// exp(d) = 2^q·(1 + s + s²·p(s)), q = rint(d/ln 2), s = d − q·ln 2 in two parts (Cody–Waite),
/// p a degree-5 polynomial; 0 below −104, +∞ above 100. Measured: torch 2.15's float32 sigmoid
/// (1/(1 + exp(−x)) in its vectorised kernel) bit-exact on the whole float32 sample.
enum Sleef {
    /// The polynomial's coefficients, highest degree first.
    private static let coefficients: [Float] = [
        0.000198527617612853646278381, 0.00139304355252534151077271, 0.00833336077630519866943359,
        0.0416664853692054748535156, 0.166666671633720397949219, 0.5,
    ]

    /// 2^q for q in [−126, 127], built from its bits as `vpow2i` does.
    @inline(__always)
    private static func power(_ q: Int32) -> Float { Float(bitPattern: UInt32(q &+ 127) << 23) }

    /// exp(d) as Sleef's u10 expf computes it.
    static func expf(_ d: Float) -> Float {
        if d.isNaN { return .nan }
        if d < -104 { return 0 }
        if d > 100 { return .infinity }
        let q = Int32(
            (d * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(
                .toNearestOrEven))
        let qf = Float(q)
        var s = d.addingProduct(qf, -0.693145751953125)
        s = s.addingProduct(qf, -1.428606765330187045e-06)
        var u = coefficients[0]
        for c in coefficients.dropFirst() { u = c.addingProduct(u, s) }
        u = 1 + s.addingProduct(s * s, u)
        let half = q >> 1
        return u * power(half) * power(q - half)
    }
}
