/// Shortest round-trip decimal text written straight into bytes, without a `String` per
/// number: the same text as `Double.description` without its needless `.0` (`1`, `-0.5`,
/// `1e-300`, `1.2345678901234568e+20`), and `inf`, `-inf`, `nan`.
///
/// The digits come from Raffaello Giulietti's Schubfach algorithm: the shortest decimal in
/// the double's rounding interval, the closest one when several are as short. It needs one
/// 128-bit multiplication by a tabulated power of ten per boundary and no loop over digits.
/// The notation is the standard library's: plain decimals for 1e-4 ≤ |x| ≤ 2^53, else
/// `d.ddde±XX` with at least two exponent digits.
///
/// ```swift
/// DecimalText.shortest(0.1)            // "0.1"
/// DecimalText.shortest(-1)             // "-1"
/// DecimalText.parse("1/6", allowingFraction: true)   // 0.16666666666666666
/// ```
package enum DecimalText {
    /// The most bytes one number takes (`-2.2250738585072014e-308` is 24).
    package static let maximumLength = 32

    /// The shortest decimal text that reads back to the same Double, without a needless `.0`
    /// (`1`, `-0.5`, `1e-300`, `inf`, `-inf`, `nan`).
    /// - Parameter value: Any double.
    /// - Returns: Its text.
    package static func shortest(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a number in Swift/C syntax: `-1`, `.5`, `1e-300`, `0x1p-10`, `inf`, `-infinity`, `nan`.
    /// - Parameters:
    ///   - text: The text, without surrounding spaces.
    ///   - allowingFraction: Also accept `a/b` (`1/6`), computed as one correctly rounded division.
    /// - Returns: The number, or nil when the text is not one.
    package static func parse(_ text: String, allowingFraction: Bool = false) -> Double? {
        if let value = Double(text), !text.isEmpty, !text.hasPrefix(" ") {
            return value
        }
        if allowingFraction, let slash = text.firstIndex(of: "/"),
            let numerator = Double(text[..<slash]),
            let denominator = Double(text[text.index(after: slash)...])
        {
            return numerator / denominator
        }
        return nil
    }

    /// Appends the text of `value` to a byte array.
    /// - Parameters:
    ///   - value: Any double.
    ///   - bytes: The array to grow.
    @inline(__always)
    package static func append(_ value: Double, to bytes: inout [UInt8]) {
        var scratch = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))  // maximumLength bytes
        withUnsafeMutableBytes(of: &scratch) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard let base = buffer.baseAddress else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: write(value, to: base)))
        }
    }

    /// Writes digits · 10^exponent in the standard library's notation.
    ///
    /// `digits` has no trailing zero; `plain` allows plain decimals (|x| ≤ 2^53).
    @inline(__always)
    static func format(
        digits: UInt64, exponent: Int, plain: Bool, to p: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let count = digitCount(digits)
        let scientific = count - 1 + exponent  // d.ddd × 10^scientific
        if plain && scientific >= -4 {
            if scientific < 0 {  // 0.000ddd
                let zeros = -scientific - 1
                p[0] = UInt8(ascii: "0")
                p[1] = UInt8(ascii: ".")
                for i in 0..<zeros { p[2 + i] = UInt8(ascii: "0") }
                writeDigits(digits, count: count, to: p + 2 + zeros)
                return 2 + zeros + count
            }
            if exponent >= 0 {  // ddd000
                writeDigits(digits, count: count, to: p)
                for i in 0..<exponent { p[count + i] = UInt8(ascii: "0") }
                return count + exponent
            }
            // dd.ddd: the digits one place to the right, then the whole part moved back over the gap.
            let whole = count + exponent
            writeDigits(digits, count: count, to: p + 1)
            for i in 0..<whole { p[i] = p[i + 1] }
            p[whole] = UInt8(ascii: ".")
            return count + 1
        }
        writeDigits(digits, count: count, to: p + 1)
        var n = 1
        p[0] = p[1]
        if count > 1 {
            p[1] = UInt8(ascii: ".")
            n = count + 1
        }
        p[n] = UInt8(ascii: "e")
        p[n + 1] = scientific < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        n += 2
        let e = scientific.magnitude
        if e >= 100 {
            p[n] = UInt8(ascii: "0") + UInt8(e / 100)
            n += 1
        }
        p[n] = UInt8(ascii: "0") + UInt8(e / 10 % 10)
        p[n + 1] = UInt8(ascii: "0") + UInt8(e % 10)
        return n + 2
    }

    /// The number of decimal digits of a positive integer.
    @inline(__always)
    private static func digitCount(_ digits: UInt64) -> Int {
        let estimate = ((64 - digits.leadingZeroBitCount) * 1233) >> 12  // ⌊log10 2^bits⌋
        return estimate + (digits >= powersOfTen[estimate] ? 1 : 0)
    }

    /// 10^0 … 10^19.
    private static let powersOfTen: [UInt64] = (0..<20).map { (0..<$0).reduce(1) { r, _ in r * 10 } }

    /// Writes the `count` digits of `digits` at `p`, from the last: blocks of eight with one
    /// 64-bit division each, then 32-bit arithmetic within a block, two digits per step.
    @inline(__always)
    private static func writeDigits(_ digits: UInt64, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        var end = count
        var rest = digits
        while end > 8 {
            let (high, block) = rest.quotientAndRemainder(dividingBy: 100_000_000)
            end -= 8
            writeEight(UInt32(truncatingIfNeeded: block), to: p + end)
            rest = high
        }
        writeFew(UInt32(truncatingIfNeeded: rest), count: end, to: p)
    }

    /// Writes exactly eight digits (leading zeros included) of `n` < 10^8 at `p`.
    @inline(__always)
    private static func writeEight(_ n: UInt32, to p: UnsafeMutablePointer<UInt8>) {
        let (high, low) = n.quotientAndRemainder(dividingBy: 10_000)
        writePair(high / 100, to: p)
        writePair(high % 100, to: p + 2)
        writePair(low / 100, to: p + 4)
        writePair(low % 100, to: p + 6)
    }

    /// Writes the `count` (1 to 8) digits of `n` at `p`, two per step from the last.
    @inline(__always)
    private static func writeFew(_ n: UInt32, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        var end = count
        var rest = n
        while rest >= 100 {
            let (high, pair) = rest.quotientAndRemainder(dividingBy: 100)
            end -= 2
            writePair(pair, to: p + end)
            rest = high
        }
        if rest >= 10 {
            writePair(rest, to: p + end - 2)
        } else {
            p[end - 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
        }
    }

    /// Writes the two digits of `pair` < 100 at `p`.
    @inline(__always)
    private static func writePair(_ pair: UInt32, to p: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        let i = Int(pair) &* 2
        p[0] = pairs[i]
        p[1] = pairs[i &+ 1]
    }

    /// "00" "01" … "99": two digits per division.
    private static let digitPairs: StaticString = """
        0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
        5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
        """

    /// The shortest decimal digits · 10^exponent that reads back to `v` (finite, positive).
    ///
    /// Schubfach, after Giulietti, "The Schubfach way to render doubles" (2021), in the
    /// formulation with a 128-bit table (as in Alexander Bolz's C++ port).
    @inline(__always)
    static func shortestDecimal(_ v: Double) -> (digits: UInt64, exponent: Int) {
        let fraction = v.significandBitPattern
        let biased = Int(v.exponentBitPattern)
        let c: UInt64
        let q: Int
        if biased != 0 {
            c = (1 << 52) | fraction
            q = biased - 1075
            // Small integers are their own shortest decimal.
            if q <= 0 && q > -53 && c & ((1 << UInt64(-q)) &- 1) == 0 {
                return (c >> UInt64(-q), 0)
            }
        } else {
            c = fraction
            q = -1074
        }
        let even = c & 1 == 0
        let lowerCloser = fraction == 0 && biased > 1
        let cbl = 4 &* c &- 2 &+ (lowerCloser ? 1 : 0)
        let cb = 4 &* c
        let cbr = 4 &* c &+ 2
        // k = floor(log10(2^q)), or floor(log10(3/4 · 2^q)) when the lower gap is half as wide.
        let k = (q &* 1_262_611 &- (lowerCloser ? 524_031 : 0)) >> 22
        let h = q + ((-k &* 1_741_647) >> 19) + 1
        let index = 2 * (-k - lowestPower)
        let (gHigh, gLow) = (powers[index], powers[index + 1])
        let vbl = roundToOdd(gHigh, gLow, cbl << UInt64(h))
        let vb = roundToOdd(gHigh, gLow, cb << UInt64(h))
        let vbr = roundToOdd(gHigh, gLow, cbr << UInt64(h))
        let lower = vbl &+ (even ? 0 : 1)
        let upper = vbr &- (even ? 0 : 1)
        let s = vb / 4
        if s >= 10 {
            let sp = s / 10
            let upInside = lower <= 40 &* sp
            let wpInside = 40 &* sp &+ 40 <= upper
            if upInside != wpInside { return (sp &+ (wpInside ? 1 : 0), k + 1) }
        }
        let uInside = lower <= 4 &* s
        let wInside = 4 &* s &+ 4 <= upper
        if uInside != wInside { return (s &+ (wInside ? 1 : 0), k) }
        let middle = 4 &* s &+ 2
        let roundUp = vb > middle || (vb == middle && s & 1 != 0)
        return (s &+ (roundUp ? 1 : 0), k)
    }

    /// ⌊g · cp / 2^128⌋, with its lowest bit set when the discarded part is not zero.
    @inline(__always)
    private static func roundToOdd(_ gHigh: UInt64, _ gLow: UInt64, _ cp: UInt64) -> UInt64 {
        let x = gLow.multipliedFullWidth(by: cp).high
        let (yHigh, yLow) = gHigh.multipliedFullWidth(by: cp)
        let (z, carry) = yLow.addingReportingOverflow(x)
        let vb = yHigh &+ (carry ? 1 : 0)
        return vb | (z > 1 ? 1 : 0)
    }
}
