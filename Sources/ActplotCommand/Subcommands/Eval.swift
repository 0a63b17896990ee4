import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot eval FUNCTION X...`: f, f′ and f″ at the given points.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Print f(x), f′(x) and f″(x) at the given points, to full precision.",
            discussion: """
                Points may be written in any Swift/C float syntax: -1, .5, 1e-300, 0x1p-10, inf. \
                Negative numbers need no quoting. Every number printed reads back to the same \
                double; --precision N rounds to N significant digits instead.

                For a vector function (family 'vector' in actplot list), --vector 1,2,3 \
                prints the output and the Jacobian of the whole vector; without it, the points \
                vary input 0 with the other inputs fixed by --others (default 0).

                Examples:
                  actplot eval gelu -1 0 1
                  actplot eval dl4j.hardsigmoid -2.5 2.5
                  actplot eval softplus:beta=2 -800 1e-3 --json
                  actplot eval softmax --vector 1,2,3
                  actplot eval 'x*tanh(log1p(exp(x)))' -1 0 1
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String

        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The points x.", valueName: "X"))
        var points: [String] = []

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Evaluate a vector function on this vector.", valueName: "X1,X2,..."),
            transform: { try NumberList.list($0, for: "--vector") })
        var vector: [Double]?

        @OptionGroup var others: OthersOption

        @OptionGroup var numbers: NumberOutputOptions

        /// The catalog's vector functions, as help and errors list them.
        static var vectorFunctions: String {
            Catalog.all.filter(\.isVector).map(\.name).joined(separator: ", ")
        }

        func validate() throws {
            if vector == nil && points.allSatisfy({ $0 == "--" }) {
                throw ValidationError("give at least one point, e.g. actplot eval \(function) -1 0 1")
            }
            if vector != nil && !points.isEmpty {
                throw ValidationError("give either points or '--vector', not both")
            }
            if points.count > NumberList.limit {
                throw ValidationError("at most \(NumberList.limit) points at once, got \(points.count)")
            }
        }

        func run() throws {
            let f = try Catalog.activation(function, others: others.inputs)
            if others.others != nil && !f.entry.isVector {
                throw ValidationError(
                    "'--others' applies to vector functions only; \(f.entry.name) is element-wise")
            }
            if let vector {
                try runVector(f, input: vector)
                return
            }
            let xs = try points.filter { $0 != "--" }.map { try NumberList.number($0, for: "point") }
            let jets = xs.map { f.jet(at: $0) }
            try writeToStandardOutput(numbers.json ? pointsJSON(f, xs, jets) : pointsTable(f, xs, jets))
        }

        private func pointsTable(_ f: Activation, _ xs: [Double], _ jets: [Jet]) -> String {
            var rows = [["x", "f(x)", "f'(x)", "f''(x)"]]
            for (x, jet) in zip(xs, jets) {
                rows.append([
                    DecimalText.shortest(x), numbers.text(jet.value), numbers.text(jet.derivative),
                    numbers.text(jet.secondDerivative),
                ])
            }
            return Table.render(rows, title: Describe.title(f))
        }

        private func pointsJSON(_ f: Activation, _ xs: [Double], _ jets: [Jet]) -> String {
            let points: [JSONValue] = zip(xs, jets).map { x, jet in
                .object([
                    ("x", .number(x)), ("value", number(jet.value)), ("derivative", number(jet.derivative)),
                    ("second_derivative", number(jet.secondDerivative)),
                ])
            }
            return JSONValue.object(Describe.header(f) + [("points", .array(points))]).text() + "\n"
        }

        private func number(_ value: Double) -> JSONValue {
            .number(numbers.precision == nil ? value : Double(numbers.text(value)) ?? value)
        }

        private func runVector(_ f: Activation, input: [Double]) throws {
            guard let vectorFunction = f.entry.vector else {
                throw ValidationError(
                    "'--vector' applies to vector functions (\(Self.vectorFunctions)); \(f.entry.name) is element-wise: give points instead"
                )
            }
            if let problem = vectorFunction.problem(withLength: input.count) {
                throw ActivationError.invalidVector(function: f.entry.name, reason: problem)
            }
            let result = vectorFunction.evaluate(input)
            if numbers.json {
                let object = JSONValue.object(
                    Describe.header(f).filter { $0.0 != "others" } + [
                        ("input", .array(input.map(JSONValue.number))),
                        ("output", .array(result.output.map(number))),
                        ("jacobian", .array(result.jacobian.map { .array($0.map(number)) })),
                    ])
                try writeToStandardOutput(object.text() + "\n")
                return
            }
            var out = Table.render(
                [["x"] + input.map(DecimalText.shortest), ["f(x)"] + result.output.map(numbers.text)],
                title: "\(f.name) of a vector of \(input.count)")
            let columns = input.indices.map { "∂/∂x\($0 + 1)" }
            let rows =
                [["Jacobian"] + columns]
                + result.jacobian.enumerated().map { i, row in
                    ["∂f\(i + 1)"] + row.map(numbers.text)
                }
            out += "\n" + Table.render(rows, title: nil)
            try writeToStandardOutput(out)
        }
    }
}
