import ActivationCore

/// A number format and its conversion rules (`actplot info --dtype NAME`), with, for a
/// function, where it breaks in the format (a ``SurveyReport``).
///
/// Its JSON: `dtype`, `bits`, `exponent_bits`, `fraction_bits`, `bias`, `infinities`,
/// `largest_finite`, `overflow_threshold` (where rounding leaves the finite values),
/// `smallest_normal`, `smallest_subnormal`, `overflow` (standard or saturate), `ftz`, `rules`
/// (the text's lines), and with a function `function` … `surveys` as ``SurveyReport`` has them.
package struct NumberFormatReport: Report {
    /// The format, with its overflow and flush rules.
    let format: NumberFormat
    /// Where a function breaks in it, if one was given.
    let survey: SurveyReport?

    /// The report of `format`, and of a function in it.
    package init(_ format: NumberFormat, survey: SurveyReport? = nil) {
        self.format = format
        self.survey = survey
    }

    /// The conversion rules, a line each.
    var rules: [String] {
        let f = format
        let n = { (v: Double) in DecimalText.shortest(v) }
        let largest = n(f.greatestFiniteMagnitude)
        if f.isScale { return scaleRules }
        var lines = [
            "\(f.bitWidth) bits: sign, \(f.exponentBits) exponent (bias \(f.bias)), \(f.fractionBits) fraction; "
                + "\(f.fractionBits + 1) significant bits",
            "largest finite \(largest), smallest normal \(n(f.leastNormalMagnitude)) (2^\(f.minimumExponent)), "
                + "smallest subnormal \(n(f.leastNonzeroMagnitude)) (2^\(f.minimumExponent - f.fractionBits))",
            "from float64: round to nearest, ties to even, once (no intermediate format)",
        ]
        let saturates = f.overflow == .saturate
        switch f.encoding {
        case .ieee:
            lines.append(
                "past the largest finite value (from max + ½ ulp): "
                    + (saturates ? "±\(largest), saturating" : "±∞; NaN stays NaN (quiet, canonical pattern)")
            )
        case .finiteNaNAtAllOnes:
            let ones = { (count: Int) in String(repeating: "1", count: count) }
            lines.append(
                "no infinities: the top exponent holds values up to \(largest); "
                    + "only S.\(ones(f.exponentBits)).\(ones(f.fractionBits)) is NaN")
            let past =
                "past \(largest) (from \(n(f.overflowThreshold)), the midpoint to the NaN pattern) and ±∞: "
            lines.append(
                past
                    + (saturates
                        ? "±\(largest), saturating (--overflow saturate)"
                        : "NaN, as ml_dtypes converts (--overflow saturate gives ±\(largest))"))
        case .finiteNaNAtNegativeZero:
            let zeros = String(repeating: "0", count: f.bitWidth - 1)
            lines.append(
                "no infinities and no −0: every pattern is a value up to \(largest), but 1\(zeros) "
                    + "(where −0 would be), the one NaN; −0 becomes +0 (exponent bias \(f.bias))")
            lines.append(
                "past \(largest) (from \(n(f.overflowThreshold))) and ±∞: "
                    + (saturates
                        ? "±\(largest), saturating (--overflow saturate)"
                        : "NaN, as ml_dtypes converts (--overflow saturate gives ±\(largest))"))
        case .exponentOnly:
            break
        case .finite:
            lines.append(
                "no infinities and no NaN: every pattern is a value up to \(largest); past it and ±∞ saturate "
                    + "to ±\(largest), and NaN becomes −0, as ml_dtypes converts")
        }
        lines.append(
            f.flushesSubnormals
                ? "flush to zero: subnormal results and inputs become zeros of their sign (FTZ/DAZ)"
                : "subnormals kept (--ftz flushes subnormal results and inputs to zeros of their sign)")
        return lines
    }

    /// The rules of a scale format (float8_e8m0fnu), a line each.
    private var scaleRules: [String] {
        let f = format
        let n = { (v: Double) in DecimalText.shortest(v) }
        return [
            "\(f.bitWidth) bits: \(f.exponentBits) exponent (bias \(f.bias)), no sign, no fraction: "
                + "the powers of two 2^\(f.minimumExponent) (0x00) to 2^\(f.maximumExponent) (0xFE), NaN at 0xFF; no zero",
            "a block scale (OCP MX): eval, table and check take it; it has no arithmetic to plot or survey",
            "from float64: the nearer power in linear space, ties up (1.5 → 2, 3 → 4, 0.75 → 1), as ml_dtypes",
            "below 2^\(f.minimumExponent): 2^\(f.minimumExponent); 0, negatives, NaN and ±∞: NaN",
            "from \(n(f.overflowThreshold)) (1.5 · 2^\(f.maximumExponent)) up: "
                + (f.overflow == .saturate
                    ? "2^\(f.maximumExponent), saturating" : "NaN, as ml_dtypes converts"),
        ]
    }

    /// The format's name, its rules indented, and the survey's tables after a blank line.
    package func text(in style: TextStyle) -> String {
        "\(format)\n" + rules.map { "  " + $0 + "\n" }.joined()
            + (survey.map { "\n" + $0.text(in: style) } ?? "")
    }

    /// The format's fields and rules, then the survey's members.
    package var json: JSONValue {
        let f = format
        var members: [(String, JSONValue)] = [
            ("dtype", .string(f.name)), ("bits", .number(Double(f.bitWidth))),
            ("exponent_bits", .number(Double(f.exponentBits))),
            ("fraction_bits", .number(Double(f.fractionBits))), ("bias", .number(Double(f.bias))),
            ("infinities", .bool(f.hasInfinity)), ("largest_finite", .number(f.greatestFiniteMagnitude)),
            ("overflow_threshold", .number(f.overflowThreshold)),
            ("smallest_normal", .number(f.leastNormalMagnitude)),
            ("smallest_subnormal", .number(f.leastNonzeroMagnitude)),
            ("overflow", .string(f.overflow.rawValue)), ("ftz", .bool(f.flushesSubnormals)),
            ("rules", .array(rules.map(JSONValue.string))),
        ]
        if case .object(let survey)? = survey?.json { members += survey }
        return .object(members)
    }
}
