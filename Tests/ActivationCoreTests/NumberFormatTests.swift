import ActivationCore
import Testing

/// The narrow formats, bit for bit: every pattern decoded and every rounding boundary checked
/// against ml_dtypes and numpy (`Scripts/make-formats.py`), float32 and float16 also against
/// the machine's own conversions.
@Suite("Number formats")
struct NumberFormatTests {
    static let token: UInt64 = 0xFFFF_FFFF_FFFF_FFFF

    /// FNV-1a over 64-bit words, NaN as one token: the fixture's hash.
    static func hash(_ values: [Double]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for v in values { h = (h ^ (v.isNaN ? token : v.bitPattern)) &* 0x100_0000_01B3 }
        return h
    }

    /// The rounding inputs of Scripts/make-formats.py: each midpoint between consecutive
    /// non-negative values (and past the largest) with its neighbours, negated, and specials.
    static func boundaryInputs(_ values: [Double]) -> [Double] {
        let finite = Set(values.filter { $0.isFinite && $0 >= 0 }).sorted()
        let largest = finite[finite.count - 1]
        let uppers = Array(finite.dropFirst()) + [largest + (largest - finite[finite.count - 2])]
        let positive = zip(finite, uppers).flatMap { a, b -> [Double] in
            let m = (a + b) / 2
            return [m.nextDown, m, m.nextUp]
        }
        return positive + positive.map { -$0 } + [
            .infinity, -.infinity, .nan, 0, -0.0, 1e300, -1e300, 1e-300, -1e-300,
        ]
    }

    /// Every format of 16 bits or fewer: each is checked pattern by pattern against the fixture.
    static let narrow: [NumberFormat] = (NumberFormat.all + NumberFormat.scales).filter { $0.bitWidth <= 16 }

    /// The fixture's lines for a format: its lists (count, hash) and its samples.
    static func fixture(_ format: NumberFormat) -> (
        lists: [String: (Int, UInt64)], samples: [(Double, Double)]
    ) {
        var lists: [String: (Int, UInt64)] = [:]
        var samples: [(Double, Double)] = []
        for line in fixtureLines("formats") {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 4, f[0] == format.name else { continue }
            if f[1] == "sample", let x = Double(f[2]), let y = Double(f[3]) {
                samples.append((x, y))
            } else if let count = Int(f[2]), let h = UInt64(f[3], radix: 16) {
                lists[f[1]] = (count, h)
            }
        }
        return (lists, samples)
    }

    @Test("the fixture covers every format of 16 bits or fewer, and nothing else")
    func fixtureCoversEveryFormat() {
        let named = Set(
            fixtureLines("formats").compactMap { $0.split(separator: "\t").first.map(String.init) })
        #expect(named == Set(Self.narrow.map(\.name)), "regenerate it with make reference")
        #expect(Self.narrow.count >= 4)
    }

    @Test("every bit pattern decodes as ml_dtypes/numpy decode it", arguments: narrow)
    func decode(_ format: NumberFormat) throws {
        let values = format.allValues
        let expected = try #require(Self.fixture(format).lists["decode"])
        #expect(values.count == expected.0 && Self.hash(values) == expected.1)
        // And back: every non-NaN pattern is the pattern of its value.
        for (bits, v) in values.enumerated() where !v.isNaN {
            #expect(format.bits(of: v) == UInt64(bits), "\(format): \(v)")
        }
    }

    @Test(
        "every rounding boundary (midpoints and their neighbours) rounds as ml_dtypes/numpy",
        arguments: narrow)
    func round(_ format: NumberFormat) throws {
        let (lists, samples) = Self.fixture(format)
        let inputs = Self.boundaryInputs(format.allValues)
        let expected = try #require(lists["round"])
        #expect(inputs.count == expected.0)
        #expect(Self.hash(inputs.map(format.rounded)) == expected.1, "\(format): some rounding differs")
        #expect(samples.count > 40)
        for (x, y) in samples {
            let r = format.rounded(x)
            #expect(r.bitPattern == y.bitPattern || r.isNaN && y.isNaN, "\(format): \(x) → \(r), want \(y)")
        }
    }

