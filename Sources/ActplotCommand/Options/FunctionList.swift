import ActivationCore
import ActivationPlot

/// The functions of a plot, named, with the families among them: what a run draws and how its
/// legend and title speak of families (`softplus(beta=0.5 … 4)`).
struct FunctionList {
    /// Each function with the name its curves and columns carry.
    let functions: [(name: String, function: Activation)]
    /// The families: runs of functions from one spec with several values.
    let families: [Figure.FamilyGroup]
    /// A title naming each spec once (`softplus(beta=0.5 … 4), relu`), where a family's
    /// members would otherwise each be named.
    let title: String

    /// The functions of `specs`, named by `options` (labels, and the parameters that tell
    /// members apart).
    init(_ specs: [String], options: OthersOption) throws {
        let read = try options.read(specs)
        let functions = OthersOption.named(read)
        var families: [Figure.FamilyGroup] = []
        var parts: [String] = []
        var start = 0
        for (label, members) in read {
            let count = members.count
            if count > 1 {
                let varying = Self.varying(members)
                families.append(Figure.FamilyGroup(functions: start...(start + count - 1), varying: varying))
                let base = label ?? members[0].preset?.qualifiedName ?? members[0].entry.name
                parts.append("\(base)(\(varying.replacingEvery(" = ", with: "=")))")
            } else {
                parts.append(functions[start].name)
            }
            start += count
        }
        self.functions = functions
        self.families = families
        title = parts.joined(separator: ", ")
    }

    /// The parameters that differ between the members, each from the first member's value to
    /// the last's: `beta = 0.5 … 4`, `alpha = 0.01 … 0.3, beta = 1 … 2`.
    static func varying(_ members: [Activation]) -> String {
        guard let first = members.first, let last = members.last else { return "" }
        let names = first.parameters.map(\.name).filter { name in
            Set(members.map { f in f.parameters.first { $0.name == name }.map { "\($0.value)" } ?? "" }).count
                > 1
        }
        return names.map { name in
            let value = { (f: Activation) in
                f.parameters.first { $0.name == name }.map { "\($0.value)" } ?? "?"
            }
            return "\(name) = \(value(first)) … \(value(last))"
        }.joined(separator: ", ")
    }
}

extension String {
    /// The string with every `target` replaced.
    fileprivate func replacingEvery(_ target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
