/// GELU's f, f′ and f″ over a batch, for |x| ≤ 37.5, without a call into libm.
///
/// With a = |x|, both the normal tail and the density come from one exponential:
/// ```
/// Q(a) = Φ(−a) = e^{−a²/2}·R(a)        φ(a) = e^{−a²/2}/√(2π)
/// Φ(x) = Q(a) for x < 0, 1 − Q(a) otherwise
/// ```
/// * R(a) = Φ(−a)·e^{a²/2} is smooth and falls only from ½ to 0.0106 on [0, 37.5], so it is
///   a table of 151 polynomials of degree 10 (``GaussianTables/mills``, from
///   `Scripts/make-gaussian-tables.py`), kept as an unrounded sum within 0.3 ulp.
/// * e^{−a²/2} = 2ⁿ(1 + u) has a² split exactly (Veltkamp), is reduced by n·ln2 with a
///   two-part ln2 and ends in u = r + r²·P(r): no cancellation, no overflow, no branch.
/// * Q and φ are each rounded once, at the end: within an ulp.
/// * Near gelu′'s zero at −0.7518 the slope comes from its Taylor series about the zero
///   (``RootSeries/geluDerivative``).
///
/// The work is done in blocks, in loops without branches that the compiler vectorises, and
/// every operation is a plain multiply or add (a fused multiply-add is a libm call on
/// baseline x86-64). A point gets the same bits alone or in a batch: the scalar
/// ``GaussianErrorLinear`` runs this kernel on one point.
enum GELUBatchKernel {
    /// The largest |x| the kernel takes; beyond it (and for NaN) the caller's scalar code runs.
    static let limit = GaussianTables.limit

    /// Points per block: the scratch arrays of a block stay in the first-level cache.
    static let block = 256

