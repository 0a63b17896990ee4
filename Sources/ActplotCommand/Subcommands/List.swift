import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot list`: the catalog, or what one framework has under its own names.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the catalog, or one framework's activations under its own names.",
            discussion: """
                Examples:
                  actplot list
                  actplot list --framework torch
                  actplot list --framework dl4j --json
                """
        )

        @Option(help: ArgumentHelp("torch, jax, keras, keras2, tf, dl4j or caffe.", valueName: "NAME"))
        var framework: String?

        @Flag(help: "Add each function's N(0, 1) gains (forward 1/√E[f²], backward 1/√E[f′²]).")
        var stats = false

        @OptionGroup var output: JSONOption

        func run() throws {
            if let framework {
                let resolved = try Framework(named: framework)
                try output.json
                    ? writeToStandardOutput(presetsJSON(resolved)) : writeText(presetsTable(resolved))
            } else {
                try output.json ? writeToStandardOutput(catalogJSON()) : writeText(catalogTable())
            }
        }

        /// The N(0, 1) forward and backward gains of a catalog function at its defaults, as text.
        private static func gains(_ entry: CatalogEntry) -> [String] {
            guard let f = try? Catalog.activation(entry.name), let s = try? GaussianStatistics(of: f) else {
                return ["—", "—"]
            }
            return [s.forwardGain, s.backwardGain].map { NumberText.format($0, significantDigits: 6) }
        }

        private func catalogTable() -> String {
            var rows = [["NAME", "FAMILY"] + (stats ? ["GAIN FWD", "GAIN BWD"] : []) + ["FORMULA"]]
            for entry in Catalog.all {
                rows.append(
                    [entry.name, entry.family.description] + (stats ? Self.gains(entry) : []) + [
                        entry.formula
                    ])
            }
            let footer =
                "\(Catalog.all.count) functions; 'actplot info NAME' shows parameters, framework names and notes.\n"
            let alignments: [Table.Alignment] =
                stats ? [.left, .left, .right, .right, .left] : [.left, .left, .left]
            let gains =
                stats ? "gains under Z ~ N(0, 1) at the defaults ('actplot stats NAME' has the rest); " : ""
            return Table.render(rows, title: nil, alignments: alignments) + gains + footer
        }

        private func catalogJSON() -> String {
            let entries: [JSONValue] = Catalog.all.map { entry in
                .object(
                    [
                        ("name", .string(entry.name)), ("family", .string(entry.family.description)),
                        ("aliases", .array(entry.aliases.map(JSONValue.string))),
                        ("formula", .string(entry.formula)),
                        ("parameters", .array(entry.parameters.map(Self.parameterJSON))),
                        ("vector", .bool(entry.isVector)),
                    ] + (stats ? Self.gainsJSON(entry) : []))
            }
            return JSONValue.array(entries).text() + "\n"
        }

        /// The gains as JSON members (null where the moments diverge).
        private static func gainsJSON(_ entry: CatalogEntry) -> [(String, JSONValue)] {
            let s = (try? Catalog.activation(entry.name)).flatMap { try? GaussianStatistics(of: $0) }
            return [
                ("forward_gain", s.map { .number($0.forwardGain) } ?? .null),
                ("backward_gain", s.map { .number($0.backwardGain) } ?? .null),
            ]
        }

        static func parameterJSON(_ parameter: Parameter) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("name", .string(parameter.name)), ("default", parameter.defaultValue.json),
            ]
            switch parameter.kind {
            case .real(_, let domain): members.append(("domain", .string(domain.description)))
            case .choice(_, let options): members.append(("options", .array(options.map(JSONValue.string))))
            }
            members.append(("summary", .string(parameter.summary)))
            return .object(members)
        }

        /// A framework's presets, a row each; a column for each form of name its API has besides
        /// the preset's own (DL4J's enum constants and classes), "—" where a preset has none.
        private func presetsTable(_ framework: Framework) -> String {
            let presets = FrameworkPreset.presets(of: framework)
            let kinds = FrameworkPreset.Spelling.Kind.allCases.filter { kind in
                presets.contains { $0.spelling(kind) != nil }
            }
            var rows = [["NAME"] + kinds.map(Self.heading) + ["IN ACTPLOT", "NOTES"]]
            for preset in presets {
                let spellings = kinds.map { preset.spelling($0) ?? "—" }
                rows.append(
                    [preset.qualifiedName] + spellings + [Self.resolution(preset), Describe.note(preset)])
            }
            var title = "\(framework): \(presets.count) activations"
            let forms = kinds.map { kind in
                let count = presets.filter { $0.spelling(kind) != nil }.count
                let home = framework.home(of: kind).map { $0 + " " } ?? ""
                return "\(count) \(home)\(kind == .enumConstant ? "enum constants" : "classes")"
            }
            if !forms.isEmpty { title += " (\(forms.joined(separator: ", ")))" }
            return Table.render(rows, title: title, alignments: Array(repeating: .left, count: rows[0].count))
        }

        private static func heading(_ kind: FrameworkPreset.Spelling.Kind) -> String {
            switch kind {
            case .enumConstant: "ENUM"
            case .className: "CLASS"
            }
        }

        /// `leaky_relu(alpha=0.3), corners inclusive`, or for a function outside the catalog its
        /// formula, `(shift + scale*x)^power (power=1, scale=1, shift=0)`: what a preset resolves to.
        static func resolution(_ preset: FrameworkPreset) -> String {
            let order = preset.entry.parameters.map(\.name)
            let parameters = order.compactMap { name in preset.parameters[name].map { "\(name)=\($0)" } }
            let inCatalog = Catalog.entry(named: preset.function) == preset.entry
            let formula = preset.entry.formula.replacing(#/^f\(x\) = /#, with: "")
            var text =
                inCatalog
                ? preset.function + (parameters.isEmpty ? "" : "(\(parameters.joined(separator: ", ")))")
                : formula + (parameters.isEmpty ? "" : " (\(parameters.joined(separator: ", ")))")
            if preset.entry.hasKinks {
                text += ", corners \(preset.kink.rawValue)"
            }
            return text
        }

        private func presetsJSON(_ framework: Framework) -> String {
            let presets = FrameworkPreset.presets(of: framework).map(Describe.json)
            return JSONValue.object([
                ("framework", .string(framework.rawValue)), ("description", .string(framework.description)),
                ("activations", .array(presets)),
            ]).text() + "\n"
        }
    }
}
