/// A binary floating-point format that activations run in: float64, float32, bfloat16,
/// float16, and the OCP 8-bit formats float8_e4m3fn and float8_e5m2, as ml_dtypes defines
/// them.
///
/// ```swift
/// NumberFormat.bfloat16.rounded(1 + 0x1p-8 + 0x1p-40)   // 1.0078125: once, from the double
/// NumberFormat.float8E4M3FN.rounded(465)                 // NaN (no infinity in E4M3FN)
/// NumberFormat.float8E4M3FN.saturating.rounded(465)      // 448
/// NumberFormat.float16.bits(of: 1)                        // 0x3C00
/// ```
///
/// Rounding goes straight from the double, to nearest with ties to even, with subnormals:
/// x is scaled by the quantum of its binade (an exact power-of-two scaling), rounded to an
/// integer and scaled back, so no intermediate format rounds twice. Past the largest finite
/// value a format with infinities gives ±∞ (from max + ½ ulp on, as IEEE 754 says); E4M3FN,
/// which has none, gives NaN (ml_dtypes' rule) or, ``saturating``, ±448. What a format's bit
/// patterns mean is its ``Encoding``; its largest finite value and its NaN and infinity
/// patterns follow from it and the field widths. ``flushingSubnormals``
/// turns every subnormal result into a zero of its sign (flush-to-zero; applied to inputs it is
/// denormals-are-zero).
public struct NumberFormat: Sendable, Hashable, CustomStringConvertible {
    /// The full name (`bfloat16`, `float8_e4m3fn`).
    public let name: String
    /// The short name (`bf16`, `e4m3`).
    public let shortName: String
    /// Bits of the exponent field.
    public let exponentBits: Int
    /// Bits of the stored fraction (the significand has one more, implicit).
    public let fractionBits: Int
    /// What the bit patterns of the top exponent mean.
    public let encoding: Encoding
    /// What a value beyond the largest finite one becomes where there is no infinity, or
    /// with ``saturating``.
    public private(set) var overflow: Overflow = .standard
    /// Whether subnormal results (and inputs) become zeros.
    public private(set) var flushesSubnormals = false
    /// The magnitudes and exponents that follow from the fields, computed once: rounding reads
    /// them at every value.
    private let limits: Limits

    /// The format's extreme magnitudes and exponents.
    private struct Limits: Sendable, Hashable {
        let bias: Int
        let minimumExponent: Int
        let maximumExponent: Int
        let greatestFinite: Double
        let leastNormal: Double
        let leastNonzero: Double
        /// Whether the fields are float32's.
        let isFloat32: Bool

        init(exponentBits: Int, fractionBits: Int, encoding: Encoding) {
            isFloat32 = exponentBits == 8 && fractionBits == 23 && encoding == .ieee
            bias = (1 << (exponentBits - 1)) - 1
            minimumExponent = 1 - bias
            maximumExponent = encoding == .ieee ? bias : bias + 1
            // With NaN at all ones, the top binade lacks its last value (S.1111.111).
            let missing = encoding == .ieee ? 0 : 1
            greatestFinite = (2 - Double.pow2(missing - fractionBits)) * Double.pow2(maximumExponent)
            leastNormal = Double.pow2(minimumExponent)
            leastNonzero = Double.pow2(minimumExponent - fractionBits)
        }
    }

    /// A format of the given fields.
    init(name: String, shortName: String, exponentBits: Int, fractionBits: Int, encoding: Encoding) {
        self.name = name
        self.shortName = shortName
        self.exponentBits = exponentBits
        self.fractionBits = fractionBits
        self.encoding = encoding
        limits = Limits(exponentBits: exponentBits, fractionBits: fractionBits, encoding: encoding)
    }

    /// What a format does with its top exponent field, the one IEEE 754 keeps for ±∞ and NaN.
    public enum Encoding: Sendable, Hashable {
        /// IEEE 754: the top exponent holds ±∞ (fraction 0) and NaN (any other fraction).
        case ieee
        /// No infinities: the top exponent holds finite values, all but the pattern of all ones
        /// (S.1111.111 in E4M3FN), which is the one NaN; ml_dtypes' "fn" formats.
        case finiteNaNAtAllOnes
    }

    /// What rounding past the largest finite value gives.
    public enum Overflow: String, Sendable, Hashable {
        /// ±∞ where the format has it, else NaN (ml_dtypes' E4M3FN).
        case standard
        /// ±(largest finite value).
        case saturate
    }

