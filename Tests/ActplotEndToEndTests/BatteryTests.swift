import Foundation
import TestSupport
import Testing

/// The bad-input battery: hostile arguments across every subcommand.
///
/// Each runs in a folder that already holds the files it names, and must exit 64 (usage) or 1 (I/O) with one
/// `actplot: error:` line, print nothing on stdout, and leave the folder exactly as it was.
@Suite("Bad-input battery")
struct BatteryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        var testDescription: String {
            let text = arguments.joined(separator: " ")
            return text.count > 80 ? "\(text.prefix(60))… (\(text.count) characters)" : text
        }
        init(_ arguments: [String], _ status: Int32 = 64) {
            self.arguments = arguments
            self.status = status
        }
    }

    /// 128 KiB, the most Linux passes in one argument; several of them make a megabyte.
    static let huge = String(repeating: "7", count: 131_000)
    static let deep = String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
    static let manyEntries = (0..<60_000).map { _ in "1" }.joined(separator: ",") + ",x"

    static let cases: [Case] = [
        // Names, presets, parameters.
        Case(["relu:alpha=1"]), Case(["leaky_relu:alpha"]), Case(["leaky_relu:=0.2"]),
        Case(["leaky_relu:alpha=0.1,alpha=0.2"]), Case(["leaky_relu:alpha=nan"]),
        Case(["leaky_relu:alpha=inf"]), Case(["elu:alpha=1e999"]), Case(["torch."]), Case([".relu"]),
        Case(["keras.layers."]), Case(["torch.relu:alpha=0.1"]), Case(["compare", "relu"]),
        Case(["compare"]), Case(["info", "relu", "gelu"]),
        Case(["list", "--framework", ""]),
        // Formulas.
        Case(["x +"]), Case(["2*"]), Case(["sin(x"]), Case(["x)"]), Case(["nosuch(x)"]), Case(["y*2"]),
        Case(["x^^2"]), Case(["gelu(x, x)"]), Case([deep]), Case(["x²"]), Case(["0 < x < 1"]),
        Case(["x > 0 ? x"]), Case(["where(x > 0, x)"]), Case(["leaky_relu(x, alpha=1, alpha=2)"]),
        Case(["x ? : 1"]), Case(["eval", "clamp(x, 1)", "1"]),
        Case(["eval", String(repeating: "x+", count: 6000) + "x", "1"]),
        // Numbers.
        Case(["eval", "relu", "1e999x"]), Case(["eval", "relu", "0x"]), Case(["eval", "relu", "--", "--1"]),
        Case(["eval", "relu", "1", "--precision", "nan"]), Case(["relu", "--width", "nan"]),
        Case(["relu", "--width", "-80"]), Case(["relu", "--height", "1e9"]),
        Case(["relu", "--scale", "0"]), Case(["relu", "--scale", "nan", "--format", "png"]),
        Case(["relu", "--scale", "100", "--format", "png"]),
        Case(["relu", "--format", "png", "--width", "20", "--height", "20", "--scale", "0.25"]),
        Case(["relu", "--mark", "nan"]), Case(["relu", "--mark", "1e300"]), Case(["relu", "--mark", "x"]),
        Case(["relu", "--range", "1e-320:1e-321"]), Case(["relu", "--range", ":"]),
        Case(["relu", "--range", "0:1:2"]), Case(["relu", "--samples", "2.5"]),
        Case(["relu", "--samples", "18446744073709551616"]), Case(["relu", "--step", "inf"]),
        Case(["relu", "--step", "nan"]), Case(["relu", "--format", "csv", "--step", "1e-10"]),
        Case(["relu", "--layout", "diagonal", "gelu"]),
        // Sizes that grow with input.
        Case(["eval", "relu", huge + "x"]), Case([huge]), Case(["eval", "softmax", "--vector", manyEntries]),
        Case(["eval", "relu"] + (0..<8).map { _ in huge + "x" }),
        // Outputs: missing folders, directories, devices, read-only places.
        Case(["relu", "-o", "missing/plot.csv"], 1), Case(["relu", "-o", "."]),
        Case(["relu", "-o", "folder"]),
        Case(["relu", "-o", "folder/"]), Case(["relu", "-o", "/proc/self/nope.png"], 1),
        Case(["relu", "-o", "/dev/full", "--format", "svg"], 1),
        Case(["relu", "-o", "keep.csv", "--samples", "0"]),
        Case(["relu", "-o", "keep.csv", "--range", "2:1"]), Case(["gleu", "-o", "keep.csv"]),
        Case(["relu", "-o", "keep.png", "--width", "99999"]), Case(["relu", "-o", "keep.tx"]),
        Case(["compare", "relu", "gelu", "--json", "--format", "csv", "-o", "keep.csv", "--samples", "1"]),
    ]

    @Test("each bad input: one error line, nothing on stdout, the folder untouched", arguments: cases)
    func battery(_ c: Case) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let before = try folder.snapshot()
        let r = try ActplotProcess.run(c.arguments, directory: folder.url)
        #expect(r.status == c.status, "\(r.stderr.prefix(300))")
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(r.stderr.hasPrefix("actplot: error: "), "\(r.stderr.prefix(300))")
        #expect(lines.count(where: { $0.hasPrefix("actplot:") }) == 1, "\(r.stderr.prefix(300))")
        // A formula's error adds the formula and a caret under the fault; nothing else may.
        #expect(
            lines.count == 1 || (lines.count == 3 && lines[2].trimmingCharacters(in: .whitespaces) == "^"))
        #expect(
            lines.allSatisfy { $0.count <= 400 },
            "an error line of \(lines.map(\.count).max() ?? 0) characters")
        #expect(try folder.snapshot() == before, "the folder changed")
    }

    @Test("invalid UTF-8 in a name, a formula and a number")
    func invalidUTF8() throws {
        for arguments in [
            #"eval "$(printf 're\377lu')" 1"#, #""$(printf 'x*\300\200')""#,
            #"eval relu "$(printf '1\376')""#,
        ] {
            let r = try ActplotProcess.runInShell(arguments)
            #expect(
                r.status == 64 && r.stdout.isEmpty && r.stderr.hasPrefix("actplot: error: "), "\(arguments)")
        }
    }

    @Test("a full disk: exit 1, the old file intact, no temporary left", .enabled(if: Folder.canMountTmpfs))
    func fullDisk() throws {
        let folder = try Folder(tmpfsKiB: 64)
        defer { folder.remove() }
        let before = try folder.snapshot()
        let r = try ActplotProcess.run(
            ["gelu", "--format", "csv", "--samples", "100000", "-o", "keep.csv"], directory: folder.url)
        #expect(r.status == 1 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("actplot: error: cannot write 'keep.csv'"), "\(r.stderr)")
        #expect(try folder.snapshot() == before)
    }

    @Test(
        "SIGINT or SIGTERM during a long CSV write: the old file intact, the temporary removed",
        arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let before = try folder.snapshot()
        let process = Process()
        process.executableURL = ActplotProcess.executable
        process.arguments = ["gelu", "--format", "csv", "--samples", "1000000000", "-o", "keep.csv"]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary file is being written, then interrupt.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline,
            try !FileManager.default.contentsOfDirectory(atPath: folder.url.path).contains(where: {
                $0.hasPrefix(".keep.csv.actplot-")
            })
        {
            usleep(10_000)
        }
        usleep(100_000)
        kill(process.processIdentifier, signal)
        let stop = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stop { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("actplot ignored signal \(signal)")
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        #expect(try folder.snapshot() == before, "the folder changed")
    }
}

