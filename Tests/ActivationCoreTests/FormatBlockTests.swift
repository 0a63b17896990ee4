import Testing

@testable import ActivationCore

/// Surveys evaluate a block of inputs at a time (the batch kernel, the compiled textbook
/// formulas, float32 rounded by the processor); every point must be what ``FormatEvaluation/evaluate(at:)``
/// gives, bit for bit, in every arithmetic and format.
@Suite("Block evaluation in a format")
struct FormatBlockTests {
    /// Every how many bit patterns of each format a spec is checked at.
    struct Strides {
        let bfloat16: UInt64
        let float16: UInt64
        let float32: UInt64
    }

    static let formats: [NumberFormat] = [
        .bfloat16, .float16, .float32, .float32.flushingSubnormals, .float8E4M3FN.saturating,
    ]

    /// The inputs checked in a format: every `stride`-th pattern, the largest finite value,
    /// ±0 and ±∞, both signs.
    static func inputs(_ format: NumberFormat, _ strides: Strides) -> [Double] {
        let stride: UInt64 =
            format.bitWidth == 32
            ? strides.float32
            : format.bitWidth == 16 && format.exponentBits == 8
                ? strides.bfloat16 : format.bitWidth == 16 ? strides.float16 : 1
        let top = format.bits(of: format.greatestFiniteMagnitude)
        let patterns = Swift.stride(from: UInt64(1), to: top, by: Int(stride)).map { $0 } + [top]
        let positive = patterns.map { format.value(bits: $0) } + [0, .infinity]
        return positive + positive.map { -$0 } + [.nan]
    }

    /// The points that differ between the block path and one at a time.
    static func differences(_ spec: String, _ strides: Strides) throws -> [String] {
        let f = try Catalog.activation(spec)
        var found: [String] = []
        for format in formats {
            let xs = inputs(format, strides)
            // The framework's arithmetic where it has a kernel for the preset.
            let framework: [FormatEvaluation.Arithmetic] =
                FrameworkKernel(f, format: format) == nil ? [] : [.framework]
            for arithmetic in FormatEvaluation.Arithmetic.textbook + framework {
                let evaluation = FormatEvaluation(f, format: format, arithmetic: arithmetic)
                var points = [FormatPoint](
                    repeating: FormatPoint(
                        input: 0, value: 0, derivative: 0, exactValue: 0, exactDerivative: 0, certain: false),
                    count: xs.count)
                xs.withUnsafeBufferPointer { x in
                    points.withUnsafeMutableBufferPointer { evaluation.evaluate(x, into: $0) }
                }
                for (x, p) in zip(xs, points) where !same(p, evaluation.evaluate(at: x)) {
                    found.append("\(spec) \(format) \(arithmetic) at \(x)")
                }
            }
        }
        return found
    }

    /// Bit for bit, any NaN alike.
    static func same(_ p: FormatPoint, _ q: FormatPoint) -> Bool {
        let bits = { (a: Double, b: Double) in a.bitPattern == b.bitPattern || a.isNaN && b.isNaN }
        return bits(p.input, q.input) && bits(p.value, q.value) && bits(p.derivative, q.derivative)
            && bits(p.exactValue, q.exactValue) && bits(p.exactDerivative, q.exactDerivative)
            && p.certain == q.certain
    }

    @Test("each catalog function: blocks give evaluate(at:)'s bits", arguments: Catalog.all.map(\.name))
    func catalog(_ name: String) throws {
        let found = try Self.differences(name, Strides(bfloat16: 16, float16: 32, float32: 1 << 21))
        #expect(found.isEmpty, "\(found.count) differ: \(found.prefix(4).joined(separator: "; "))")
    }

    @Test("without f′ (roundsDerivatives off), f and its certainty are the same bits")
    func valuesAlone() throws {
        for name in Catalog.all.map(\.name) {
            let f = try Catalog.activation(name)
            for format in [NumberFormat.bfloat16, .float32, .float8E8M0FNU] {
                let xs = Self.inputs(format, Strides(bfloat16: 64, float16: 64, float32: 1 << 22))
                var both = FormatEvaluation(f, format: format)
                var alone = both
                alone.roundsDerivatives = false
                both.roundsDerivatives = true
                let blank = FormatPoint(
                    input: 0, value: 0, derivative: 0, exactValue: 0, exactDerivative: 0, certain: false)
                var (p, q) = (
                    [FormatPoint](repeating: blank, count: xs.count),
                    [FormatPoint](repeating: blank, count: xs.count)
                )
                xs.withUnsafeBufferPointer { x in
                    p.withUnsafeMutableBufferPointer { both.evaluate(x, into: $0) }
                    q.withUnsafeMutableBufferPointer { alone.evaluate(x, into: $0) }
                }
                for (a, b) in zip(p, q) {
                    #expect(
                        a.value.bitPattern == b.value.bitPattern || a.value.isNaN && b.value.isNaN,
                        "\(name) \(format) \(a.input)")
                    #expect(a.valueCertain == b.valueCertain)
                }
            }
        }
    }

    @Test("each preset and typed formulas: blocks give evaluate(at:)'s bits")
    func presets() throws {
        let specs =
            FrameworkPreset.all.map(\.qualifiedName) + [
                "x*tanh(log1p(exp(x)))", "where(x > 0, x, 0.1*x)", "x > 1 ? exp(x) : x^3/3", "max(x, 0)^2",
            ]
        var found: [String] = []
        for spec in specs {
            found += try Self.differences(spec, Strides(bfloat16: 256, float16: 512, float32: 1 << 23))
        }
        #expect(found.isEmpty, "\(found.count) differ: \(found.prefix(4).joined(separator: "; "))")
    }
}
