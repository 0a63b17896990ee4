import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot eval FUNCTION X...`: f, f′ and f″ at the given points.
    struct Eval: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Print f(x), f′(x) and f″(x) at the given points, to full precision.",
            discussion: """
                Points may be written in any Swift/C float syntax: -1, .5, 1e-300, 0x1p-10, inf. \
                Negative numbers need no quoting. Every number printed reads back to the same \
                double; --precision N rounds to N significant digits instead.

                For a vector function (family 'vector' in actplot list), --vector 1,2,3 \
                prints the output and the Jacobian of the whole vector; without it, the points \
                vary input 0 with the other inputs fixed by --others (default 0, or 1 for the \
                GLU family: swiglu draws silu).

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
                --arith says: \(FormatEvaluation.Arithmetic.described). Each value is printed with its bit \
                pattern and its error in ulps \
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
                    + "spaces, commas or lines, streamed.", valueName: "FILE"))
        var pointsFile: String?

        @Option(help: .evalFormat, completion: .evalFormats)
        var format: String?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Evaluate a vector function on this vector.", valueName: "X1,X2,..."),
            transform: { try NumberList.list($0, for: "--vector") })
        var vector: [Double]?

        @OptionGroup var others: OthersOption

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var numbers: NumberOutputOptions

        /// Where the points come from.
        private var source: PointSource { PointSource(arguments: points, file: pointsFile) }

        func validate() throws {
            let source = self.source
            try source.validate()
            let given = [source.areTyped, vector != nil, source.streamPath != nil].filter { $0 }.count
            if given == 0 {
                throw ValidationError("give at least one point, e.g. actplot eval \(function) -1 0 1")
            }
            if given > 1 {
                throw ValidationError("give points, '--points' or '--vector', one of them")
            }
            if source.typed.count > NumberList.limit {
                throw ValidationError("at most \(NumberList.limit) points at once, got \(source.typed.count)")
            }
        }

        func run(on console: inout Console) throws {
            let members = try others.activations([function])
            let dtype = try precision.format(scales: true)
            if members.count > 1 {
                return try EvalRun.family(
                    members, spec: function, points: vector == nil ? source.points : nil,
                    output: try PointOutput(format: format, json: numbers.json), format: dtype,
                    arithmetic: try precision.arithmetic(for: members, in: dtype),
                    precision: numbers.precision,
                    on: console)
            }
            let f = members[0]
            if let vector {
                if dtype != nil {
                    throw ValidationError(
                        "'--dtype' rounds element-wise points; '--vector' evaluates in float64 (drop one of them)"
                    )
                }
                guard let vectorFunction = f.vector else {
                    let names = Catalog.all.filter(\.isVector).map(\.name).joined(separator: ", ")
                    throw ValidationError(
                        "'--vector' applies to vector functions (\(names)); \(f.entry.name) is element-wise: "
                            + "give points instead")
                }
                let report = try VectorReport(f, vectorFunction, input: vector, precision: numbers.precision)
                return try console.print(report, json: numbers.json)
            }
            try EvalRun(
                function: f, points: source.points,
                evaluation: try dtype.map { try precision.evaluation(of: f, in: $0) },
                output: try PointOutput(format: format, json: numbers.json), precision: numbers.precision
            ).run(on: console)
        }
    }
}
