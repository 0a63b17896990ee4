/// A way to round doubles to a format, for code that rounds at every input of a survey: generic
/// over it, such code is compiled once for plain float32, whose rounding is one instruction,
/// and once for any other format.
protocol FormatRounding {
    /// v rounded to the format.
    func rounded(_ v: Double) -> Double
}

extension FormatRounding {
    /// v rounded to the format, and whether every value within `bound` double ulps of v
    /// rounds the same way (so the true value, that close to v, does too).
    @inline(__always)
    func correctlyRounded(_ v: Double, bound: Double) -> (Double, Bool) {
        let r = rounded(v)
        guard v.isFinite, v != 0 else { return (r, true) }
        let margin = bound * v.ulp
        let (low, high) = (rounded(v - margin), rounded(v + margin))
        // ±0 alike: a double's sign is right even where its margin reaches across 0.
        let same = { (a: Double, b: Double) in a == b || a.isNaN && b.isNaN }
        return (r, same(low, r) && same(high, r))
    }
}

/// float32 without flushing or saturation: the processor's conversion from double, which
/// rounds to nearest with ties to even, subnormals and infinities included.
struct HardwareFloat32: FormatRounding {
    @inline(__always)
    func rounded(_ v: Double) -> Double { Double(Float(v)) }
}

/// Any format, through ``NumberFormat/rounded(_:)``.
struct SoftwareRounding: FormatRounding {
    /// The format.
    let format: NumberFormat

    @inline(__always)
    func rounded(_ v: Double) -> Double { format.rounded(v) }
}