    /// IEEE 754 binary64: the format everything else is measured against.
    public static let float64 = NumberFormat(
        name: "float64", shortName: "f64", exponentBits: 11, fractionBits: 52, encoding: .ieee)
    /// IEEE 754 binary32.
    public static let float32 = NumberFormat(
        name: "float32", shortName: "f32", exponentBits: 8, fractionBits: 23, encoding: .ieee)
    /// bfloat16: float32's range with 8 significant bits.
    public static let bfloat16 = NumberFormat(
        name: "bfloat16", shortName: "bf16", exponentBits: 8, fractionBits: 7, encoding: .ieee)
    /// IEEE 754 binary16.
    public static let float16 = NumberFormat(
        name: "float16", shortName: "f16", exponentBits: 5, fractionBits: 10, encoding: .ieee)
    /// OCP FP8 E4M3 without infinities: the top exponent holds values up to 448, and only
    /// S.1111.111 is NaN.
    public static let float8E4M3FN = NumberFormat(
        name: "float8_e4m3fn", shortName: "e4m3", exponentBits: 4, fractionBits: 3,
        encoding: .finiteNaNAtAllOnes)
    /// OCP FP8 E5M2: IEEE-like, with ±∞, largest finite 57344.
    public static let float8E5M2 = NumberFormat(
        name: "float8_e5m2", shortName: "e5m2", exponentBits: 5, fractionBits: 2, encoding: .ieee)

    /// Every format, widest first.
    public static let all: [NumberFormat] = [
        .float64, .float32, .bfloat16, .float16, .float8E4M3FN, .float8E5M2,
    ]

    /// The format with this full or short name (any case; `fp16`, `half`, `e4m3fn` too), or nil.
    public static func named(_ text: String) -> NumberFormat? {
        let key = text.lowercased().filter { $0 != "_" && $0 != "-" }
        let aliases: [String: NumberFormat] = [
            "double": .float64, "fp64": .float64, "float": .float32, "fp32": .float32, "bfloat": .bfloat16,
            "half": .float16, "fp16": .float16, "e4m3fn": .float8E4M3FN, "fp8e4m3": .float8E4M3FN,
            "fp8e5m2": .float8E5M2, "float8e4m3": .float8E4M3FN,
        ]
        return all.first { $0.name.filter { $0 != "_" } == key || $0.shortName == key } ?? aliases[key]
    }

    /// The same format with out-of-range values saturating to ±(largest finite value).
    public var saturating: NumberFormat {
        var format = self
        format.overflow = .saturate
        return format
    }

    /// The same format flushing subnormals to zero.
    public var flushingSubnormals: NumberFormat {
        var format = self
        format.flushesSubnormals = true
        return format
    }

    /// `bfloat16`, with ` (saturating)` or ` (flush to zero)` when so.
    public var description: String {
        name + (overflow == .saturate ? " (saturating)" : "") + (flushesSubnormals ? " (flush to zero)" : "")
    }

    /// Bits in all.
    public var bitWidth: Int { 1 + exponentBits + fractionBits }
    /// The exponent bias.
    public var bias: Int { limits.bias }
    /// The exponent of the smallest normal binade.
    public var minimumExponent: Int { limits.minimumExponent }
    /// Whether the format has ±∞ (all but E4M3FN).
    public var hasInfinity: Bool { encoding == .ieee }
    /// The exponent of the largest finite binade (E4M3FN uses the top exponent field too).
    public var maximumExponent: Int { limits.maximumExponent }

    /// The largest finite value: 3.4e38 (float32), 65504 (float16), 448 (E4M3FN), 57344 (E5M2).
    public var greatestFiniteMagnitude: Double { limits.greatestFinite }
    /// Where rounding to nearest leaves the finite values: the largest finite value plus half
    /// its ulp (65520 for float16, 464 for E4M3FN, the midpoint to its NaN pattern).
    public var overflowThreshold: Double {
        greatestFiniteMagnitude + Double.pow2(maximumExponent - fractionBits - 1)
    }
    /// The smallest positive normal value.
    public var leastNormalMagnitude: Double { limits.leastNormal }
    /// The smallest positive subnormal value.
    public var leastNonzeroMagnitude: Double { limits.leastNonzero }

    /// The distance between the format's neighbours around |v|: the quantum of its binade
    /// (subnormals share the smallest normal binade's).
    @inline(__always)
    public func ulp(of v: Double) -> Double {
        let a = abs(v)
        guard a.isFinite, a >= leastNormalMagnitude else { return a.isFinite ? leastNonzeroMagnitude : .nan }
        return Double.pow2(Swift.min(a.exponent, maximumExponent) - fractionBits)
    }

    /// Whether this is float32 without flushing or saturation, whose rounding from double is the
    /// processor's own conversion.
    var isPlainFloat32: Bool { limits.isFloat32 && overflow == .standard && !flushesSubnormals }

    /// x rounded to the format: to nearest, ties to even, from the double at once.
    @inline(__always)
    public func rounded(_ x: Double) -> Double {
        // Plain float32 is the processor's own conversion: the same rounding, in one instruction.
        if isPlainFloat32 { return Double(Float(x)) }
        return roundedInSoftware(x)
    }

