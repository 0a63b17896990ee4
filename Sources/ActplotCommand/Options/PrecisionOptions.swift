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
    func format() throws -> NumberFormat? {
        guard let dtype else {
            if arith != nil || ftz || overflow != nil {
                throw ValidationError("'--arith', '--ftz' and '--overflow' need a format: add --dtype bf16")
            }
            return nil
        }
        guard var format = NumberFormat.named(dtype) else {
            throw ValidationError(
                "unknown format '\(dtype)'; use one of "
                    + NumberFormat.all.map { "\($0.name) (\($0.shortName))" }.joined(separator: ", "))
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
