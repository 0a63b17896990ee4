import ActivationCore

/// How a resolved function is named at the head of a report: its title line and the JSON
/// members that identify it.
package struct FunctionDescription {
    /// The function.
    package let function: Activation

    /// The description of `function`.
    package init(_ function: Activation) {
        self.function = function
    }

    /// `gelu(approximate=tanh)`, or `torch.LeakyReLU = leaky_relu(alpha=0.01), f′ at corners: exclusive`.
    package var title: String {
        let f = function
        let parameters = f.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
        var title = f.entry.name + (parameters.isEmpty ? "" : "(\(parameters))")
        if Catalog.entry(named: f.entry.name) != f.entry && !parameters.isEmpty {
            // A framework's own layer (caffe.Power): its formula, which no catalog name stands for.
            title = f.entry.formula.replacing(#/^f\(x\) = /#, with: "") + " with \(parameters)"
        }
        if let preset = f.preset { title = "\(preset.qualifiedName) = \(title)" }
        if f.entry.hasKinks { title += "; corners: \(f.kink.rawValue)" }
        if f.entry.isVector {
            title +=
                "; output 0 with other inputs [\(f.others.map(DecimalText.shortest).joined(separator: ", "))]"
        }
        return title
    }

    /// The JSON members that identify the function: `function` (the catalog name),
    /// `parameters` (every value, defaults included), `preset` (a framework's name, when it
    /// came from one), `kink` (the corner rule, for a piecewise function) and `others` (a
    /// vector function's fixed inputs).
    package var header: [(String, JSONValue)] {
        let f = function
        var members: [(String, JSONValue)] = [
            ("function", .string(f.entry.name)),
            ("parameters", .object(f.parameters.map { ($0.name, $0.value.json) })),
        ]
        if let preset = f.preset { members.append(("preset", .string(preset.qualifiedName))) }
        if f.entry.hasKinks { members.append(("kink", .string(f.kink.rawValue))) }
        if f.entry.isVector { members.append(("others", .array(f.others.map(JSONValue.number)))) }
        return members
    }
}

/// How a framework's preset is described: its note and its JSON.
extension FrameworkPreset {
    /// The note after the framework's parameter names: `negative_slope is alpha; …`.
    var describedNote: String {
        let renamed = entry.parameters.compactMap { parameter in
            parameterNames[parameter.name].map { "\($0) is \(parameter.name)" }
        }
        return (renamed + (note.map { [$0] } ?? [])).joined(separator: "; ")
    }

    /// `leaky_relu(alpha=0.3), corners inclusive`, or for a function outside the catalog its
    /// formula, `(shift + scale*x)^power (power=1, scale=1, shift=0)`: what the preset resolves to.
    var resolution: String {
        let order = entry.parameters.map(\.name)
        let values = order.compactMap { name in parameters[name].map { "\(name)=\($0)" } }
        let inCatalog = Catalog.entry(named: function) == entry
        let formula = entry.formula.replacing(#/^f\(x\) = /#, with: "")
        var text =
            inCatalog
            ? function + (values.isEmpty ? "" : "(\(values.joined(separator: ", ")))")
            : formula + (values.isEmpty ? "" : " (\(values.joined(separator: ", ")))")
        if entry.hasKinks {
            text += ", corners \(kink.rawValue)"
        }
        return text
    }

    /// The preset as JSON: `name`, `spelling`, `aliases`, `spellings` (its names in other forms,
    /// by kind), `function` (the catalog function), `parameters` (the framework's defaults),
    /// `kink`, `parameter_names` (the framework's names, where they differ) and `note`.
    var json: JSONValue {
        let order = entry.parameters.map(\.name)
        var members: [(String, JSONValue)] = [
            ("name", .string(qualifiedName)), ("spelling", .string(name)),
            ("aliases", .array(aliases.map(JSONValue.string))),
            ("spellings", .object(spellings.map { ($0.kind.rawValue, .string($0.text)) })),
            ("function", .string(function)),
            (
                "parameters",
                .object(order.compactMap { name in parameters[name].map { (name, $0.json) } })
            ),
            ("kink", .string(kink.rawValue)),
        ]
        let renamed = order.compactMap { name in
            parameterNames[name].map { (name, JSONValue.string($0)) }
        }
        if !renamed.isEmpty { members.append(("parameter_names", .object(renamed))) }
        if let note { members.append(("note", .string(note))) }
        return .object(members)
    }
}

extension Parameter {
    /// The parameter as JSON: `name`, `default`, `domain` (a real's) or `options` (a
    /// choice's), and `summary`.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("default", defaultValue.json)]
        switch kind {
        case .real(_, let domain): members.append(("domain", .string(domain.description)))
        case .choice(_, let options): members.append(("options", .array(options.map(JSONValue.string))))
        }
        members.append(("summary", .string(summary)))
        return .object(members)
    }
}

extension NumberText {
    /// A number for reports' prose: `digits` significant digits, −0 as 0, infinities as +∞
    /// and −∞ (which ASCII output spells +inf and -inf).
    static func described(_ value: Double, digits: Int) -> String {
        guard !value.isInfinite else { return value < 0 ? "−∞" : "+∞" }
        return NumberText.format(value + 0, significantDigits: digits)
    }
}
