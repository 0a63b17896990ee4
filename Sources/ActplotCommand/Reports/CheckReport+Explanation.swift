import ActivationCore

/// `check --explain`: what the textbook formulas give, beside the kernel's wrong results.
extension CheckReport {
    /// The explanation's text: per part, a sentence, a table by region, and where it is wrong.
    func explanationText(_ explanation: CheckExplanation, _ style: TextStyle) -> String {
        guard let formula = explanation.formula else {
            return "\nexplain: \(function) has no textbook formulas to compare with\n"
        }
        var out = "\nexplain: the textbook formulas f = \(formula.value)"
        out += formula.derivative.map { ", f′ = \($0) (y the stored f)" } ?? ", f′ by autograd"
        out += "\n"
        let parts =
            [("f", explanation.value)] + (outcome.derivative == nil ? [] : [("f′", explanation.derivative)])
        for (name, findings) in parts {
            let all = findings.regions[CheckRegion.all.rawValue]
            out += "\n" + sentence(name, all)
            guard all.wrong > 0 else { continue }
            out += "\n"
            var rows = [[name, "wrong", "as naive: all, wrong", "as opmath: all, wrong", "likely cause"]]
            for region in CheckRegion.allCases where findings.regions[region.rawValue].wrong > 0 {
                let c = findings.regions[region.rawValue]
                rows.append([
                    region.name(unicode: style.unicode), "\(c.wrong)",
                    "\(Self.percent(c.naive, of: c.rows)), \(c.wrongNaive)",
                    "\(Self.percent(c.opmath, of: c.rows)), \(c.wrongOpmath)",
                    CheckExplanation.cause(c, in: format.name),
                ])
            }
            out += Table.render(
                rows, title: nil, alignments: [.left, .right, .right, .right, .left],
                maximumWidth: style.width, wrappingLast: true, unicode: style.unicode)
            out += band(name, findings)
        }
        return out
    }

    /// Which arithmetic a part matches more, at how many inputs, and how many wrong results it
    /// explains, as a sentence.
    private func sentence(_ name: String, _ all: CheckExplanation.Counts) -> String {
        guard all.wrong > 0 else { return "\(name): every result is correctly rounded\n" }
        let naive = all.naive >= all.opmath
        let (matches, explained) = naive ? (all.naive, all.wrongNaive) : (all.opmath, all.wrongOpmath)
        let arithmetic =
            naive ? "with every operation in \(format.name)" : "in float32, stored in \(format.name)"
        return
            "\(name) matches the textbook formulas \(arithmetic) at \(Self.percent(matches, of: all.rows)) of "
            + "inputs (\(explained) of its \(all.wrong) wrong results)\n"
    }

    /// Where a part's wrong results lie, on each side of 0.
    private func band(_ name: String, _ findings: CheckExplanation.Findings) -> String {
        var sides: [String] = []
        for (from, to) in [findings.negative, findings.positive] where from <= to {
            sides.append("from \(DecimalText.shortest(from)) to \(DecimalText.shortest(to))")
        }
        return sides.isEmpty ? "" : "\(name) is wrong for x " + sides.joined(separator: " and ") + "\n"
    }

    /// `99.8 %`.
    static func percent(_ n: Int, of total: Int) -> String {
        total == 0 ? "0 %" : number(100 * Double(n) / Double(total), digits: 4) + " %"
    }

    /// The explanation as JSON: `formula`, and per part (`f`, `df`) its regions' counts and causes.
    func explanationJSON(_ explanation: CheckExplanation) -> JSONValue {
        let part = { (findings: CheckExplanation.Findings) -> JSONValue in
            .object(
                CheckRegion.allCases.compactMap { region in
                    let c = findings.regions[region.rawValue]
                    guard c.rows > 0 else { return nil }
                    let count = { (n: Int) in JSONValue.number(Double(n)) }
                    return (
                        region.key,
                        .object([
                            ("rows", count(c.rows)), ("wrong", count(c.wrong)), ("naive", count(c.naive)),
                            ("opmath", count(c.opmath)), ("wrong_naive", count(c.wrongNaive)),
                            ("wrong_opmath", count(c.wrongOpmath)),
                            ("cause", .string(CheckExplanation.cause(c, in: format.name))),
                        ])
                    )
                })
        }
        return .object([
            ("formula", explanation.formula.map { .string($0.value) } ?? .null),
            ("derivative_formula", explanation.formula?.derivative.map(JSONValue.string) ?? .null),
            ("f", part(explanation.value)),
            ("df", outcome.derivative == nil ? .null : part(explanation.derivative)),
        ])
    }
}