    @Test("float32 and float16 round as the machine converts: every float16 boundary, a million float32 ones")
    func machine() {
        for x in Self.boundaryInputs(NumberFormat.float16.allValues) {
            let r = NumberFormat.float16.rounded(x)
            let m = Double(Float16(x))
            #expect(r.bitPattern == m.bitPattern || r.isNaN && m.isNaN, "\(x)")
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mismatches = 0
        for _ in 0..<1_000_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // A float32 pattern, its next value up, the midpoint and its neighbours.
            let a = Float(bitPattern: UInt32(truncatingIfNeeded: state >> 32) & 0x7F7F_FFFF)
            let m = (Double(a) + Double(a.nextUp)) / 2
            for x in [m.nextDown, m, m.nextUp, -m] {
                let r = NumberFormat.float32.rounded(x)
                if r.bitPattern != Double(Float(x)).bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(NumberFormat.float32.rounded(3.4028235677973366e38) == .infinity)
        #expect(
            NumberFormat.float32.bits(of: 1) == 0x3F80_0000
                && NumberFormat.float32.value(bits: 0x0000_0001) == 0x1p-149)
    }

    @Test("the formats' constants, names, saturation and flush to zero")
    func constants() {
        let table: [(NumberFormat, Double, Double, Double)] = [
            (.float32, 3.4028234663852886e38, 0x1p-126, 0x1p-149),
            (.bfloat16, 3.3895313892515355e38, 0x1p-126, 0x1p-133),
            (.float16, 65504, 0x1p-14, 0x1p-24),
            (.float8E4M3FN, 448, 0x1p-6, 0x1p-9),
            (.float8E5M2, 57344, 0x1p-14, 0x1p-16),
            // ml_dtypes.finfo's max, smallest_normal and smallest_subnormal.
            (.float8E4M3FNUZ, 240, 0x1p-7, 0x1p-10), (.float8E5M2FNUZ, 57344, 0x1p-15, 0x1p-17),
            (.float8E4M3B11FNUZ, 30, 0x1p-10, 0x1p-13), (.float8E3M4, 15.5, 0x1p-2, 0x1p-6),
            (.float8E4M3, 240, 0x1p-6, 0x1p-9), (.float6E2M3FN, 7.5, 1, 0x1p-3),
            (.float6E3M2FN, 28, 0x1p-2, 0x1p-4),
            (.float4E2M1FN, 6, 1, 0.5), (.float8E8M0FNU, 0x1p127, 0x1p-127, 0x1p-127),
        ]
        // What NaN converts to, as ml_dtypes converts it: the canonical NaN, 0x80 (fnuz), −0 (float6/4).
        let nans: [(NumberFormat, UInt64)] = [
            (.bfloat16, 0x7FC0), (.float16, 0x7E00), (.float8E4M3FN, 0x7F), (.float8E5M2, 0x7E),
            (.float8E4M3FNUZ, 0x80), (.float8E5M2FNUZ, 0x80), (.float8E4M3B11FNUZ, 0x80), (.float8E3M4, 0x78),
            (.float8E4M3, 0x7C), (.float6E2M3FN, 0x20), (.float6E3M2FN, 0x20), (.float4E2M1FN, 0x8),
            (.float8E8M0FNU, 0xFF),
        ]
        for (format, bits) in nans {
            #expect(format.bits(of: format.rounded(.nan)) == bits, "\(format)")
        }
        for (format, most, normal, least) in table {
            #expect(format.greatestFiniteMagnitude == most, "\(format)")
            #expect(
                format.leastNormalMagnitude == normal && format.leastNonzeroMagnitude == least, "\(format)")
        }
        #expect(
            NumberFormat.named("BF16") == .bfloat16 && NumberFormat.named("float8_e4m3fn") == .float8E4M3FN)
        #expect(NumberFormat.named("e4m3") == .float8E4M3FN && NumberFormat.named("half") == .float16)
        #expect(NumberFormat.named("f8") == nil)
        #expect(
            NumberFormat.named("float8_e4m3") == .float8E4M3 && NumberFormat.named("e4m3ieee") == .float8E4M3)
        #expect(
            NumberFormat.named("e2m1") == .float4E2M1FN && NumberFormat.named("fp4_e2m1") == .float4E2M1FN)
        #expect(NumberFormat.float8E4M3FN.rounded(464) == 448 && NumberFormat.float8E4M3FN.rounded(465).isNaN)
        #expect(NumberFormat.float8E4M3FN.saturating.rounded(1e6) == 448)
        #expect(NumberFormat.float8E4M3FN.saturating.rounded(-.infinity) == -448)
        #expect(
            NumberFormat.float8E5M2.rounded(61440) == .infinity
                && NumberFormat.float8E5M2.rounded(61439) == 57344)
        #expect(NumberFormat.float16.rounded(0x1p-20) == 0x1p-20)
        let ftz = NumberFormat.float16.flushingSubnormals
        #expect(
            ftz.rounded(0x1p-20) == 0 && ftz.rounded(-0x1p-20).sign == .minus
                && ftz.rounded(0x1p-14) == 0x1p-14)
        #expect(NumberFormat.float16.ulp(of: 1) == 0x1p-10 && NumberFormat.float16.ulp(of: 0) == 0x1p-24)
        #expect(NumberFormat.bfloat16.ulpError(1.0078125, exact: 1) == 1)
    }

    @Test("float8_e8m0fnu: unsigned powers of two, ties up in linear space, NaN for 0 and negatives")
    func blockScale() {
        let e8m0 = NumberFormat.float8E8M0FNU
        #expect(e8m0.bitWidth == 8 && !e8m0.hasSign && e8m0.signMask == 0 && e8m0.isScale)
        #expect(NumberFormat.named("e8m0") == e8m0 && NumberFormat.named("float8_e8m0fnu") == e8m0)
        #expect(!NumberFormat.all.contains(e8m0), "plots and surveys take element formats only")
        // ml_dtypes 0.7: 1.5 → 2, 3 → 4, 0.75 → 1; just below the midpoint, down.
        let cases: [(Double, Double)] = [
            (1.5, 2), (3, 4), (0.75, 1), (1.4999999, 1), (1e-300, 0x1p-127), (0x1p-128, 0x1p-127),
            (0x1p127, 0x1p127), (0x1.7ffffffffffffp127, 0x1p127),
        ]
        for (x, r) in cases { #expect(e8m0.rounded(x) == r, "\(x)") }
        for x in [0, -0.0, -1, .infinity, -.infinity, .nan, 0x1.8p127, 1e300] {
            #expect(e8m0.rounded(x).isNaN && e8m0.bits(of: e8m0.rounded(x)) == 0xFF, "\(x)")
        }
        #expect(e8m0.saturating.rounded(1e300) == 0x1p127)
        #expect(
            e8m0.bits(of: 1) == 0x7F && e8m0.value(bits: 0) == 0x1p-127 && e8m0.value(bits: 0xFE) == 0x1p127)
        #expect(e8m0.ulp(of: 3) == 2 && e8m0.ulpError(2, exact: 3) == 0.5)
    }
}
