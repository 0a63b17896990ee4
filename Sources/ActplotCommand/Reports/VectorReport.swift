import ActivationCore

/// A vector function of a whole vector (`actplot eval softmax --vector 1,2,3`): its output and
/// its Jacobian.
///
/// Its JSON: the ``FunctionDescription`` header without `others`, then `input`, `output` and
/// `jacobian` (rows ∂fᵢ/∂xⱼ).
package struct VectorReport: Report {
    let function: Activation
    let input: [Double]
    let result: VectorEvaluation
    /// Significant digits of the output and Jacobian, or nil for shortest text.
    let precision: Int?

    /// Evaluates a vector function on a vector.
    /// - Throws: ``ActivationError/invalidVector(function:reason:)`` for a length the function
    ///   cannot take.
    init(_ function: Activation, _ vectorFunction: VectorFunction, input: [Double], precision: Int?) throws {
        if let problem = vectorFunction.problem(withLength: input.count) {
            throw ActivationError.invalidVector(function: function.entry.name, reason: problem)
        }
        self.function = function
        self.input = input
        self.result = vectorFunction.evaluate(input)
        self.precision = precision
    }

    /// The input and output as a table, then the Jacobian.
    package func text(in style: TextStyle) -> String {
        let text = { (v: Double) in NumberText.format(v, significantDigits: precision) }
        var out = Table.render(
            [["x"] + input.map(DecimalText.shortest), ["f(x)"] + result.output.map(text)],
            title: "\(function.name) of a vector of \(input.count)", unicode: style.unicode)
        let columns = input.indices.map { "∂/∂x\($0 + 1)" }
        let rows =
            [["Jacobian"] + columns]
            + result.jacobian.enumerated().map { i, row in ["∂f\(i + 1)"] + row.map(text) }
        out += "\n" + Table.render(rows, title: nil, unicode: style.unicode)
        return out
    }

    /// The header, the input, the output and the Jacobian.
    package var json: JSONValue {
        let number = { (v: Double) -> JSONValue in
            guard let precision else { return .number(v) }
            return .number(Double(NumberText.format(v, significantDigits: precision)) ?? v)
        }
        return .object(
            FunctionDescription(function).header.filter { $0.0 != "others" } + [
                ("input", .array(input.map(JSONValue.number))),
                ("output", .array(result.output.map(number))),
                ("jacobian", .array(result.jacobian.map { .array($0.map(number)) })),
            ])
    }
}
