// The arithmetic every writer shares: where a value lies in a range, and on which pixel.

/// Where v lies in a range, 0 at the lower bound and 1 at the upper one, also when the range's
/// width overflows (a range from −1e308 to 1e308).
@inline(__always)
func fraction(_ v: Double, in range: ClosedRange<Double>) -> Double {
    let width = range.upperBound - range.lowerBound
    if width.isFinite { return (v - range.lowerBound) / width }
    return (v / 2 - range.lowerBound / 2) / (range.upperBound / 2 - range.lowerBound / 2)
}

/// A dot or pixel coordinate: rounded, NaN as 0, clamped far outside any canvas.
@inline(__always)
func pixel(_ value: Double) -> Int {
    value.isNaN ? 0 : Int(Swift.min(Swift.max(value.rounded(), -1e9), 1e9))
}
