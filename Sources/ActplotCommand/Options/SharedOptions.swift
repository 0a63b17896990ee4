import ActivationCore
import ArgumentParser

// The options several subcommands share, each declared once (swift-format's
// ConfigurationOptions is the model).

/// `--range MIN:MAX`: the x interval (plot, compare, info).
struct RangeOption: ParsableArguments {
    @Option(
        name: [.customLong("range"), .customLong("xlim")],
        parsing: .unconditional,
        help: ArgumentHelp(
            "The x interval (default: \(RangeArgument.standard)); --xlim is the same.", valueName: "MIN:MAX"),
        transform: RangeArgument.init(parsing:))
    var range = RangeArgument.standard
}

/// `--others O1,O2,...`: the inputs of a vector function other than the one plotted (plot,
/// compare, eval, info).
struct OthersOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The fixed other inputs of a vector function (default: \(OthersOption.defaults)).",
            valueName: "O1,O2,..."),
        transform: { try NumberList.list($0, for: "--others") })
    var others: [Double]?

    /// The defaults in words, from the catalog: `0; 1 for swiglu, geglu, reglu, bilinear`.
    static var defaults: String {
        let others = Catalog.all.filter { $0.isVector && $0.defaultOthers != [0] }
        let groups = Dictionary(grouping: others, by: \.defaultOthers).sorted {
            $0.key.lexicographicallyPrecedes($1.key)
        }
        return
            (["0"]
            + groups.map { others, entries in
                others.map(DecimalText.shortest).joined(separator: ",") + " for "
                    + entries.map(\.name).joined(separator: ", ")
            }).joined(separator: "; ")
    }

    /// The one activation a command of one function (eval, info) takes.
    /// - Parameters:
    ///   - spec: The function spec, as typed.
    ///   - command: The subcommand, for the message.
    /// - Returns: Its activation.
    /// - Throws: As ``activations(_:)``, and a usage error for a family.
    func activation(_ spec: String, for command: String) throws -> Activation {
        let functions = try activations([spec])
        guard functions.count == 1 else {
            throw ValidationError(
                "\(command) takes one function, but '\(spec)' is a family of \(functions.count); "
                    + "give each parameter one value, or draw the family with actplot '\(spec)'")
        }
        return functions[0]
    }

    /// The activations `specs` name, a vector function's with these other inputs; a family spec
    /// (`leaky_relu:alpha=0.01,0.1`) stands for each of its members.
    /// - Parameter specs: Function specs, as typed.
    /// - Returns: Their activations, in order.
    /// - Throws: The library's error for a bad spec, and a usage error when `--others` is given
    ///   but every function is element-wise, so that it would be ignored.
    func activations(_ specs: [String]) throws -> [Activation] {
        try named(specs).map(\.function)
    }

    /// The activations `specs` name, each with the name its curves and columns carry: the
    /// spec's label when it has one (`sGELU=x*sigmoid(1.702*x)`, `gelu:label=GELU`), followed
    /// by the parameters that tell a family's members apart; else a name that tells it from the
    /// others (``Activation/distinctNames(_:)``).
    /// - Parameter specs: Function specs, as typed.
    /// - Returns: Each member of every spec, in order, with its name.
    /// - Throws: As ``activations(_:)``.
    func named(_ specs: [String]) throws -> [(name: String, function: Activation)] {
        Self.named(try read(specs))
    }

    /// Each spec's label, if it has one, and its members (one function, or a family's), each
    /// spec read once.
    /// - Parameter specs: Function specs, as typed.
    /// - Throws: As ``activations(_:)``.
    func read(_ specs: [String]) throws -> [(label: String?, members: [Activation])] {
        let read = try specs.map { spec -> (label: String?, members: [Activation]) in
            let (label, text) = Catalog.labeled(spec)
            return (label, try Catalog.family(text).map { try Catalog.activation($0, others: others) })
        }
        try check(read.flatMap(\.members))
        return read
    }

    /// The names of specs read by ``read(_:)``, as ``named(_:)`` gives them.
    static func named(_ read: [(label: String?, members: [Activation])]) -> [(
        name: String, function: Activation
    )] {
        let functions = read.flatMap(\.members)
        let labels = read.flatMap { spec in Array(repeating: spec.label, count: spec.members.count) }
        let names = Activation.distinctNames(functions)
        return zip(zip(labels, names), functions).map { pair, f in
            guard let label = pair.0 else { return (pair.1, f) }
            // A family member keeps what tells it apart: `sp(beta=2)`.
            let base = f.preset?.qualifiedName ?? f.entry.name
            let rest = pair.1.hasPrefix(base) && pair.1.hasSuffix(")") ? pair.1.dropFirst(base.count) : ""
            return (label + rest, f)
        }
    }

    /// Refuses `--others` when every function is element-wise.
    private func check(_ functions: [Activation]) throws {
        if others != nil, !functions.isEmpty, !functions.contains(where: \.entry.isVector) {
            let names = functions.map(\.entry.name)
            let what = names.count == 1 ? "\(names[0]) is" : "\(names.joined(separator: ", ")) are"
            throw ValidationError("'--others' applies to vector functions only; \(what) element-wise")
        }
    }
}

/// `--json`: JSON instead of text (every subcommand).
struct JSONOption: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}

/// How numbers are printed: `--precision N` and `--json` (plot, compare, eval).
struct NumberOutputOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Significant digits (1-17; default: the shortest text that reads back to the same double).",
            valueName: "N"))
    var precision: Int?

    // The same flag as JSONOption's: a group nested in this one would cost every chart a tenth
    // of its start-up (the argument parser reflects each group type it meets).
    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if let precision, !(1...17).contains(precision) {
            throw ValidationError("'--precision' must be 1 to 17 significant digits, got \(precision)")
        }
    }
}
