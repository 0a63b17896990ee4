import ActivationCore

/// How the y axis places values: evenly, by decades, or evenly near 0 and by decades beyond.
///
/// A figure on a log or symlog axis holds each y as its position on the axis
/// (``Figure/applyYScale(_:)``), so every writer draws, clips and places its legend as it does on
/// a linear axis; only the ticks (``ticks(from:to:target:fits:)``) are written as values.
public enum AxisScale: Sendable, Equatable {
    /// Evenly spaced values.
    case linear
    /// log₁₀ y; y ≤ 0 has no position and is left out.
    case log
    /// sign(y)·log₁₀(1 + |y|/t): linear well within ±t (the threshold), decades well beyond,
    /// smooth everywhere (matplotlib's symlog joins the two with a kink at ±t).
    case symlog(threshold: Double)

    /// Where v lies on the axis; NaN where it has no place (v ≤ 0 on a log axis, NaN).
    public func position(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? Double.log10(v) : .nan
        case .symlog(let t):
            let p = Double.log1p10(abs(v) / t)
            return v < 0 ? -p : p
        }
    }

    /// The value at a position: the inverse of ``position(_:)``.
    public func value(at p: Double) -> Double {
        switch self {
        case .linear: return p
        case .log: return Double.pow10(p)
        case .symlog(let t):
            let a = t * expm1(abs(p) * 2.302_585_092_994_046)
            return p < 0 ? -a : a
        }
    }

    /// Ticks between two positions, labelled with values.
    ///
    /// Nice linear ticks on a linear axis (or on a log axis spanning less than a decade),
    /// decades (every second, fifth or tenth one when they are many) on a log axis, and 0, ±t
    /// and the decades beyond on a symlog axis.
    /// `fits` rejects a labelling whose labels would collide, as ``TickEngine`` does.
    func ticks(from low: Double, to high: Double, target: Int, fits: ([Tick]) -> Bool) -> [Tick] {
        switch self {
        case .linear:
            return TickEngine.ticks(from: low, to: high, target: target, fits: fits)
        case .log:
            guard high - low >= 1 else {
                let values = TickEngine.ticks(from: value(at: low), to: value(at: high), target: target)
                return values.map { Tick(value: position($0.value), label: $0.label) }
            }
            return Self.decades(from: low.rounded(.up), to: high.rounded(.down), target: target, fits: fits)
                .map {
                    Tick(value: $0, label: Self.power($0))
                }
        case .symlog(let t):
            // 0, and ±t·10ᵏ for k ≥ 0 up to the larger end (position ≈ k for large k), each
            // decade kept where its labels fit beside those already chosen.
            let top = value(at: Swift.max(abs(low), abs(high))) / t
            let exponents = top >= 1 ? Array(0...Int(Double.log10(top).rounded(.down))) : []
            for every in [1, 2, 5, 10, 20, 50, 100] {
                var ticks: [Tick] = low <= 0 && high >= 0 ? [Tick(value: 0, label: "0")] : []
                for k in exponents where k % every == 0 {
                    let v = t * Double.pow10(Double(k))
                    let (p, text) = (position(v), NumberText.format(v, significantDigits: 3))
                    var candidate = ticks
                    if p <= high && p >= low { candidate.append(Tick(value: p, label: text)) }
                    if -p >= low && -p <= high { candidate.append(Tick(value: -p, label: "-" + text)) }
                    candidate.sort { $0.value < $1.value }
                    if fits(candidate) { ticks = candidate }
                }
                if ticks.count >= 2 && ticks.count <= Swift.max(target, 3) { return ticks }
            }
            let values = TickEngine.ticks(from: value(at: low), to: value(at: high), target: target)
            return values.map { Tick(value: position($0.value), label: $0.label) }
        }
    }

    /// The minor ticks of a log axis between two positions: 2·10ᵏ … 9·10ᵏ, where every decade
    /// between `low` and `high` carries a major tick (a span of at most 12 decades); none on a
    /// linear or symlog axis.
    /// - Parameters:
    ///   - low: The axis's lower end, as a position.
    ///   - high: The axis's upper end, as a position.
    /// - Returns: The positions of the minor ticks, ascending.
    public func minorTicks(from low: Double, to high: Double) -> [Double] {
        guard self == .log, high - low >= 0.3, high - low <= 12 else { return [] }
        var ticks: [Double] = []
        for k in Int(low.rounded(.down))...Int(high.rounded(.up)) {
            for m in 2...9 {
                let p = Double(k) + Double.log10(Double(m))
                if p > low && p < high { ticks.append(p) }
            }
        }
        return ticks
    }

    /// Whole positions from `first` to `last`, every 1st, 2nd, 5th, 10th… so that at most
    /// `target` remain and their labels fit.
    private static func decades(from first: Double, to last: Double, target: Int, fits: ([Tick]) -> Bool)
        -> [Double]
    {
        guard first <= last else { return [first] }
        let (a, b) = (Int(first), Int(last))
        for every in [1, 2, 5, 10, 20, 50, 100] {
            let chosen = (a...b).filter { $0 % every == 0 }.map(Double.init)
            let ticks = chosen.map { Tick(value: $0, label: power($0)) }
            if !chosen.isEmpty && chosen.count <= Swift.max(target, 2) && fits(ticks) { return chosen }
        }
        return [first]
    }

    /// 10^k as a label: plain from 0.001 to 1000, else `1e-5`, `1e6`.
    private static func power(_ k: Double) -> String {
        let e = Int(k)
        if e >= 0 && e <= 3 { return "1" + String(repeating: "0", count: e) }
        if e < 0 && e >= -3 { return "0." + String(repeating: "0", count: -e - 1) + "1" }
        return "1e\(e)"
    }
}

extension Double {
    /// log₁₀ v, by the C library (Platform/LibC.swift).
    fileprivate static func log10(_ v: Double) -> Double { ActivationPlot.log10(v) }
    /// 10^p.
    fileprivate static func pow10(_ p: Double) -> Double { pow(10, p) }
    /// log₁₀(1 + v), without losing v's digits when it is small.
    fileprivate static func log1p10(_ v: Double) -> Double { ActivationPlot.log1p(v) / 2.302_585_092_994_046 }
}
