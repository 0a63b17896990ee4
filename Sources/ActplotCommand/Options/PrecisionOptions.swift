import ActivationCore
import ArgumentParser

/// `--dtype NAME --arith MODE --ftz --overflow RULE`: evaluation in a narrow format (eval,
/// precision).
struct PrecisionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Evaluate in a format: float64, float32, bfloat16, float16, float8_e4m3fn, float8_e5m2 "
                + "(or f64, f32, bf16, f16, e4m3, e5m2).", valueName: "NAME"))
    var dtype: String?

    @Option(
        help: ArgumentHelp(
            "exact (the true value rounded once; default), naive (textbook formulas, every operation "
                + "in the format) or opmath (textbook formulas in float32, input and output in the format).",
            valueName: "MODE"))
    var arith: String?

    @Flag(help: "Flush subnormal results and inputs of the format to zero (FTZ/DAZ).")
    var ftz = false

    @Option(
        help: ArgumentHelp(
            "Past the largest finite value: standard (±∞, or NaN in float8_e4m3fn, as ml_dtypes) or "
                + "saturate (±max).", valueName: "RULE"))
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
            throw ValidationError("'--arith' must be exact, naive or opmath, got '\(arith)'")
        }
        return mode
    }
}
