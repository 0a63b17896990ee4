import ActivationCore
import ArgumentParser

/// One run of `actplot eval`: the points typed, or streamed from a file or stdin, through
/// ``PointWriter`` in float64 or in a narrow format.
struct EvalRun {
    /// How many points are evaluated and written together when streaming.
    static let block = 4096

    /// Where the points come from.
    enum Points {
        /// Typed on the command line, as text.
        case typed([String])
        /// Read from a file, or stdin for "-".
        case stream(path: String)
    }

    let function: Activation
    let points: Points
    /// The format and arithmetic, with `--dtype`.
    let evaluation: FormatEvaluation?
    let output: PointOutput
    /// Significant digits of float64 values, or nil for shortest text.
    let precision: Int?

    /// Evaluates and writes every point.
    func run(on console: Console) throws {
        if let evaluation {
            try run(FormatRows(evaluation: evaluation), on: console)
        } else {
            try run(JetRows(function: function, precision: precision), on: console)
        }
    }

    private func run<Rows: PointRows>(_ rows: Rows, on console: Console) throws {
        var writer = PointWriter(rows, output: output, console: console)
        switch points {
        case .typed(let texts):
            let xs = try Self.numbers(texts)
            try writer.begin()
            try writer.write(xs)
        case .stream(let path):
            var reader = try PointReader(path: path, input: console.input)
            defer { reader.close() }
            var xs: [Double] = []
            try reader.read(Self.block, into: &xs)
            if xs.isEmpty {
                throw ValidationError("\(reader.name) holds no points; give numbers such as -1 0 1")
            }
            try writer.begin()
            while !xs.isEmpty {
                try writer.write(xs)
                xs.removeAll(keepingCapacity: true)
                try reader.read(Self.block, into: &xs)
            }
        }
        try writer.end()
    }

    /// A family (`leaky_relu:alpha=0.01,0.1,0.3`): each member's table in turn, a blank line
    /// between, or an array of their JSON documents, at points typed (`points`; nil for a
    /// vector).
    static func family(
        _ members: [Activation], spec: String, points: Points?, output: PointOutput, format: NumberFormat?,
        arithmetic: FormatEvaluation.Arithmetic, precision: Int?, on console: Console
    ) throws {
        guard let points, case .typed = points, output == .table || output == .json else {
            throw ValidationError(
                "eval takes a family ('\(spec)', \(members.count) functions) with points typed, as tables or "
                    + "--json; for CSV, plot it: actplot '\(spec)' --format csv --step 0.5")
        }
        var console = console
        if output == .json { try console.write("[\n") }
        for (k, f) in members.enumerated() {
            if k > 0 { try console.write(output == .json ? ",\n" : "\n") }
            try EvalRun(
                function: f, points: points,
                evaluation: format.map { FormatEvaluation(f, format: $0, arithmetic: arithmetic) },
                output: output, precision: precision
            ).run(on: console)
        }
        if output == .json { try console.write("]\n") }
    }

    /// Numbers in order; a bad one is named with its position among several.
    private static func numbers(_ texts: [String]) throws -> [Double] {
        try texts.enumerated().map { index, text in
            try NumberList.number(
                text, for: texts.count > 1 ? "point \(index + 1) of \(texts.count)" : "point")
        }
    }
}
