import ActivationCore
import ActivationPlot
import ArgumentParser

/// How a resolved function is named in tables and JSON.
enum Describe {
    /// `gelu(approximate=tanh)`, or `torch.LeakyReLU = leaky_relu(alpha=0.01), f′ at corners: exclusive`.
    static func title(_ f: Activation) -> String {
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

    /// A number for descriptions: `digits` significant digits, −0 as 0, infinities as +∞ and −∞
    /// (info's and stats' words, which ASCII output spells +inf and -inf).
    static func number(_ value: Double, digits: Int) -> String {
        guard !value.isInfinite else { return value < 0 ? "−∞" : "+∞" }
        return NumberText.format(value + 0, significantDigits: digits)
    }

    /// A preset's note, after the framework's parameter names: `negative_slope is alpha; …`.
    static func note(_ preset: FrameworkPreset) -> String {
        let renamed = preset.entry.parameters.compactMap { parameter in
            preset.parameterNames[parameter.name].map { "\($0) is \(parameter.name)" }
        }
        return (renamed + (preset.note.map { [$0] } ?? [])).joined(separator: "; ")
    }

    /// A framework preset as JSON: its names, the catalog function, defaults, corner rule, note.
    static func json(_ preset: FrameworkPreset) -> JSONValue {
        let order = preset.entry.parameters.map(\.name)
        var members: [(String, JSONValue)] = [
            ("name", .string(preset.qualifiedName)), ("spelling", .string(preset.name)),
            ("aliases", .array(preset.aliases.map(JSONValue.string))),
            ("spellings", .object(preset.spellings.map { ($0.kind.rawValue, .string($0.text)) })),
            ("function", .string(preset.function)),
            (
                "parameters",
                .object(order.compactMap { name in preset.parameters[name].map { (name, $0.json) } })
            ),
            ("kink", .string(preset.kink.rawValue)),
        ]
        let renamed = order.compactMap { name in
            preset.parameterNames[name].map { (name, JSONValue.string($0)) }
        }
        if !renamed.isEmpty { members.append(("parameter_names", .object(renamed))) }
        if let note = preset.note { members.append(("note", .string(note))) }
        return .object(members)
    }

    /// The JSON members that identify the function: name, parameters, preset, corner rule.
    static func header(_ f: Activation) -> [(String, JSONValue)] {
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
