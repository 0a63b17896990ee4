/// The doubles ``FastLanes`` works on at once: two AVX2 registers' worth.
typealias Lanes = SIMD8<Double>

/// A mask over ``Lanes``.
typealias LaneMask = SIMDMask<SIMD8<Int64>>

/// ``FastPath``'s exponential and logistic pair for several inputs at once.
///
/// Each function performs, lane by lane, exactly the operations of its scalar namesake, in the
/// same order and with the same fused multiply-adds, so every lane has the scalar path's bits:
/// the batch loops of ``LaneKernel`` may take either path for any point. Only the integer part
/// of the reduction is formed differently (by the 1.5·2⁵² shift, which rounds to nearest-even
/// as `rounded(.toNearestOrEven)` does for |x| < 2⁵¹), so that it vectorises.
enum FastLanes {
    /// hi + lo, lane by lane.
    struct Pair {
        /// The leading parts.
        var hi: Lanes
        /// The trailing parts.
        var lo: Lanes
    }

    /// 1.5·2⁵²: adding it rounds |v| < 2⁵¹ to an integer, which then sits in its low bits.
    static let shifter = 0x1.8p52

    /// |x| in every lane (the sign bit cleared, as `abs` does).
    @inline(__always)
    static func magnitude(_ x: Lanes) -> Lanes {
        let bits = unsafeBitCast(x, to: SIMD8<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF
        return unsafeBitCast(bits, to: Lanes.self)
    }

    /// ``FastPath/decided(_:_:error:)`` per lane: the rounded value, and where it is decided.
    @inline(__always)
    static func decided(_ hi: Lanes, _ lo: Lanes, error: Lanes) -> (value: Lanes, decided: LaneMask) {
        let low = hi + (lo - error)
        let high = hi + (lo + error)
        return (low, low .== high)
    }

    /// ``FastPath/exp(_:)`` per lane, for −650 ≤ x ≤ 0; `table` is `DoubleDouble.expTable`.
    @inline(__always)
    static func exp(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> Pair {
        let step = DoubleDouble.expStep
        let shifted = x * (1 / step.first) + shifter
        let kd = shifted - shifter
        let head = x.addingProduct(-kd, Lanes(repeating: step.first))
        let ph = kd * step.second
        let h = head - ph
        let l = ((head - h) - ph) - kd * step.third
        let k = unsafeBitCast(shifted, to: SIMD8<UInt64>.self) &- shifter.bitPattern
        let j = k & 63
        var (thi, tlo) = (Lanes(), Lanes())
        for lane in 0..<Lanes.scalarCount {
            let t = table[Int(truncatingIfNeeded: j[lane])]
            (thi[lane], tlo[lane]) = (t.hi, t.lo)
        }
        var q = Lanes(repeating: 1.0 / 5040)
        q = q * h + 1.0 / 720
        q = q * h + 1.0 / 120
        q = q * h + 1.0 / 24
        q = q * h + 1.0 / 6
        q = q * h + 0.5
        q = q * h * h + l
        let th = thi * h
        let s = thi + th
        let lo = (th - (s - thi)) + ((-th).addingProduct(thi, h) + (tlo + (thi * q + tlo * h)))
        // 2^((k − j)/64) from its bits: k − j is a multiple of 64 above −1023·64 here, so the
        // biased exponent, shifted into place, is (k − j + 1023·64)·2⁴⁶.
        let scale = unsafeBitCast((k &- j &+ 1023 * 64) &<< 46, to: Lanes.self)
        let sum = s + lo
        return Pair(hi: sum * scale, lo: (lo - (sum - s)) * scale)
    }

    /// ``FastPath/logistic(_:)`` per lane, for |x| ≤ 650: σ(x) and σ(−x).
    @inline(__always)
    static func logistic(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        positive: Pair, negative: Pair
    ) {
        let (s, n, _) = logisticAndExp(x, table: table)
        return (s, n)
    }

    /// ``FastPath/logisticAndExp(_:)`` per lane: σ(x), σ(−x) and the e^{−|x|} they came from.
    @inline(__always)
    static func logisticAndExp(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        positive: Pair, negative: Pair, exp: Pair
    ) {
        let e = exp(-magnitude(x), table: table)
        let one = Lanes(repeating: 1)
        let dh = one + e.hi
        let dl = (e.hi - (dh - one)) + e.lo
        let sh = one / dh
        let rho = one.addingProduct(-sh, dh) - sh * dl
        let large = Pair(hi: sh, lo: sh * rho)
        let nh = e.hi * sh
        let small = Pair(hi: nh, lo: (-nh).addingProduct(e.hi, sh) + (e.hi * large.lo + e.lo * sh))
        let negative = x .< 0
        return (
            Pair(
                hi: large.hi.replacing(with: small.hi, where: negative),
                lo: large.lo.replacing(with: small.lo, where: negative)),
            Pair(
                hi: small.hi.replacing(with: large.hi, where: negative),
                lo: small.lo.replacing(with: large.lo, where: negative)),
            e
        )
    }

    /// ``FastPath/log1p(_:)`` per lane, for 0 ≤ e ≤ 1: log(1 + e) as hi + lo, and its error
    /// bound.
    ///
    /// Every lane takes the series; the lanes at or above 1/32, if any, then take the Newton
    /// step from the C library's log1p, called lane by lane.
    @inline(__always)
    static func log1p(_ e: Pair, table: UnsafeBufferPointer<DoubleDouble>) -> (value: Pair, error: Lanes) {
        let z = e.hi
        var q = Lanes(repeating: -1.0 / 13)
        q = q * z + 1.0 / 12
        q = q * z - 1.0 / 11
        q = q * z + 1.0 / 10
        q = q * z - 1.0 / 9
        q = q * z + 1.0 / 8
        q = q * z - 1.0 / 7
        q = q * z + 1.0 / 6
        q = q * z - 1.0 / 5
        q = q * z + 1.0 / 4
        q = q * z - 1.0 / 3
        let sh = z * z
        let sl = (-sh).addingProduct(z, z)
        let headHi = z + -0.5 * sh
        let headLo = -0.5 * sh - (headHi - z)
        var value = Pair(hi: headHi, lo: headLo + (e.lo * (1 - z) + (-0.5 * sl - z * sh * q)))
        var error = 0x1p-62 * z
        let newton = z .>= 1.0 / 32
        guard any(newton) else { return (value, error) }
        var l0 = Lanes()
        for lane in 0..<Lanes.scalarCount where newton[lane] { l0[lane] = libraryLog1p(z[lane]) }
        let inverse = exp(-l0, table: table)
        let one = Lanes(repeating: 1)
        let dh = one + z
        let p = product(Pair(hi: dh, lo: (z - (dh - one)) + e.lo), inverse)
        value.hi.replace(with: l0, where: newton)
        value.lo.replace(with: (p.hi - 1) + p.lo, where: newton)
        error.replace(with: 0x1p-63, where: newton)
        return (value, error)
    }

    /// ``FastPath/logistic(_:)-(DoubleDouble)`` per lane: σ(v) and σ(−v) for v = hi + lo.
    @inline(__always)
    static func logistic(_ v: Pair, table: UnsafeBufferPointer<DoubleDouble>) -> (
        positive: Pair, negative: Pair
    ) {
        var (s, n) = logistic(v.hi, table: table)
        let shift = v.lo * s.hi * n.hi
        s.lo += shift
        n.lo -= shift
        return (s, n)
    }

    /// ``FastPath/product(_:_:)`` per lane.
    @inline(__always)
    static func product(_ a: Pair, _ b: Pair) -> Pair {
        let h = a.hi * b.hi
        return Pair(hi: h, lo: (-h).addingProduct(a.hi, b.hi) + (a.hi * b.lo + a.lo * b.hi))
    }

    /// `DoubleDouble.sum(_:_:)` (TwoSum) per lane, for finite sums.
    @inline(__always)
    static func twoSum(_ a: Lanes, _ b: Lanes) -> Pair {
        let s = a + b
        let bb = s - a
        return Pair(hi: s, lo: (a - (s - bb)) + (b - bb))
    }

    /// ``FastPath/selfGated(_:gate:_:)`` per lane: f = x·σ and f′ = σ·(1 + w), and where both
    /// are decided.
    @inline(__always)
    static func selfGated(_ x: Lanes, gate s: Pair, _ w: Pair) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        let fh = s.hi * x
        let one = twoSum(Lanes(repeating: 1), w.hi)
        let g = product(s, Pair(hi: one.hi, lo: one.lo + w.lo))
        let f = decided(fh, (-fh).addingProduct(s.hi, x) + s.lo * x, error: 0x1p-61 * magnitude(fh))
        let slope = decided(g.hi, g.lo, error: 0x1p-61 * s.hi * (magnitude(w.hi) + magnitude(one.hi)))
        return (f.value, slope.value, f.decided .& slope.decided)
    }
}

/// A fast-path kernel whose f and f′ also come a block of ``Lanes`` at a time.
///
/// Its batch loop evaluates each block on the lanes and redoes, one at a time through the
/// scalar path, only the lanes the block leaves undecided (or out of the lanes' range). A lane
/// gives the scalar fast path's bits, so a batch gives ``valueAndSlope(at:)``'s and
/// ``value(at:)``'s bits at every point.
protocol LaneKernel: FastPathKernel {
    /// f and f′ for a block, and the lanes where they are the scalar fast path's (elsewhere
    /// the values are unspecified).
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    )
}

