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

        init(exponentBits: Int, fractionBits: Int, encoding: Encoding, bias: Int?) {
            isFloat32 = exponentBits == 8 && fractionBits == 23 && encoding == .ieee
            self.bias = bias ?? (1 << (exponentBits - 1)) - 1
            // Without subnormals the lowest exponent field holds a normal binade too.
            minimumExponent = (encoding == .exponentOnly ? 0 : 1) - self.bias
            // IEEE keeps the top exponent field for ±∞ and NaN; the others hold values there.
            let topField = (1 << exponentBits) - 1
            maximumExponent =
                (encoding == .ieee || encoding == .exponentOnly ? topField - 1 : topField) - self.bias
            // With NaN at all ones, the top binade lacks its last value (S.1111.111).
            let missing = encoding == .finiteNaNAtAllOnes ? 1 : 0
            greatestFinite = (2 - Double.pow2(missing - fractionBits)) * Double.pow2(maximumExponent)
            leastNormal = Double.pow2(minimumExponent)
            leastNonzero = Double.pow2(minimumExponent - fractionBits)
        }
    }

    /// A format of the given fields.
    init(
        name: String, shortName: String, exponentBits: Int, fractionBits: Int, encoding: Encoding,
        bias: Int? = nil
    ) {
        self.name = name
        self.shortName = shortName
        self.exponentBits = exponentBits
        self.fractionBits = fractionBits
        self.encoding = encoding
        limits = Limits(
            exponentBits: exponentBits, fractionBits: fractionBits, encoding: encoding, bias: bias)
    }

    /// What a format does with its top exponent field, the one IEEE 754 keeps for ±∞ and NaN.
    public enum Encoding: Sendable, Hashable {
        /// IEEE 754: the top exponent holds ±∞ (fraction 0) and NaN (any other fraction).
        case ieee
        /// No infinities: the top exponent holds finite values, all but the pattern of all ones
        /// (S.1111.111 in E4M3FN), which is the one NaN; ml_dtypes' "fn" formats.
        case finiteNaNAtAllOnes
        /// No infinities and no negative zero: every pattern is a value but 1.0000.000, the one
        /// NaN; ml_dtypes' "fnuz" formats. Overflow, ±∞ and NaN give NaN; −0 gives +0.
        case finiteNaNAtNegativeZero
        /// Every pattern a finite value, no NaN: ml_dtypes' float6 and float4 "fn" formats.
        /// Overflow and ±∞ saturate to ±max; NaN becomes −0, as ml_dtypes converts it.
        case finite
        /// No sign and no fraction: every pattern but all ones is a power of two, 2^(field − bias),
        /// and all ones is NaN; ml_dtypes' float8_e8m0fnu, the MX block scale. There is no zero:
        /// rounding is in linear space, ties up (1.5 → 2); what lies below the least power becomes
        /// it, and 0, negatives, ±∞, NaN and overflow become NaN, as ml_dtypes converts them.
        case exponentOnly
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

    /// float8_e4m3fnuz (AMD, Graphcore): bias 8, largest 240, NaN at 0x80, no −0 or ∞.
    public static let float8E4M3FNUZ = NumberFormat(
        name: "float8_e4m3fnuz", shortName: "e4m3fnuz", exponentBits: 4, fractionBits: 3,
        encoding: .finiteNaNAtNegativeZero, bias: 8)
    /// float8_e5m2fnuz: bias 16, largest 57344, NaN at 0x80, no −0 or ∞.
    public static let float8E5M2FNUZ = NumberFormat(
        name: "float8_e5m2fnuz", shortName: "e5m2fnuz", exponentBits: 5, fractionBits: 2,
        encoding: .finiteNaNAtNegativeZero, bias: 16)
    /// float8_e4m3b11fnuz (Graphcore, TPU): bias 11, largest 30, NaN at 0x80, no −0 or ∞.
    public static let float8E4M3B11FNUZ = NumberFormat(
        name: "float8_e4m3b11fnuz", shortName: "e4m3b11fnuz", exponentBits: 4, fractionBits: 3,
        encoding: .finiteNaNAtNegativeZero, bias: 11)
    /// float8_e3m4: IEEE-like, bias 3, largest 15.5, with ±∞ and NaN.
    public static let float8E3M4 = NumberFormat(
        name: "float8_e3m4", shortName: "e3m4", exponentBits: 3, fractionBits: 4, encoding: .ieee)
    /// float8_e4m3: IEEE-like, bias 7, largest 240, with ±∞ and NaN (not OCP's E4M3, which is
    /// float8_e4m3fn, `e4m3`).
    public static let float8E4M3 = NumberFormat(
        name: "float8_e4m3", shortName: "e4m3ieee", exponentBits: 4, fractionBits: 3, encoding: .ieee)
    /// float6_e2m3fn (OCP MX FP6): largest 7.5, no NaN or ∞.
    public static let float6E2M3FN = NumberFormat(
        name: "float6_e2m3fn", shortName: "e2m3", exponentBits: 2, fractionBits: 3, encoding: .finite)
    /// float6_e3m2fn (OCP MX FP6): largest 28, no NaN or ∞.
    public static let float6E3M2FN = NumberFormat(
        name: "float6_e3m2fn", shortName: "e3m2", exponentBits: 3, fractionBits: 2, encoding: .finite)
    /// float4_e2m1fn (OCP MX FP4, NVFP4's elements): the values 0, 0.5, 1, 1.5, 2, 3, 4, 6.
    public static let float4E2M1FN = NumberFormat(
        name: "float4_e2m1fn", shortName: "e2m1", exponentBits: 2, fractionBits: 1, encoding: .finite)

    /// float8_e8m0fnu, OCP MX's block scale E8M0.
    ///
    /// Unsigned powers of two from 2^-127 to 2^127, NaN at 0xFF, no zero. A scale, not an
    /// element format: eval, table and check take it.
    public static let float8E8M0FNU = NumberFormat(
        name: "float8_e8m0fnu", shortName: "e8m0", exponentBits: 8, fractionBits: 0,
        encoding: .exponentOnly, bias: 127)

    /// The formats `precision` surveys when none is named: float32, bfloat16, float16 and OCP's
    /// two float8s.
    public static let common: [NumberFormat] = [.float32, .bfloat16, .float16, .float8E4M3FN, .float8E5M2]

    /// The scale formats (float8_e8m0fnu): values, but no arithmetic to plot or survey.
    public static let scales: [NumberFormat] = [.float8E8M0FNU]

    /// Every element format, widest first (``scales`` apart).
    public static let all: [NumberFormat] = [
        .float64, .float32, .bfloat16, .float16, .float8E4M3FN, .float8E5M2, .float8E4M3FNUZ, .float8E5M2FNUZ,
        .float8E4M3B11FNUZ, .float8E3M4, .float8E4M3, .float6E2M3FN, .float6E3M2FN, .float4E2M1FN,
    ]

    /// The format with this full or short name (any case; `fp16`, `half`, `e4m3fn` too), or nil.
    public static func named(_ text: String) -> NumberFormat? {
        let key = text.lowercased().filter { $0 != "_" && $0 != "-" }
        let aliases: [String: NumberFormat] = [
            "double": .float64, "fp64": .float64, "float": .float32, "fp32": .float32, "bfloat": .bfloat16,
            "half": .float16, "fp16": .float16, "e4m3fn": .float8E4M3FN, "fp8e4m3": .float8E4M3FN,
            "fp8e5m2": .float8E5M2, "fp6e2m3": .float6E2M3FN, "fp6e3m2": .float6E3M2FN,
            "fp4e2m1": .float4E2M1FN, "e8m0fnu": .float8E8M0FNU, "fp8e8m0": .float8E8M0FNU,
        ]
        return (all + scales).first { $0.name.filter { $0 != "_" } == key || $0.shortName == key }
            ?? aliases[key]
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
    public var bitWidth: Int { (hasSign ? 1 : 0) + exponentBits + fractionBits }
    /// Whether the format has a sign bit (all but float8_e8m0fnu).
    public var hasSign: Bool { encoding != .exponentOnly }
    /// The sign bit's mask in a pattern: 0x80 for the 8-bit formats; 0 without a sign.
    public var signMask: UInt64 { hasSign ? UInt64(1) << UInt64(bitWidth - 1) : 0 }
    /// Whether this is a scale format (float8_e8m0fnu): eval, table and check only.
    public var isScale: Bool { encoding == .exponentOnly }
    /// The exponent bias.
    public var bias: Int { limits.bias }
    /// The exponent of the smallest normal binade.
    public var minimumExponent: Int { limits.minimumExponent }
    /// Whether the format has ±∞ (the IEEE-like ones).
    public var hasInfinity: Bool { encoding == .ieee }
    /// Whether the format has −0 (all but the fnuz formats).
    public var hasNegativeZero: Bool { encoding != .finiteNaNAtNegativeZero && encoding != .exponentOnly }
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
        if encoding == .exponentOnly { return roundedToPowerOfTwo(x) }
        guard x.isFinite else {
            if x.isNaN { return encoding == .finite ? -0.0 : x }
            if hasInfinity && overflow == .standard { return x }
            let saturates = overflow == .saturate || encoding == .finite
            return saturates ? (x < 0 ? -greatestFiniteMagnitude : greatestFiniteMagnitude) : .nan
        }
        if fractionBits == 52 {
            return flushesSubnormals && abs(x) < leastNormalMagnitude ? (x < 0 ? -0.0 : 0) : x
        }
        let a = abs(x)
        guard a != 0 else { return hasNegativeZero ? x : 0 }
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
            let saturates = overflow == .saturate || encoding == .finite
            r = saturates ? greatestFiniteMagnitude : hasInfinity ? .infinity : .nan
        } else if flushesSubnormals && r < leastNormalMagnitude {
            r = 0
        }
        // Without −0, a negative value that rounds to zero is +0.
        return x < 0 && (r != 0 || hasNegativeZero) ? -r : r
    }

    /// x rounded to a power of two of float8_e8m0fnu: the nearer in linear space, ties up;
    /// below the least power, the least; 0, negatives, NaN, +∞ and past max + ½ ulp, NaN (or,
    /// ``saturating``, past max, max).
    private func roundedToPowerOfTwo(_ x: Double) -> Double {
        guard x > 0, !x.isNaN else { return .nan }
        guard x < overflowThreshold else { return overflow == .saturate ? greatestFiniteMagnitude : .nan }
        guard x > leastNormalMagnitude else { return leastNormalMagnitude }
        let power = Double.pow2(x.exponent)
        return x >= 1.5 * power ? 2 * power : power
    }

    /// The bit pattern of a value of the format (a result of ``rounded(_:)``); NaN has the
    /// canonical pattern (quiet, positive: 0x7FC0 for bfloat16, 0x7F for E4M3FN).
    public func bits(of v: Double) -> UInt64 {
        // float32 and float64 are the processor's own: their patterns are the conversion's.
        if limits.isFloat32 { return UInt64(Float(v).bitPattern) }
        if fractionBits == 52 { return v.isNaN ? Double.nan.bitPattern : v.bitPattern }
        if encoding == .exponentOnly {
            let all = UInt64(1) << UInt64(exponentBits) - 1
            return v > 0 && v.isFinite ? UInt64(Swift.max(0, v.exponent + bias)) : all
        }
        let signBit = UInt64(1) << UInt64(bitWidth - 1)
        let sign: UInt64 = v.sign == .minus && !v.isNaN && (v != 0 || hasNegativeZero) ? signBit : 0
        let topExponent = UInt64((1 << exponentBits) - 1)
        if v.isNaN || v.isInfinite && !hasInfinity {
            switch encoding {
            case .ieee: return topExponent << UInt64(fractionBits) | (1 << UInt64(fractionBits - 1))
            case .finiteNaNAtAllOnes:
                return topExponent << UInt64(fractionBits) | ((1 << UInt64(fractionBits)) - 1)
            // fnuz's NaN, and −0, what the float6 and float4 formats make of NaN.
            case .finiteNaNAtNegativeZero, .finite: return signBit
            case .exponentOnly: return topExponent
            }
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
        if encoding == .exponentOnly {
            let field = Int(bits & (UInt64(1) << UInt64(exponentBits) - 1))
            return field == (1 << exponentBits) - 1 ? .nan : Double.pow2(field - bias)
        }
        let fractionMask = (UInt64(1) << UInt64(fractionBits)) - 1
        let topExponent = (1 << exponentBits) - 1
        let negative = bits >> UInt64(bitWidth - 1) & 1 == 1
        let field = Int(bits >> UInt64(fractionBits)) & topExponent
        let fraction = bits & fractionMask
        let magnitude: Double
        if encoding == .finiteNaNAtNegativeZero && bits == UInt64(1) << UInt64(bitWidth - 1) {
            return .nan
        } else if field == topExponent
            && (encoding == .ieee || encoding == .finiteNaNAtAllOnes && fraction == fractionMask)
        {
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
