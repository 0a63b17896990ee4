import ActivationCore

/// The worst error of a kernel's results along x, for `check --plot`.
///
/// Each row's error in ulps goes to the bin of its input's place among the format's values in
/// value order, which keeps the largest: a bin per value of an 8- or 16-bit format, and 2^20
/// bins over all of float32 (4096 neighbouring values each) or float64. Filled as the dump is
/// read, in constant memory, in whatever order its rows come.
struct ErrorProfile {
    let format: NumberFormat
    /// Each bin holds 2^shift neighbouring values.
    let shift: Int
    /// The largest error of f in each bin, in ulps; −1 where no row was measured, ∞ for a
    /// non-finite mismatch.
    var value: [Float]
    /// The same for f′, if the dump has it.
    var derivative: [Float]?

    /// An empty profile in a format.
    init(format: NumberFormat, derivative: Bool) {
        self.format = format
        shift = Swift.max(0, format.bitWidth - 20)
        let count = (1 << (format.bitWidth - shift)) + 1
        value = [Float](repeating: -1, count: count)
        self.derivative = derivative ? [Float](repeating: -1, count: count) : nil
    }

    /// The bin of a bit pattern: its place in value order (negative values reversed below the
    /// positive ones, −0 beside +0), divided down.
    @inline(__always)
    func bin(_ bits: UInt64) -> Int {
        guard format.hasSign else { return Int(bits >> UInt64(shift)) }
        let half = UInt64(1) << UInt64(format.bitWidth - 1)
        let magnitude = bits & (half - 1)
        let key = bits & half != 0 ? half - magnitude : half + magnitude
        return Int(key >> UInt64(shift))
    }

    /// The input in the middle of a bin.
    func x(ofBin bin: Int) -> Double {
        let key = UInt64(bin) << UInt64(shift) + (UInt64(1) << UInt64(shift)) / 2
        guard format.hasSign else { return format.value(bits: key) }
        let half = UInt64(1) << UInt64(format.bitWidth - 1)
        return key >= half ? format.value(bits: key - half) : format.value(bits: (half - key) | half)
    }

    /// Adds a block's errors (``CheckBuffers/ulps``, as the comparison left them) for f or f′.
    mutating func add(_ buffers: CheckBuffers, _ n: Int, derivative: Bool) {
        // Taken out while filled, so that the array is not copied to be changed.
        guard var bins = derivative ? self.derivative : value else { return }
        if derivative { self.derivative = nil } else { value = [] }
        bins.withUnsafeMutableBufferPointer { bins in
            for i in 0..<n where buffers.xs[i].isFinite {
                let k = bin(buffers.xBits[i])
                bins[k] = Swift.max(bins[k], Float(buffers.ulps[i]))
            }
        }
        if derivative { self.derivative = bins } else { value = bins }
    }
}

extension ErrorProfile {
    /// The bins as points (x, worst error of f, of f′) in value order, over `range` (by
    /// default where a row is worse than correctly rounded, > ½ ulp, else where any row is).
    func points(in range: ClosedRange<Double>?) -> ProfilePoints? {
        let df = derivative ?? []
        let used = value.indices.filter { value[$0] >= 0 || !df.isEmpty && df[$0] >= 0 }
        let wrong = used.filter { value[$0] > 0.5 || !df.isEmpty && df[$0] > 0.5 }
        let xs = (wrong.isEmpty ? used : wrong).map(x(ofBin:)).filter(\.isFinite)
        guard let shown = range ?? xs.min().flatMap({ lo in xs.max().map { lo...$0 } }) else { return nil }
        var points = ProfilePoints()
        for k in used {
            let x = x(ofBin: k)
            guard shown.contains(x) else { continue }
            // A bin skipped (no row there) leaves a gap.
            points.gap.append(points.bins.last.map { k > $0 + 1 } ?? false)
            points.bins.append(k)
            points.x.append(x)
            points.f.append(value[k] < 0 ? .nan : Double(value[k]))
            points.df.append(df.isEmpty || df[k] < 0 ? .nan : Double(df[k]))
        }
        return points.x.isEmpty ? nil : points
    }
}

/// A profile's bins as points in value order: x, the worst errors of f and f′ (NaN for none),
/// and whether rows are missing between a point and the one before.
struct ProfilePoints {
    var bins: [Int] = []
    var x: [Double] = []
    var f: [Double] = []
    var df: [Double] = []
    var gap: [Bool] = []
}
