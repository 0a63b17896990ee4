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
                  actplot eval gelu --points xs.txt --json
                  cut -f2 data.tsv | actplot eval gelu - --format csv
                  actplot eval gelu --dtype bf16 -8 -1 0 3
                  actplot eval sigmoid --dtype bf16 --arith opmath 6 6.25 7

                With --dtype, each x is rounded to the format, and f and f′ are computed as \
                --arith says: exact (the true values rounded once), naive (the textbook \
                formulas with every operation rounded to the format) or opmath (the formulas \
                in float32). Each value is printed with its bit pattern and its error in ulps \
                of the format against the true value at the rounded input.
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String

        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The points x.", valueName: "X"))
        var points: [String] = []

        @Option(
            name: [.customLong("points"), .customLong("points-file")],
            help: ArgumentHelp(
                "Read the points from FILE ('-', or a point '-', for standard input): numbers separated by "
                    + "spaces, commas or lines, streamed.",
                valueName: "FILE"))
        var pointsFile: String?

        @Option(
            help: ArgumentHelp(
                "table, csv or jsonl (one JSON object per line); default table, or JSON for --json.",
                valueName: "FORMAT"))
        var format: String?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Evaluate a vector function on this vector.", valueName: "X1,X2,..."),
            transform: { try NumberList.list($0, for: "--vector") })
        var vector: [Double]?

        @OptionGroup var others: OthersOption

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var numbers: NumberOutputOptions

        /// The catalog's vector functions, as help and errors list them.
        static var vectorFunctions: String {
            Catalog.all.filter(\.isVector).map(\.name).joined(separator: ", ")
        }

        /// The points typed, unpacked (see ``packingPoints(_:)``), without `--`.
        private var typedPoints: [Substring] {
            points.flatMap { $0.split(separator: "\0", omittingEmptySubsequences: false) }.filter {
                $0 != "--"
            }
        }

        /// The file to stream points from: --points, or standard input for a point '-'.
        private var streamPath: String? {
            pointsFile ?? (typedPoints == ["-"] ? "-" : nil)
        }

        func validate() throws {
            if typedPoints.count > 1 && typedPoints.contains("-") {
                throw ValidationError(
                    "a point '-' reads every point from standard input; give it alone, without other points")
            }
            let typed = !typedPoints.isEmpty && !(pointsFile == nil && typedPoints == ["-"])
            let given = [typed, vector != nil, streamPath != nil].filter { $0 }.count
            if given == 0 {
                throw ValidationError("give at least one point, e.g. actplot eval \(function) -1 0 1")
            }
            if given > 1 {
                throw ValidationError("give points, '--points' or '--vector', one of them")
            }
            if typedPoints.count > NumberList.limit {
                throw ValidationError("at most \(NumberList.limit) points at once, got \(typedPoints.count)")
            }
        }

        /// The value options, whose next argument is their value (`--precision 3`), not a point.
        static let valueOptions: Set<String> = [
            "--points", "--points-file", "--vector", "--others", "--precision", "--format", "--dtype",
            "--arith",
            "--overflow",
        ]

        /// The command line with eval's points packed into one argument, NUL-separated.
        ///
        /// swift-argument-parser spends time linear in an array's length on each element it adds
        /// (ParsedValues.set merges every input's origin), so 16,000 points took 9 s to parse;
        /// packed, they are one element. No command-line argument can hold a NUL, so the packing
        /// is unambiguous. Options and their values stay where they are; after `--`, nothing is
        /// packed.
        /// - Parameter arguments: The command line after the program's name, starting with `eval`.
        /// - Returns: The same arguments, or for `eval` its points as one argument in the first
        ///   point's place.
        static func packingPoints(_ arguments: [String]) -> [String] {
            guard arguments.first == "eval", !arguments.contains("--") else { return arguments }
            var packed = ["eval"]
            var points: [String] = []
            var slot: Int?
            var sawFunction = false
            var index = 1
            while index < arguments.count {
                let argument = arguments[index]
                index += 1
                if NumberList.isOption(argument) {
                    packed.append(argument)
                    if valueOptions.contains(argument), index < arguments.count {
                        packed.append(arguments[index])
                        index += 1
                    }
                } else if !sawFunction {
                    sawFunction = true
                    packed.append(argument)
                } else {
                    if slot == nil {
                        slot = packed.count
                        packed.append("")
                    }
                    points.append(argument)
                }
            }
            if let slot { packed[slot] = points.joined(separator: "\0") }
            return packed
        }

        func run() throws {
            let f = try others.activations([function])[0]
            if try precision.format() != nil && vector != nil {
                throw ValidationError(
                    "'--dtype' rounds element-wise points; '--vector' evaluates in float64 (drop one of them)"
                )
            }
            if let vector {
                try runVector(f, input: vector)
                return
            }
            let evaluation = try precision.format().map {
                FormatEvaluation(f, format: $0, arithmetic: try precision.arithmetic())
            }
            if let streamPath {
                try runStream(f, path: streamPath, in: evaluation)
                return
            }
            let xs = try Self.numbers(typedPoints.map(String.init), for: "point")
            if let evaluation {
                try writeFormatted(evaluation, xs, header: true)
                return
            }
            let jets = xs.map { f.jet(at: $0) }
            switch try streamFormat() {
            case .table: try writeText(pointsTable(f, xs, jets))
            case .json: try writeToStandardOutput(pointsJSON(f, xs, jets))
            case let format:
                var writer = StreamWriter(function: f, format: format, numbers: numbers)
                try writer.begin()
                try writer.write(xs, jets.map(\.value), jets.map(\.derivative), jets.map(\.secondDerivative))
                try writer.end()
            }
        }

        /// Numbers in order; a bad one is named with its position among several.
        private static func numbers(_ texts: [String], for what: String) throws -> [Double] {
            try texts.enumerated().map { index, text in
                try NumberList.number(
                    text, for: texts.count > 1 ? "\(what) \(index + 1) of \(texts.count)" : what)
            }
        }

        func pointsTable(_ f: Activation, _ xs: [Double], _ jets: [Jet]) -> String {
            let text = numbers.textFormat
            var rows = [["x", "f(x)", "f'(x)", "f''(x)"]]
            rows.reserveCapacity(xs.count + 1)
            for (x, jet) in zip(xs, jets) {
                rows.append([
                    DecimalText.shortest(x), text(jet.value), text(jet.derivative),
                    text(jet.secondDerivative),
                ])
            }
            return Table.render(rows, title: Describe.title(f))
        }

        func pointsJSON(_ f: Activation, _ xs: [Double], _ jets: [Jet]) -> String {
            let number = numbers.jsonFormat
            let points: [JSONValue] = zip(xs, jets).map { x, jet in
                .object([
                    ("x", .number(x)), ("value", number(jet.value)), ("derivative", number(jet.derivative)),
                    ("second_derivative", number(jet.secondDerivative)),
                ])
            }
            return JSONValue.object(Describe.header(f) + [("points", .array(points))]).text() + "\n"
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
                let number = numbers.jsonFormat
                let object = JSONValue.object(
                    Describe.header(f).filter { $0.0 != "others" } + [
                        ("input", .array(input.map(JSONValue.number))),
                        ("output", .array(result.output.map(number))),
                        ("jacobian", .array(result.jacobian.map { .array($0.map(number)) })),
                    ])
                try writeToStandardOutput(object.text() + "\n")
                return
            }
            let text = numbers.textFormat
            var out = Table.render(
                [["x"] + input.map(DecimalText.shortest), ["f(x)"] + result.output.map(text)],
                title: "\(f.name) of a vector of \(input.count)")
            let columns = input.indices.map { "∂/∂x\($0 + 1)" }
            let rows =
                [["Jacobian"] + columns]
                + result.jacobian.enumerated().map { i, row in
                    ["∂f\(i + 1)"] + row.map(text)
                }
            out += "\n" + Table.render(rows, title: nil)
            try writeText(out)
        }
    }
}
