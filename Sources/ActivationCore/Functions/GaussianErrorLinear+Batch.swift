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
/// * e^{−a²/2} = 2ⁿ(1 + r + s) has a² split exactly (Veltkamp), is reduced by n·ln2 with a
///   two-part ln2, and keeps r to 106 bits: no cancellation, no overflow, no branch.
/// * f = x·Φ is formed in double-double with Dekker's exact products and rounded once (faithful);
///   f′ = e^{−a²/2}·(R − a/√(2π)) (or 1 minus it) from that difference in double-double.
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
        // Scratch for a block, or for fewer points when there are fewer: a point alone (the
        // scalar path) keeps its few doubles on the stack instead of allocating 14 KB.
        let stride = Swift.max(1, Swift.min(block, count))
        return GaussianTables.mills.withUnsafeBufferPointer { mills in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 7 * stride) { doubles in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: stride) { rows in
                    guard let table = mills.baseAddress, let doubles = doubles.baseAddress,
                        let rows = rows.baseAddress
                    else { return count == 0 }
                    let scratch = Scratch(doubles, rows, stride: stride)
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
        /// 2ⁿ, r and s in e^{−a²/2} = 2ⁿ·(1 + r + s), |s| ≪ |r| ≤ ln2/2.
        let scales, growths, corrections: UnsafeMutablePointer<Double>
        /// R(a) as the unevaluated sum high + low; low holds t = a − k/4 until R is known.
        let highs, lows: UnsafeMutablePointer<Double>
        /// The points near gelu′'s zero as x − zero, and the series sums there.
        let points, sums: UnsafeMutablePointer<Double>
        /// The table offset of each point's row, then the indices of the points near the zero.
        let rows: UnsafeMutablePointer<Int>

        /// Seven arrays of `stride` doubles in `doubles`, and `rows`.
        init(_ doubles: UnsafeMutablePointer<Double>, _ rows: UnsafeMutablePointer<Int>, stride: Int) {
            (scales, growths, highs) = (doubles, doubles + stride, doubles + 2 * stride)
            (lows, points, sums) = (doubles + 3 * stride, doubles + 4 * stride, doubles + 5 * stride)
            corrections = doubles + 6 * stride
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
            (scratch.scales[i], scratch.growths[i], scratch.corrections[i]) = exponentialOfMinusHalfSquare(a)
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
    /// With E = 1 + r + s (so e^{−a²/2} = 2ⁿ·E) and a = |x|:
    /// ```
    /// Q = 2ⁿ·E·R    Φ = Q or 1 − Q    f = x·Φ
    /// f′ = 2ⁿ·E·G or 1 − 2ⁿ·E·G, G = R − a/√(2π)    (Φ + x·φ for x < 0 and x ≥ 0)
    /// ```
    /// E·R is a double-double product, Φ and x·Φ double-double (with Dekker's exact products),
    /// and G double-double, since R and a/√(2π) cancel towards gelu′'s zero: f is rounded once,
    /// and f′ once from G·E in double. For x < 0 the scale 2ⁿ comes last, so that no part of Q
    /// is lost to the subnormal range near a = 37.5.
    @inline(__always)
    private static func combine(
        _ x: UnsafePointer<Double>, count: Int, _ scratch: Scratch, values: UnsafeMutablePointer<Double>,
        slopes: UnsafeMutablePointer<Double>?, curvatures: UnsafeMutablePointer<Double>?
    ) {
        let (scale, r, s) = (scratch.scales, scratch.growths, scratch.corrections)
        let (h, l) = (scratch.highs, scratch.lows)
        /// f at point i, given x split (``split(_:)``).
        @inline(__always) func value(_ i: Int, _ xHigh: Double, _ xLow: Double) -> Double {
            // E·R = h + h·r + (h·s + l·E): h has 26 bits, so h·r is exact as h·rHigh + h·rLow.
            let (rHigh, rLow) = split(r[i])
            let p = h[i] * r[i]
            let pError = (h[i] * rHigh - p) + h[i] * rLow
            let product = h[i] + p  // |p| ≤ 0.35·h, so the error below is exact; l may be
            // a tenth of h (it holds R's Taylor terms)
            let productLow = (p - (product - h[i])) + pError + (h[i] * s[i] + (l[i] + l[i] * (r[i] + s[i])))
            // Φ = 2ⁿ·E·R for x < 0 (scaled last), 1 − 2ⁿ·E·R ≥ ½ otherwise.
            let (big, small) = (scale[i] * product, scale[i] * productLow)
            let complement = 1 - big
            let complementLow = ((1 - complement) - big) - small
            let negative = x[i] < 0
            let cdf = negative ? product : complement
            let cdfLow = negative ? productLow : complementLow
            let m = x[i] * cdf
            let mError = productError(m, (xHigh, xLow), split(cdf))
            return (negative ? scale[i] : 1) * (m + (mError + x[i] * cdfLow))
        }
        @inline(__always) func density(_ i: Int) -> Double {
            scale[i] * (density0.hi + (density0.lo + density0.hi * (r[i] + s[i])))
        }
        for i in 0..<count {
            let (xHigh, xLow) = split(x[i])
            values[i] = value(i, xHigh, xLow)
        }
        if let slopes { combineSlopes(x, count: count, scratch, slopes: slopes) }
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

    /// f′ = 2ⁿ·E·G for x < 0 and 1 − 2ⁿ·E·G otherwise, with G = R − a/√(2π).
    ///
    /// G is double-double (a times 1/√(2π) exact by Dekker's product) and E·G = G + G·u in
    /// double: G's low part keeps the bits its cancellation would lose. Near the zero, the
    /// series takes over.
    @inline(__always)
    private static func combineSlopes(
        _ x: UnsafePointer<Double>, count: Int, _ scratch: Scratch, slopes: UnsafeMutablePointer<Double>
    ) {
        let (scale, r, s) = (scratch.scales, scratch.growths, scratch.corrections)
        let (h, l) = (scratch.highs, scratch.lows)
        for i in 0..<count {
            let a = x[i].magnitude
            let g = a * density0.hi
            let gError = productError(g, split(a), densitySplit)
            let difference = h[i] - g
            let differenceError = sumError(difference, h[i], -g)
            let differenceLow = differenceError + ((l[i] - gError) - a * density0.lo)
            let u = r[i] + s[i]
            let product = scale[i] * (difference + (difference * u + differenceLow * (1 + u)))
            slopes[i] = x[i] < 0 ? product : 1 - product
        }
        let series = RootSeries.geluDerivative.interval
        var near = 0
        for i in 0..<count {
            near &+= (x[i] < series.lowerBound ? 0 : 1) & (x[i] > series.upperBound ? 0 : 1)
        }
        if near > 0 {
            slopesNearZero(x, count: count, scratch, slopes: slopes)
        }
    }

    /// The exact product a·b as high + low (Veltkamp's split, Dekker's product): plain multiplies
    /// and adds, for |a|, |b| < 2⁹⁹⁵.
    @inline(__always)
    private static func exactProduct(_ a: Double, _ b: Double) -> (high: Double, low: Double) {
        let p = a * b
        return (p, productError(p, split(a), split(b)))
    }

    /// The rounding error of p = a·b, exactly, from a and b split (``split(_:)``): Dekker's.
    @inline(__always)
    private static func productError(
        _ p: Double, _ a: (high: Double, low: Double), _ b: (high: Double, low: Double)
    ) -> Double {
        ((a.high * b.high - p) + a.high * b.low + a.low * b.high) + a.low * b.low
    }

    /// The rounding error of s = a + b, exactly (Knuth's TwoSum, without DoubleDouble.sum's
    /// branch, so that the loops stay vectorised).
    @inline(__always)
    private static func sumError(_ s: Double, _ a: Double, _ b: Double) -> Double {
        let back = s - a
        return (a - (s - back)) + (b - back)
    }

    /// a as high + low with high of 26 significant bits, so that products of highs are exact.
    @inline(__always)
    private static func split(_ a: Double) -> (high: Double, low: Double) {
        let c = a * 134_217_729
        let high = c - (c - a)
        return (high, a - high)
    }

    /// gelu′ by its Taylor series about the zero −0.7518 (stored to 106 bits) at the points of
    /// the block within the series' interval: gathered, summed a coefficient at a time over
    /// all of them (a loop the compiler vectorises), and put back.
    ///
    /// With d = x − r = dHigh + dLow (dHigh exact), the sum is d·(c₁ + d·S), S = c₂ + c₃d + …
    /// in double and the rest in double-double, rounded once: the last two steps of a plain
    /// Horner loop would cost up to 2.5 ulp at the interval's ends.
    private static func slopesNearZero(
        _ x: UnsafePointer<Double>, count: Int, _ scratch: Scratch, slopes: UnsafeMutablePointer<Double>
    ) {
        let series = RootSeries.geluDerivative
        let (root, leading) = (series.root, series.leading)
        var n = 0
        for i in 0..<count where series.contains(x[i]) {
            scratch.points[n] = x[i] - root.hi  // exact (Sterbenz)
            scratch.rows[n] = i
            n += 1
        }
        series.coefficients.withUnsafeBufferPointer { c in
            let dHigh = scratch.points
            let sums = scratch.sums
            for k in 0..<n { sums[k] = c[c.count - 1] }
            for j in stride(from: c.count - 2, through: 1, by: -1) {
                let cj = c[j]
                for k in 0..<n { sums[k] = sums[k] * (dHigh[k] - root.lo) + cj }
            }
            for k in 0..<n {
                let t = sums[k] * (dHigh[k] - root.lo)
                let sum = leading.hi + t  // |t| < c₁/2 on the interval
                let sumLow = (t - (sum - leading.hi)) + leading.lo
                let (p, pError) = exactProduct(dHigh[k], sum)
                slopes[scratch.rows[k]] = p + (pError + (dHigh[k] * sumLow - root.lo * sum))
            }
        }
    }

    /// e^{−a²/2} = 2ⁿ·(1 + r + s) for 0 ≤ a ≤ 37.5, where it is still a normal number
    /// (n ≥ −1022): |r| ≤ ln2/2 to 106 bits as r + (the part of s that is its low half).
    @inline(__always)
    private static func exponentialOfMinusHalfSquare(
        _ a: Double
    ) -> (scale: Double, growth: Double, correction: Double) {
        // a² = high² + low·(a + high), high² exact.
        let (high, low) = split(a)
        let z = -0.5 * (high * high)
        let zLow = -0.5 * (low * (a + high))
        // z + zLow = n·ln2 + r, |r| ≤ ln2/2; n·ln2High and z − n·ln2High are exact.
        let shifted = z * log2e + roundingShift
        let n = shifted - roundingShift
        let r1 = z - n * ln2High
        let r2 = zLow - n * ln2Low
        let r = r1 + r2
        let rLow = sumError(r, r1, r2)
        let correction = rLow + r * r * GaussianTables.exponentialPolynomial(r)
        // 2ⁿ from the bits of the rounding sum, whose low bits hold n.
        let exponent = (shifted.bitPattern &- roundingShift.bitPattern &+ 1023) &<< 52
        return (Double(bitPattern: exponent), r, correction)
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
    /// density0.hi split (``split(_:)``).
    private static let densitySplit = split(density0.hi)
}