extension LaneKernel {
    /// Blocks of f (and f′) on the lanes, the undecided lanes and the tail one at a time;
    /// f″ point by point.
    @inline(__always)
    func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>?,
        secondDerivatives: UnsafeMutableBufferPointer<Double>?
    ) {
        let width = Lanes.scalarCount
        let blocks = secondDerivatives == nil ? input.count / width : 0
        let (source, results) = (UnsafeRawBufferPointer(input), UnsafeMutableRawBufferPointer(values))
        let slopes = derivatives.map { UnsafeMutableRawBufferPointer($0) }
        DoubleDouble.expTable.withUnsafeBufferPointer { table in
            for block in 0..<blocks {
                let start = block * width
                let offset = start * MemoryLayout<Double>.stride
                let r = fastLanes(source.loadUnaligned(fromByteOffset: offset, as: Lanes.self), table: table)
                results.storeBytes(of: r.value, toByteOffset: offset, as: Lanes.self)
                slopes?.storeBytes(of: r.slope, toByteOffset: offset, as: Lanes.self)
                guard !all(r.decided) else { continue }
                for lane in 0..<width where !r.decided[lane] {
                    evaluatePointwise(
                        input, at: CollectionOfOne(start + lane), values: values, derivatives: derivatives,
                        secondDerivatives: nil)
                }
            }
        }
        evaluatePointwise(
            input, at: blocks * width..<input.count, values: values, derivatives: derivatives,
            secondDerivatives: secondDerivatives)
    }
}
