import ArgumentParser

/// eval's points as given: typed (`-1 0 1`, packed by ``packing(_:)``), or streamed with
/// `--points FILE` or a point `-` (stdin).
///
/// A plain value, not an option group: a group costs every eval a twentieth of its start-up
/// (the argument parser reflects each group type it meets).
struct PointSource {
    /// The points typed, unpacked (see ``packing(_:)``), without `--`.
    let typed: [String]
    /// `--points FILE`.
    let pointsFile: String?

    /// The points as given.
    /// - Parameters:
    ///   - arguments: The positional arguments after the function.
    ///   - file: `--points FILE`.
    init(arguments: [String], file: String?) {
        typed = arguments.flatMap { $0.split(separator: "\0", omittingEmptySubsequences: false) }
            .filter { $0 != "--" }.map(String.init)
        pointsFile = file
    }

    /// The file to stream points from: --points, or standard input for a point '-'.
    var streamPath: String? {
        pointsFile ?? (typed == ["-"] ? "-" : nil)
    }

    /// Whether points were typed (a lone `-` is a stream, not a point).
    var areTyped: Bool { !typed.isEmpty && !(pointsFile == nil && typed == ["-"]) }

    /// Where the points come from.
    var points: EvalRun.Points { streamPath.map { .stream(path: $0) } ?? .typed(typed) }

    /// Refuses a point `-` among other points.
    func validate() throws {
        let typed = self.typed
        if typed.count > 1 && typed.contains("-") {
            throw ValidationError(
                "a point '-' reads every point from standard input; give it alone, without other points")
        }
    }

    /// The value options of eval, whose next argument is their value (`--precision 3`), not a point.
    static let valueOptions: Set<String> = [
        "--points", "--points-file", "--vector", "--others", "--precision", "--format", "--dtype", "--arith",
        "--overflow", "--isa",
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
    static func packing(_ arguments: [String]) -> [String] {
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
}
