import Foundation
import Testing

@testable import ActivationCore

/// The README's catalog table and the counts that the README and the DocC landing page quote,
/// checked against the catalog: a function added or changed fails here until its row is right.
///
/// `RECORD_README=1 swift test --filter DocumentationTests` rewrites the table from the catalog
/// (and fails, so that re-recording is always deliberate); counts are fixed by hand.
@Suite("Documentation against the catalog")
struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The table's header; the rows follow it up to the first blank line.
    static let header = "| function | formula | parameters (default) |\n|---|---|---|\n"

    /// A catalog entry as a row of the README's table.
    static func row(_ entry: CatalogEntry) -> String {
        let parameters = entry.parameters.map { parameter -> String in
            switch parameter.kind {
            case .real(let value, _): "\(parameter.name) (\(text(value)))"
            case .choice(let value, let options):
                "\(parameter.name) (\(([value] + options.filter { $0 != value }).joined(separator: " \\| ")))"
            }
        }
        return "| `\(entry.name)` | \(entry.formula.replacingOccurrences(of: "|", with: "\\|")) | "
            + (parameters.isEmpty ? "—" : parameters.joined(separator: ", ")) + " |"
    }

    /// A default as a reader wants it: 1/3 rather than 0.3333333333333333, ∞, a minus sign, and a
    /// long constant cut to five digits.
    static func text(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        var shown = DecimalText.shortest(value)
        if shown.count > 6, let n = (2...12).first(where: { 1 / Double($0) == value }) {
            shown = "1/\(n)"
        } else if shown.count > 8 {
            shown = String(shown.prefix(6)) + "…"
        }
        return shown.replacingOccurrences(of: "-", with: "−")
    }

    @Test("the README's catalog table has one row per function, in catalog order, as the catalog says")
    func readmeTable() throws {
        let readme = try Self.read("README.md")
        let start = try #require(readme.range(of: Self.header), "the README has no catalog table")
        let end = readme[start.upperBound...].range(of: "\n\n")?.lowerBound ?? readme.endIndex
        let table = String(readme[start.upperBound..<end])
        let expected = Catalog.all.map(Self.row).joined(separator: "\n")
        if ProcessInfo.processInfo.environment["RECORD_README"] != nil {
            let updated = readme.replacingCharacters(in: start.upperBound..<end, with: expected)
            try updated.write(
                to: Self.root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            Issue.record("README.md's catalog table was rewritten from the catalog; run the tests again")
            return
        }
        let rows = table.split(separator: "\n").map(String.init)
        #expect(
            rows.count == Catalog.all.count,
            "the table has \(rows.count) rows, the catalog \(Catalog.all.count)")
        for (row, entry) in zip(rows, Catalog.all) {
            #expect(row == Self.row(entry), "expected: \(Self.row(entry))")
        }
    }

    /// The frameworks table's header; the rows follow it up to the first blank line.
    static let frameworksHeader =
        "| framework | what its presets describe | spec prefixes | also written | presets |\n|---|---|---|---|---|\n"

    /// A framework as a row of the README's frameworks table.
    static func row(_ framework: Framework) -> String {
        let prefixes = framework.prefixes.map { "`\($0.path).`" }.joined(separator: ", ")
        let others = Framework.otherNames.filter { $0.value == framework }.keys.sorted().map { "`\($0)`" }
        return "| `\(framework.rawValue)` | \(framework.description) | \(prefixes) | "
            + (others.isEmpty ? "—" : others.joined(separator: ", "))
            + " | \(FrameworkPreset.presets(of: framework).count) |"
    }

    /// The rows after `header` in the README, and a way to write them anew.
    static func table(after header: String, in readme: String) throws -> (
        rows: [String], range: Range<String.Index>
    ) {
        let start = try #require(readme.range(of: header), "the README has no table headed \(header)")
        let end = readme[start.upperBound...].range(of: "\n\n")?.lowerBound ?? readme.endIndex
        let rows = readme[start.upperBound..<end].split(separator: "\n").map(String.init)
        return (rows, start.upperBound..<end)
    }

    @Test("the README's frameworks table has one row per framework, as the presets say")
    func frameworksTable() throws {
        let readme = try Self.read("README.md")
        let (rows, range) = try Self.table(after: Self.frameworksHeader, in: readme)
        let expected = Framework.allCases.map(Self.row)
        if ProcessInfo.processInfo.environment["RECORD_README"] != nil {
            let updated = readme.replacingCharacters(in: range, with: expected.joined(separator: "\n"))
            try updated.write(
                to: Self.root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            Issue.record("README.md's frameworks table was rewritten from the presets; run the tests again")
            return
        }
        #expect(rows == expected)
    }

    /// Every "N functions", "N framework presets" and "N activation functions" in a document.
    static func counts(in text: String, of noun: String) -> [Int] {
        let words = noun.split(separator: " ").joined(separator: "\\s+")
        let pattern = try? NSRegularExpression(pattern: "([0-9][0-9,]*)\\s+\(words)")
        let range = NSRange(text.startIndex..., in: text)
        return (pattern?.matches(in: text, range: range) ?? []).compactMap { match in
            Range(match.range(at: 1), in: text).flatMap {
                Int(text[$0].replacingOccurrences(of: ",", with: ""))
            }
        }
    }

    @Test("the counts the README and the DocC catalog quote are the catalog's")
    func counts() throws {
        let readme = try Self.read("README.md")
        let docc = try Self.read("Sources/ActivationCore/Documentation.docc/ActivationCore.md")
        for (text, noun, count) in [
            (readme, "functions,", Catalog.all.count),
            (readme, "framework presets", FrameworkPreset.all.count),
            (docc, "activation functions", Catalog.all.count),
            (readme, "activations", FrameworkPreset.presets(of: .dl4j).count),
        ] {
            let found = Self.counts(in: text, of: noun)
            #expect(!found.isEmpty, "no count of \(noun)")
            #expect(found.allSatisfy { $0 == count }, "\(noun): \(found), the catalog has \(count)")
        }
        let fixture = ReferenceFixture.shared
        let specs = Self.counts(in: readme, of: "specs")
        let points = Self.counts(in: readme, of: "points from")
        #expect(specs == [fixture.specs.count], "the fixture has \(fixture.specs.count) specs")
        #expect(points == [fixture.rows.values.map(\.count).reduce(0, +)], "the fixture's points")
    }

    @Test("the README's first chart is the one `make samples` made with the binary")
    func firstChart() throws {
        let readme = try Self.read("README.md")
        let sample = try Self.read("Samples/relu_--range_-5_5_--width_80_--height_24.txt")
        let chart = sample.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(
            separator: "\n")
        #expect(
            readme.contains("$ actplot relu --range -5:5\n" + chart), "regenerate: make samples, then copy it"
        )
    }

    @Test("each README gallery caption is the exact command `make samples` runs for its image")
    func galleryCaptions() throws {
        let readme = try Self.read("README.md")
        let makefile = try Self.read("Makefile")
        // IMAGES entries: "FILE ARGUMENTS…".
        var commands: [String: String] = [:]
        for match in makefile.matches(of: #/"([^ "]+\.(?:png|svg|csv)) ([^"]*)"/#) {
            commands[String(match.1)] = String(match.2)
        }
        let gallery = try #require(readme.range(of: "## Gallery"))
        let end = readme[gallery.upperBound...].range(of: "\n## ")?.lowerBound ?? readme.endIndex
        let captions = readme[gallery.upperBound..<end].matches(
            of: #/\]\(Samples/([^)]+)\) `actplot ([^`]*) -o ([^`]+)`/#)
        #expect(captions.count >= 10, "\(captions.count) captioned images")
        for caption in captions {
            let file = String(caption.1)
            #expect(String(caption.3) == file, "\(file)'s caption writes \(caption.3)")
            // The README quotes for the shell what the Makefile passes unquoted.
            let typed = caption.2.replacing("'", with: "")
            #expect(
                commands[file] == String(typed),
                "\(file): README `\(typed)`, Makefile `\(commands[file] ?? "none")`")
        }
    }
}
