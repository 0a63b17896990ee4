import ActivationCore
import ArgumentParser

/// `--dtype NAME --arith MODE --ftz --overflow RULE`: evaluation in a narrow format (eval,
/// precision).
struct PrecisionOptions: ParsableArguments {
    @Option(
        help: .dtype, completion: .numberFormats)
    var dtype: String?

    @Option(
        help: .arith, completion: .arithmetics)
    var arith: String?

    @Option(
        help: ArgumentHelp(
            "With --arith framework, the machine whose dispatch to follow: avx512 (with AVX512-BF16, the "
                + "default) or avx2 (torch's bfloat16 GELU then runs ATen's kernel, not oneDNN's).",
            valueName: "ISA"),
        completion: .list(FrameworkKernel.InstructionSet.allCases.map(\.rawValue)))
    var isa: String?

    @Flag(help: "Flush subnormal results and inputs of the format to zero (FTZ/DAZ).")
    var ftz = false

    @Option(
        help: ArgumentHelp(
            "Past the largest finite value: standard (±∞, or NaN in float8_e4m3fn, as ml_dtypes) or "
                + "saturate (±max).", valueName: "RULE"),
        completion: .overflows)
    var overflow: String?

    /// The format asked for, with its flush and overflow rules, or nil without --dtype.
    /// - Parameter scales: Whether a scale format (float8_e8m0fnu) is accepted (eval, info);
    ///   plots and surveys need an element format.
    func format(scales: Bool = false) throws -> NumberFormat? {
        guard let dtype else {
            if arith != nil || ftz || overflow != nil {
                throw ValidationError("'--arith', '--ftz' and '--overflow' need a format: add --dtype bf16")
            }
            return nil
        }
        guard var format = NumberFormat.named(dtype) else {
            throw ValidationError(
                "unknown format '\(dtype)'; use one of "
                    + (NumberFormat.all + NumberFormat.scales).map { "\($0.name) (\($0.shortName))" }.joined(
                        separator: ", "))
        }
        if format.isScale && !scales {
            throw ValidationError(
                "\(format.name) is a block scale, powers of two without arithmetic: eval, table, check and "
                    + "info --dtype take it; for this, name an element format such as e4m3")
        }
        if format.isScale && arith != nil && arith?.lowercased() != "exact" {
            throw ValidationError(
                "\(format.name) has no arithmetic to round operations in: leave out '--arith \(arith ?? "")'")
        }
        if ftz { format = format.flushingSubnormals }
        switch overflow?.lowercased() {
        case nil, "standard", "nan", "inf": break
        case "saturate", "saturating": format = format.saturating
        default:
            throw ValidationError("'--overflow' must be standard or saturate, got '\(overflow ?? "")'")
        }
        return format
    }

    /// The arithmetic asked for, or the three textbook ones when none is.
    func arithmetics() throws -> [FormatEvaluation.Arithmetic] {
        arith == nil ? FormatEvaluation.Arithmetic.textbook : [try arithmetic()]
    }

    /// The arithmetics asked for, checked against the functions and formats they evaluate:
    /// `--arith framework` needs a framework preset it has a kernel for, in a format it covers,
    /// and takes the framework's own flush and overflow rules (no `--ftz`, no `--overflow`).
    func arithmetics(for functions: [Activation], in formats: [NumberFormat]) throws
        -> [FormatEvaluation.Arithmetic]
    {
        let arithmetics = try arithmetics()
        guard arithmetics.contains(.framework) else { return arithmetics }
        if ftz || overflow != nil {
            let option = ftz ? "--ftz" : "--overflow"
            throw ValidationError(
                "'\(option)' beside '--arith framework': the framework's own rules apply; drop \(option)")
        }
        for function in functions {
            for format in formats {
                if let reason = FrameworkKernel.unsupported(function, format: format) {
                    throw ValidationError(Self.frameworkMessage(reason, function, format))
                }
            }
        }
        return arithmetics
    }

    /// Why `--arith framework` cannot evaluate a function in a format, saying what it covers.
    static func frameworkMessage(
        _ reason: FrameworkKernel.Unsupported, _ function: Activation, _ format: NumberFormat
    )
        -> String
    {
        let names = FrameworkKernel.frameworks.map(\.rawValue)
        let frameworks = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        switch reason {
        case .notAPreset:
            return
                "--arith framework computes a framework preset as the framework does; it covers \(frameworks) "
                + "presets so far (torch.Sigmoid, jax.gelu), not \(function.name)"
        case .format:
            let formats = FrameworkKernel.formats.map(\.shortName).joined(separator: ", ")
            return "--arith framework covers \(formats), not \(format.name)"
        case .noKernel:
            let framework = function.preset?.framework ?? .torch
            return
                "--arith framework has no kernel for \(function.name) (the \(framework.rawValue) presets it covers, "
                + "with \(framework.rawValue)'s own parameters: "
                + FrameworkKernel.covered(framework).joined(separator: ", ") + ")"
        }
    }

    /// ``arithmetic()`` checked as ``arithmetics(for:in:)`` checks it, for one format (or none).
    func arithmetic(for functions: [Activation], in format: NumberFormat?) throws
        -> FormatEvaluation.Arithmetic
    {
        guard let format else { return try arithmetic() }
        return try arithmetics(for: functions, in: [format])[0]
    }

    /// The instruction set `--arith framework` follows (AVX-512 by default); `--isa` needs it.
    func instructionSet() throws -> FrameworkKernel.InstructionSet {
        try Self.instructionSet(isa, framework: try arithmetic() == .framework)
    }

    /// `--isa`'s value checked: a known set, given only beside `--arith framework` (check has
    /// its own options, checked the same way).
    static func instructionSet(_ isa: String?, framework: Bool) throws -> FrameworkKernel.InstructionSet {
        guard let isa else { return .avx512 }
        guard let set = FrameworkKernel.InstructionSet(rawValue: isa.lowercased()) else {
            throw ValidationError("'--isa' must be avx512 or avx2, got '\(isa)'")
        }
        guard framework else {
            throw ValidationError(
                "'--isa' chooses the machine --arith framework follows: add --arith framework")
        }
        return set
    }

    /// A function in a format, with the arithmetic and instruction set asked for, checked.
    func evaluation(of function: Activation, in format: NumberFormat) throws -> FormatEvaluation {
        FormatEvaluation(
            function, format: format, arithmetic: try arithmetic(for: [function], in: format),
            isa: try instructionSet())
    }

    /// The arithmetic asked for (exact by default).
    func arithmetic() throws -> FormatEvaluation.Arithmetic {
        guard let arith else { return .exact }
        guard let mode = FormatEvaluation.Arithmetic(rawValue: arith.lowercased()) else {
            let modes = FormatEvaluation.Arithmetic.allCases.map(\.rawValue)
            throw ValidationError(
                "'--arith' must be \(modes.dropLast().joined(separator: ", ")) or \(modes.last ?? ""), got '\(arith)'"
            )
        }
        return mode
    }
}

extension FormatEvaluation.Arithmetic {
    /// The arithmetics in words, as help lists them: `exact (the true f and f′ at the rounded
    /// input, each rounded once), naive (…), opmath (…)`.
    static var described: String {
        allCases.map { "\($0.rawValue) (\($0.summary(in: "the format")))" }.joined(separator: ", ")
    }
}
