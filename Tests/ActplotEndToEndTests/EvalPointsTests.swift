import ActivationCore
import Foundation
import TestSupport
import Testing

/// eval's points from files and from a pipe, as a shell gives them.
@Suite("eval over many points, from files")
struct EvalPointsFileTests {
    @Test("--points-file reads numbers split by spaces, commas and lines, from a file or stdin")
    func pointsFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("xs.txt")
        try Data("-1, 0.5\n\t2e0\r\n0x1p-2 inf\n".utf8).write(to: file)
        let r = try ActplotProcess.run(["eval", "relu", "--points-file", file.path])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let xs = r.stdout.split(separator: "\n").dropFirst(2).map {
            $0.split(separator: " ").first.map(String.init)
        }
        #expect(xs == ["-1", "0.5", "2", "0.25", "inf"])
        let piped = try ActplotProcess.run(
            ["-c", "printf '3 4' | \"$ACTPLOT_UNDER_TEST\" eval relu --points-file - --json"],
            environment: ["ACTPLOT_UNDER_TEST": ActplotProcess.executable.path],
            program: URL(fileURLWithPath: "/bin/sh"))
        let o = try #require(try parseJSON(piped.stdout) as? [String: Any])
        #expect((o["points"] as? [[String: Any]])?.compactMap { $0["value"] as? Double } == [3, 4])
    }

    @Test(
        "--points-file's errors: a missing file or a directory exits 1, no points or a bad one 64",
        arguments: [
            ("missing.txt", Int32(1), "cannot read 'missing.txt': No such file or directory"),
            (".", Int32(1), "cannot read '.': Is a directory"),
            ("empty.txt", Int32(64), "'empty.txt' holds no points"),
            ("bad.txt", Int32(64), "'x' at line 1, column 3 of 'bad.txt' is not a number"),
        ])
    func pointsFileErrors(_ name: String, _ status: Int32, _ message: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Data(" \n".utf8).write(to: folder.url.appendingPathComponent("empty.txt"))
        try Data("1 x 2".utf8).write(to: folder.url.appendingPathComponent("bad.txt"))
        let r = try ActplotProcess.run(["eval", "relu", "--points-file", name], directory: folder.url)
        #expect(r.status == status && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: \(message)"), "\(r.stderr)")
        let both = try ActplotProcess.run(
            ["eval", "relu", "1", "--points-file", "bad.txt"], directory: folder.url)
        #expect(both.status == 64 && both.stderr.contains("one of them"))
    }
}