    /// x rounded to the format by operations on the double's bits.
    private func roundedInSoftware(_ x: Double) -> Double {
        guard x.isFinite else {
            if x.isNaN || hasInfinity && overflow == .standard { return x }
            return overflow == .saturate ? (x < 0 ? -greatestFiniteMagnitude : greatestFiniteMagnitude) : .nan
        }
        if fractionBits == 52 {
            return flushesSubnormals && abs(x) < leastNormalMagnitude ? (x < 0 ? -0.0 : 0) : x
        }
        let a = abs(x)
        guard a != 0 else { return x }
        var r: Double
        if a >= limits.leastNormal {
            // A normal value of the format: the double's fraction rounded to fractionBits bits,
            // ties to even, on its bit pattern (a carry moves to the next binade, as it should).
            let shift = UInt64(52 - fractionBits)
            var bits = a.bitPattern
            bits &+= (1 << (shift - 1)) - 1 + (bits >> shift) & 1
            r = Double(bitPattern: bits & ~((1 << shift) - 1))
        } else {
            let quantum = Double.pow2(Swift.max(a.exponent, minimumExponent) - fractionBits)
            // a / quantum is exact (a power-of-two scaling to at most 2^(fractionBits + 1)).
            r = (a / quantum).rounded(.toNearestOrEven) * quantum
        }
        if r > greatestFiniteMagnitude {
            r = overflow == .saturate ? greatestFiniteMagnitude : hasInfinity ? .infinity : .nan
        } else if flushesSubnormals && r < leastNormalMagnitude {
            r = 0
        }
        return x < 0 ? -r : r
    }

    /// The bit pattern of a value of the format (a result of ``rounded(_:)``); NaN has the
    /// canonical pattern (quiet, positive: 0x7FC0 for bfloat16, 0x7F for E4M3FN).
    public func bits(of v: Double) -> UInt64 {
        // float32 and float64 are the processor's own: their patterns are the conversion's.
        if limits.isFloat32 { return UInt64(Float(v).bitPattern) }
        if fractionBits == 52 { return v.isNaN ? Double.nan.bitPattern : v.bitPattern }
        let sign: UInt64 = v.sign == .minus && !v.isNaN ? 1 << UInt64(bitWidth - 1) : 0
        let topExponent = UInt64((1 << exponentBits) - 1)
        if v.isNaN {
            let mantissa: UInt64 =
                encoding == .ieee ? 1 << UInt64(fractionBits - 1) : (1 << UInt64(fractionBits)) - 1
            return topExponent << UInt64(fractionBits) | mantissa
        }
        if v.isInfinite { return sign | topExponent << UInt64(fractionBits) }
        let a = abs(v)
        if a < leastNormalMagnitude { return sign | UInt64(a / leastNonzeroMagnitude) }
        let e = a.exponent
        let fraction = UInt64((a / Double.pow2(e) - 1) * Double.pow2(fractionBits))
        return sign | UInt64(e + bias) << UInt64(fractionBits) | fraction
    }

    /// The value of a bit pattern (NaN for NaN patterns).
    public func value(bits: UInt64) -> Double {
        if limits.isFloat32 { return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) }
        if fractionBits == 52 { return Double(bitPattern: bits) }
        let fractionMask = (UInt64(1) << UInt64(fractionBits)) - 1
        let topExponent = (1 << exponentBits) - 1
        let negative = bits >> UInt64(bitWidth - 1) & 1 == 1
        let field = Int(bits >> UInt64(fractionBits)) & topExponent
        let fraction = bits & fractionMask
        let magnitude: Double
        if field == topExponent && (encoding == .ieee || fraction == fractionMask) {
            magnitude = encoding == .ieee && fraction == 0 ? .infinity : .nan
        } else if field == 0 {
            magnitude = Double(fraction) * leastNonzeroMagnitude
        } else {
            magnitude = (1 + Double(fraction) * Double.pow2(-fractionBits)) * Double.pow2(field - bias)
        }
        return negative ? -magnitude : magnitude
    }

    /// Every value of an 8- or 16-bit format, by bit pattern from 0.
    public var allValues: [Double] {
        precondition(bitWidth <= 16, "only 8- and 16-bit formats are enumerated")
        return (0..<(UInt64(1) << UInt64(bitWidth))).map { value(bits: $0) }
    }

    /// How far `value` is from `exact`, in ulps of the format at `exact` (0 when both are
    /// the same infinity or both NaN; ∞ when one of them is not finite and the other is).
    @inline(__always)
    public func ulpError(_ value: Double, exact: Double) -> Double {
        if value == exact || value.isNaN && exact.isNaN { return 0 }
        guard value.isFinite && exact.isFinite else { return .infinity }
        return abs(value - exact) / ulp(of: exact)
    }
}

extension Double {
    /// 2^e, exactly, for any exponent a double can hold (subnormals included).
    @inline(__always)
    static func pow2(_ e: Int) -> Double {
        // A normal power of two is its exponent field alone.
        if e >= -1022 && e <= 1023 { return Double(bitPattern: UInt64(e + 1023) << 52) }
        return e >= -1022
            ? Double(sign: .plus, exponent: e, significand: 1)
            : Double(sign: .plus, exponent: e + 64, significand: 1) * 0x1p-64
    }
}