/// A scratch folder holding files a bad command could damage: keep.csv, keep.png, keep.txt
/// and a sub-folder.
struct Folder {
    let url: URL
    let mounted: Bool

    init(tmpfsKiB: Int? = nil) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("actplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        mounted = tmpfsKiB != nil
        if let size = tmpfsKiB {
            let mount = Process()
            mount.executableURL = URL(fileURLWithPath: "/bin/mount")
            mount.arguments = ["-t", "tmpfs", "-o", "size=\(size)k", "tmpfs", url.path]
            try mount.run()
            mount.waitUntilExit()
            guard mount.terminationStatus == 0 else { throw TestFailure("cannot mount a tmpfs") }
        }
        for (name, text) in [
            ("keep.csv", "x,old\n1,2\n"), ("keep.png", "not really a png"), ("keep.txt", "old"),
        ] {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("folder"), withIntermediateDirectories: false)
    }

    /// Every name in the folder with its contents.
    func snapshot() throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            contents[name] = (try? Data(contentsOf: url.appendingPathComponent(name))) ?? Data()
        }
        return contents
    }

    func remove() {
        if mounted {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [url.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Whether this machine lets the tests mount a small tmpfs (root on Linux).
    static let canMountTmpfs: Bool = {
        guard getuid() == 0, let folder = try? Folder(tmpfsKiB: 16) else { return false }
        folder.remove()
        return true
    }()
}
