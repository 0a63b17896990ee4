import ActivationCore

/// Comma-separated values (RFC 4180) of x and each function's f, f′, f″, streamed in blocks so
/// that any number of rows takes constant memory.
///
/// ```
/// x,relu,relu'
/// -5,0,0
/// -4.9,0,0
/// ```
/// Numbers are the shortest text that reads back to the same double, or rounded to
/// `precision` significant digits; `.` is the decimal separator and `\n` ends each line.
/// Names that hold a comma or a quote (`leaky_relu(alpha=0.2,kink=inclusive)`) are quoted.
public struct CSVTable: Sendable {
    /// The functions and their column names.
    public var functions: [(name: String, function: Activation)]
    /// The x grid.
    public var sampling: Sampling
    /// Include f′ columns.
    public var derivative: Bool
    /// Include f″ columns.
    public var secondDerivative: Bool
    /// Significant digits, or nil for shortest round-trip text.
    public var precision: Int?
    /// Add columns f − g (and f′ − g′) between the first function and each other one.
    public var differences = false

    /// A table description.
    public init(
        functions: [(name: String, function: Activation)], sampling: Sampling, derivative: Bool = true,
        secondDerivative: Bool = false, precision: Int? = nil
    ) {
        self.functions = functions
        self.sampling = sampling
        self.derivative = derivative
        self.secondDerivative = secondDerivative
        self.precision = precision
    }

    /// The header line, without the line end.
    public var header: String {
        var fields = ["x"]
        for (name, _) in functions {
            fields.append(name)
            if derivative { fields.append(name + "'") }
            if secondDerivative { fields.append(name + "''") }
        }
        if differences {
            for (name, _) in functions.dropFirst() {
                fields.append(functions[0].name + " - " + name)
                if derivative { fields.append(functions[0].name + " - " + name + "'") }
            }
        }
        return fields.map(Self.field).joined(separator: ",")
    }

    /// A field quoted as RFC 4180 requires when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
            + "\""
    }

    /// Rows per block: the memory used is about this many rows of text.
    public static let blockRows = 4096

    /// Writes the header and every row.
    /// - Parameter out: Where the text goes; it receives one string per block.
    public func write(to out: inout some TextOutputStream) {
        out.write(header + "\n")
        let count = sampling.count
        var xs = [Double](repeating: 0, count: Self.blockRows)
        let b = Self.blockRows
        // One buffer for every column: [f, f′, f″] per function, each blockRows long.
        let storage = UnsafeMutableBufferPointer<Double>.allocate(
            capacity: Swift.max(1, functions.count * 3 * b))
        defer { storage.deallocate() }
        func column(_ k: Int, _ order: Int) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: storage[(3 * k + order) * b..<(3 * k + order + 1) * b])
        }
        var start = 0
        while start < count {
            let n = Swift.min(b, count - start)
            for i in 0..<n { xs[i] = sampling[start + i] }
            for (k, item) in functions.enumerated() {
                xs.withUnsafeBufferPointer { input in
                    item.function.evaluate(
                        UnsafeBufferPointer(rebasing: input[0..<n]), values: column(k, 0),
                        derivatives: derivative ? column(k, 1) : nil,
                        secondDerivatives: secondDerivative ? column(k, 2) : nil)
                }
            }
            var block = ""
            block.reserveCapacity(n * 24 * (1 + functions.count * 3))
            for i in 0..<n {
                block += shortestText(xs[i])
                for k in functions.indices {
                    for order in 0..<3
                    where order == 0 || (order == 1 && derivative) || (order == 2 && secondDerivative) {
                        block += ","
                        block += NumberText.format(
                            storage[(3 * k + order) * b + i], significantDigits: precision)
                    }
                }
                if differences {
                    for k in functions.indices.dropFirst() {
                        for order in 0..<(derivative ? 2 : 1) {
                            block += ","
                            block += NumberText.format(
                                storage[order * b + i] - storage[(3 * k + order) * b + i],
                                significantDigits: precision)
                        }
                    }
                }
                block += "\n"
            }
            out.write(block)
            start += n
        }
    }
}
