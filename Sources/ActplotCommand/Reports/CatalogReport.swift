import ActivationCore
import ActivationPlot

/// The catalog (`actplot list`): name, family and formula of every function, with the N(0, 1)
/// gains when asked.
///
/// Its JSON is an array, one object per function: `name`, `family`, `aliases`, `formula`,
/// `parameters` (each as `info` defines them), `vector`, and with the gains `forward_gain`
/// and `backward_gain` (null where the moments diverge).
package struct CatalogReport: Report {
    /// Whether to add each function's gains.
    let gains: Bool

    /// The catalog, with its gains or without.
    package init(gains: Bool) {
        self.gains = gains
    }

    /// The N(0, 1) statistics of a catalog function at its defaults, or nil where they diverge.
    private static func statistics(_ entry: CatalogEntry) -> GaussianStatistics? {
        (try? Activation(entry)).flatMap { try? GaussianStatistics(of: $0) }
    }

    /// The forward and backward gains of a catalog function at its defaults, as text.
    private static func gains(_ entry: CatalogEntry) -> [String] {
        guard let s = statistics(entry) else { return ["—", "—"] }
        return [s.forwardGain, s.backwardGain].map { NumberText.format($0, significantDigits: 6) }
    }

    /// A table, a row per function, and the count.
    package func text(in style: TextStyle) -> String {
        var rows = [["NAME", "FAMILY"] + (gains ? ["GAIN FWD", "GAIN BWD"] : []) + ["FORMULA"]]
        for entry in Catalog.all {
            rows.append(
                [entry.name, entry.family.description] + (gains ? Self.gains(entry) : []) + [entry.formula])
        }
        let footer =
            "\(Catalog.all.count) functions; 'actplot info NAME' shows parameters, framework names and notes.\n"
        let alignments: [Table.Alignment] =
            gains ? [.left, .left, .right, .right, .left] : [.left, .left, .left]
        let note =
            gains ? "gains under Z ~ N(0, 1) at the defaults ('actplot stats NAME' has the rest); " : ""
        let closing = (note + footer).dropLast()
        let lines =
            style.width.map { TextWrap.lines(String(closing), width: Swift.max(20, $0)) } ?? [String(closing)]
        return Table.render(
            rows, title: nil, alignments: alignments, maximumWidth: style.width, wrappingLast: true,
            unicode: style.unicode) + lines.map { $0 + "\n" }.joined()
    }

    /// An array of the functions.
    package var json: JSONValue {
        .array(
            Catalog.all.map { entry in
                var members: [(String, JSONValue)] = [
                    ("name", .string(entry.name)), ("family", .string(entry.family.description)),
                    ("aliases", .array(entry.aliases.map(JSONValue.string))),
                    ("formula", .string(entry.formula)),
                    ("parameters", .array(entry.parameters.map(\.json))), ("vector", .bool(entry.isVector)),
                ]
                if gains {
                    let s = Self.statistics(entry)
                    members += [
                        ("forward_gain", s.map { .number($0.forwardGain) } ?? .null),
                        ("backward_gain", s.map { .number($0.backwardGain) } ?? .null),
                    ]
                }
                return .object(members)
            })
    }
}

/// One framework's activations under its own names (`actplot list --framework NAME`): a row
/// per preset, with a column for each form of name its API has (DL4J's enum constants and
/// classes), what each resolves to and its note.
///
/// Its JSON: `framework`, `description`, and `activations`, each preset as `info` lists it.
package struct FrameworkReport: Report {
    /// The framework.
    let framework: Framework

    /// The report of `framework`.
    package init(_ framework: Framework) {
        self.framework = framework
    }

    /// A table, a row per preset, under a title that counts them.
    package func text(in style: TextStyle) -> String {
        let presets = FrameworkPreset.presets(of: framework)
        let kinds = FrameworkPreset.Spelling.Kind.allCases.filter { kind in
            presets.contains { $0.spelling(kind) != nil }
        }
        var rows = [["NAME"] + kinds.map(Self.heading) + ["IN ACTPLOT", "NOTES"]]
        for preset in presets {
            let spellings = kinds.map { preset.spelling($0) ?? "—" }
            rows.append([preset.qualifiedName] + spellings + [preset.resolution, preset.describedNote])
        }
        var title = "\(framework): \(presets.count) activations"
        let forms = kinds.map { kind in
            let count = presets.filter { $0.spelling(kind) != nil }.count
            let home = framework.home(of: kind).map { $0 + " " } ?? ""
            return "\(count) \(home)\(kind == .enumConstant ? "enum constants" : "classes")"
        }
        if !forms.isEmpty { title += " (\(forms.joined(separator: ", ")))" }
        return Table.render(
            rows, title: title, alignments: Array(repeating: .left, count: rows[0].count),
            maximumWidth: style.width, wrappingLast: true, unicode: style.unicode)
    }

    private static func heading(_ kind: FrameworkPreset.Spelling.Kind) -> String {
        switch kind {
        case .enumConstant: "ENUM"
        case .className: "CLASS"
        }
    }

    /// The framework and its presets.
    package var json: JSONValue {
        .object([
            ("framework", .string(framework.rawValue)), ("description", .string(framework.description)),
            ("activations", .array(FrameworkPreset.presets(of: framework).map(\.json))),
        ])
    }
}
