import Foundation
import Testing

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
        var specs: [String] = []
        var rows: [String: [Row]] = [:]
        for line in fixtureLines("reference") {
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

/// The lines of Fixtures/NAME.tsv (written by `make reference`) without its `#` comments.
func fixtureLines(_ name: String) -> [Substring] {
    guard
        let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures"),
        let text = try? String(contentsOf: url, encoding: .utf8)
    else { fatalError("Fixtures/\(name).tsv is missing: run 'make reference'") }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
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

/// Whether the report tests run (`make accuracy` sets ACTPLOT_REPORT): they print, not check.
let reportsRequested = ProcessInfo.processInfo.environment["ACTPLOT_REPORT"] != nil

/// One vector of Fixtures/vectors.tsv (Scripts/make-vector-reference.py, mpmath at 80 digits).
struct VectorReference: Sendable {
    let function: String
    let input: [Double]
    let output: [Double]
    let jacobian: [[Double]]
    var testDescription: String {
        "\(function) of \(input.prefix(6).map { "\($0)" }.joined(separator: ", "))"
    }

    static let all: [VectorReference] = {
        func numbers(_ field: Substring) -> [Double] { field.split(separator: ",").compactMap { Double($0) } }
        return fixtureLines("vectors").map { line in
            let fields = line.split(separator: "\t")
            return VectorReference(
                function: String(fields[0]), input: numbers(fields[1]), output: numbers(fields[2]),
                jacobian: fields[3].split(separator: ";").map(numbers))
        }
    }()
}