    /// f at `count` points and, where their buffers are given, f′ and f″.
    ///
    /// Points with |x| > ``limit`` (and NaN) get meaningless numbers, never a fault.
    /// - Returns: Whether every point was within the limit; if not, the caller redoes those.
    @discardableResult
    static func evaluate(
        _ x: UnsafePointer<Double>, count: Int, values: UnsafeMutablePointer<Double>,
        slopes: UnsafeMutablePointer<Double>?, curvatures: UnsafeMutablePointer<Double>?
    ) -> Bool {
        GaussianTables.mills.withUnsafeBufferPointer { mills in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 6 * block) { doubles in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: block) { rows in
                    guard let table = mills.baseAddress, let doubles = doubles.baseAddress,
                        let rows = rows.baseAddress
                    else { return count == 0 }
                    let scratch = Scratch(doubles, rows)
                    var outside = 0
                    var start = 0
                    while start < count {
                        let n = Swift.min(block, count - start)
                        outside &+= reduce(x + start, count: n, scratch)
                        tailRatios(table, count: n, scratch)
                        combine(
                            x + start, count: n, scratch, values: values + start,
                            slopes: slopes.map { $0 + start }, curvatures: curvatures.map { $0 + start })
                        start += n
                    }
                    return outside == 0
                }
            }
        }
    }

    /// The per-block arrays, each ``block`` long.
    private struct Scratch {
        /// 2ⁿ and u in e^{−a²/2} = 2ⁿ·(1 + u).
        let scales, growths: UnsafeMutablePointer<Double>
        /// R(a) as the unevaluated sum high + low; low holds t = a − k/4 until R is known.
        let highs, lows: UnsafeMutablePointer<Double>
        /// The points near gelu′'s zero as x − zero, and the series sums there.
        let points, sums: UnsafeMutablePointer<Double>
        /// The table offset of each point's row, then the indices of the points near the zero.
        let rows: UnsafeMutablePointer<Int>

        init(_ doubles: UnsafeMutablePointer<Double>, _ rows: UnsafeMutablePointer<Int>) {
            (scales, growths, highs) = (doubles, doubles + block, doubles + 2 * block)
            (lows, points, sums) = (doubles + 3 * block, doubles + 4 * block, doubles + 5 * block)
            self.rows = rows
        }
    }

    /// e^{−a²/2}, and for R the table row and the offset t = a − k/4 from its centre.
    /// - Returns: How many points are beyond the limit or NaN.
    @inline(__always)
    private static func reduce(_ x: UnsafePointer<Double>, count: Int, _ scratch: Scratch) -> Int {
        var outside = 0
        for i in 0..<count {
            let m = x[i].magnitude
            outside &+= m <= limit ? 0 : 1
            // Out-of-range points are clamped so that their row stays inside the table.
            let a = m < limit ? m : limit
            (scratch.scales[i], scratch.growths[i]) = exponentialOfMinusHalfSquare(a)
            let shifted = a * GaussianTables.step + roundingShift
            let k = Int(truncatingIfNeeded: shifted.bitPattern &- roundingShift.bitPattern)
            scratch.rows[i] = k &* GaussianTables.stride
            scratch.lows[i] = a - (shifted - roundingShift) * (1 / GaussianTables.step)
        }
        return outside
    }

    /// R at each point from its row's polynomial at t.
    ///
    /// When the whole block lies in one row, as the points of any grid finer than a quarter
    /// per block do, the coefficients are the same for every point and are not loaded point
    /// by point.
    @inline(__always)
    private static func tailRatios(_ mills: UnsafePointer<Double>, count: Int, _ scratch: Scratch) {
        let first = scratch.rows[0]
        var differ = 0
        for i in 0..<count { differ |= scratch.rows[i] ^ first }
        if differ == 0 {
            let row = mills + first
            for i in 0..<count {
                (scratch.highs[i], scratch.lows[i]) = GaussianTables.millsPolynomial(row, scratch.lows[i])
            }
            return
        }
        for i in 0..<count {
            (scratch.highs[i], scratch.lows[i]) = GaussianTables.millsPolynomial(
                mills + scratch.rows[i], scratch.lows[i])
        }
    }

    /// f = x·Φ, f′ = Φ + x·φ and f″ = φ·(2 − x²) from e^{−a²/2} and R.
    ///
    /// Q = 2ⁿ(1 + u)(h + l) = 2ⁿ·(h + (l + (h + l)·u)) and φ = 2ⁿ(1 + u)/√(2π) likewise, each
    /// rounded once at its full size, so that Q and φ are within an ulp.
    @inline(__always)
    private static func combine(
        _ x: UnsafePointer<Double>, count: Int, _ scratch: Scratch, values: UnsafeMutablePointer<Double>,
        slopes: UnsafeMutablePointer<Double>?, curvatures: UnsafeMutablePointer<Double>?
    ) {
        let (scale, u, h, l) = (scratch.scales, scratch.growths, scratch.highs, scratch.lows)
        @inline(__always) func tail(_ i: Int) -> Double { scale[i] * (h[i] + (l[i] + (h[i] + l[i]) * u[i])) }
        @inline(__always) func density(_ i: Int) -> Double {
            scale[i] * (density0.hi + (density0.lo + density0.hi * u[i]))
        }
        if let slopes {
            for i in 0..<count {
                let q = tail(i)
                let cdf = x[i] < 0 ? q : 1 - q
                values[i] = x[i] * cdf
                slopes[i] = cdf + x[i] * density(i)
            }
            let series = RootSeries.geluDerivative.interval
            var near = 0
            for i in 0..<count {
                near &+= (x[i] < series.lowerBound ? 0 : 1) & (x[i] > series.upperBound ? 0 : 1)
            }
            if near > 0 {
                slopesNearZero(x, count: count, scratch, slopes: slopes)
            }
        } else {
            for i in 0..<count {
                let q = tail(i)
                values[i] = x[i] * (x[i] < 0 ? q : 1 - q)
            }
        }
        if let curvatures {
            for i in 0..<count {
                // 2 − x² = (√2 − a)(√2 + a), with √2 to 106 bits where a ≥ 1.
                let a = x[i].magnitude
                let near = 2 - x[i] * x[i]
                let far = ((sqrtTwo.hi - a) + sqrtTwo.lo) * (sqrtTwo.hi + a)
                curvatures[i] = density(i) * (a < 1 ? near : far)
            }
        }
    }

    /// gelu′ by its Taylor series about the zero −0.7518 (stored to 106 bits) at the points of
    /// the block within the series' interval: gathered, summed a coefficient at a time over
    /// all of them (a loop the compiler vectorises), and put back.
    private static func slopesNearZero(
        _ x: UnsafePointer<Double>, count: Int, _ scratch: Scratch, slopes: UnsafeMutablePointer<Double>
    ) {
        let series = RootSeries.geluDerivative
        var n = 0
        for i in 0..<count where series.contains(x[i]) {
            scratch.points[n] = (x[i] - series.root.hi) - series.root.lo
            scratch.rows[n] = i
            n += 1
        }
        series.coefficients.withUnsafeBufferPointer { c in
            let d = scratch.points
            let sums = scratch.sums
            for k in 0..<n { sums[k] = c[c.count - 1] }
            for j in stride(from: c.count - 2, through: 0, by: -1) {
                let cj = c[j]
                for k in 0..<n { sums[k] = sums[k] * d[k] + cj }
            }
            for k in 0..<n { slopes[scratch.rows[k]] = sums[k] * d[k] }
        }
    }

    /// e^{−a²/2} = 2ⁿ·(1 + u) for 0 ≤ a ≤ 37.5, where it is still a normal number (n ≥ −1022).
    @inline(__always)
    private static func exponentialOfMinusHalfSquare(_ a: Double) -> (scale: Double, growth: Double) {
        // a = high + low with high of 26 bits, so high² is exact and a² = high² + low·(a + high).
        let c = a * 134_217_729
        let high = c - (c - a)
        let low = a - high
        let z = -0.5 * (high * high)
        let zLow = -0.5 * (low * (a + high))
        // z + zLow = n·ln2 + r, |r| ≤ ln2/2; n·ln2High and z − n·ln2High are exact.
        let shifted = z * log2e + roundingShift
        let n = shifted - roundingShift
        let r = (z - n * ln2High) + (zLow - n * ln2Low)
        let u = r + r * r * GaussianTables.exponentialPolynomial(r)
        // 2ⁿ from the bits of the rounding sum, whose low bits hold n.
        let exponent = (shifted.bitPattern &- roundingShift.bitPattern &+ 1023) &<< 52
        return (Double(bitPattern: exponent), u)
    }

    /// 1.5·2⁵²: adding it rounds a double below 2⁵¹ in magnitude to an integer.
    private static let roundingShift: Double = 6_755_399_441_055_744
    /// ln2 in two parts; the first has 32 significant bits, so n·ln2High is exact for |n| < 2²¹.
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    /// ln2 − ln2High.
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    /// 1/ln2.
    private static let log2e = 1.442_695_040_888_963_387_00
    /// φ(0) = 1/√(2π) to 106 bits.
    private static let density0 = DoubleDouble(0.398_942_280_401_432_7, -2.492_327_202_277_73e-17)
}
