import Foundation

/// The high-precision references written by `Scripts/make-reference.py` (mpmath).
struct ReferenceFixture {
    struct Row: Sendable {
        let x: Double
        let value: Double
        let derivative: Double
        let secondDerivative: Double
    }

    /// Rows by spec, specs in file order.
    let specs: [String]
    let rows: [String: [Row]]

    static let shared: ReferenceFixture = {
        guard
            let url = Bundle.module.url(
                forResource: "reference", withExtension: "tsv", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("Fixtures/reference.tsv is missing: run 'make reference'")
        }
        var specs: [String] = []
        var rows: [String: [Row]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 5, let x = parse(fields[1]), let f = parse(fields[2]),
                let d1 = parse(fields[3]), let d2 = parse(fields[4])
            else {
                fatalError("malformed fixture line: \(line)")
            }
            if rows[fields[0]] == nil { specs.append(fields[0]) }
            rows[fields[0], default: []].append(Row(x: x, value: f, derivative: d1, secondDerivative: d2))
        }
        return ReferenceFixture(specs: specs, rows: rows)
    }()

    private static func parse(_ text: String) -> Double? {
        Double(text)
    }
}

/// How many doubles lie between a and b (0 when equal; +0 and −0 are equal).
func ulpDistance(_ a: Double, _ b: Double) -> Double {
    if a == b || (a.isNaN && b.isNaN) { return 0 }
    if a.isNaN || b.isNaN { return .infinity }
    func ordinal(_ x: Double) -> Int64 {
        let magnitude = Int64(bitPattern: x.magnitude.bitPattern)
        return x.sign == .minus ? -magnitude : magnitude
    }
    let (difference, overflow) = ordinal(a).subtractingReportingOverflow(ordinal(b))
    return overflow ? .infinity : Double(difference.magnitude)
}
