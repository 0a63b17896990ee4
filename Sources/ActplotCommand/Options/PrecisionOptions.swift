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

    /// The arithmetic asked for, or all three when none is.
    func arithmetics() throws -> [FormatEvaluation.Arithmetic] {
        arith == nil ? FormatEvaluation.Arithmetic.allCases : [try arithmetic()]
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
