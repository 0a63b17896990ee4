import ActivationCore
import Foundation
import TestSupport
import Testing

/// The built actplot as a process: what only a real process shows (its streams' terminals and
/// pipes, a locale, a shell pasting a command back), and one run of every command.
@Suite("actplot as a process")
struct ProcessTests {
    /// Every command once, through the binary: status 0, output on stdout, nothing on stderr.
    static let commands: [[String]] = [
        ["relu", "--width", "60", "--height", "15"], ["compare", "relu", "gelu", "--width", "60"],
        ["eval", "gelu", "-1", "0", "1"], ["info", "gelu"], ["list"], ["stats", "gelu"],
        ["precision", "sigmoid", "--dtype", "e5m2"], ["--version"], ["--help"], ["help", "eval"],
    ]

    @Test("each command runs as a process", arguments: commands)
    func smoke(_ arguments: [String]) throws {
        let r = try ActplotProcess.run(arguments, environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0 && r.stderr.isEmpty && !r.stdout.isEmpty, "\(arguments): \(r.stderr)")
        #expect(r.stdout.hasSuffix("\n"))
    }

    @Test("a reader that goes away ends the run quietly: a CSV that would never end, and eval fed forever")
    func readerGoesAway() throws {
        for command in [
            "\"$ACTPLOT_UNDER_TEST\" gelu --format csv --samples 10000000000 | head -n 3; "
                + "echo \"status ${PIPESTATUS[0]}\"",
            "yes 1 | \"$ACTPLOT_UNDER_TEST\" eval gelu - --format csv | head -n 3; echo \"status ${PIPESTATUS[1]}\"",
        ] {
            let r = try ActplotProcess.run(
                ["-c", command],
                environment: ["ACTPLOT_UNDER_TEST": ActplotProcess.executable.path],
                program: URL(fileURLWithPath: "/bin/bash"))
            let lines = r.stdout.split(separator: "\n")
            #expect(lines.count == 4 && r.stderr.isEmpty, "\(command): \(r.stderr)")
            #expect(lines.last == "status 0", "\(lines.last ?? "")")
            #expect(lines.first?.hasPrefix("x,gelu,gelu'") == true)
        }
    }

    @Test(
        "colour: never when piped, always on request, never with --color never; ASCII when the locale is not UTF-8"
    )
    func colourAndLocale() throws {
        let piped = try ActplotProcess.run(
            ["gelu", "--width", "60", "--height", "15"], environment: ["LANG": "C.UTF-8"])
        #expect(!piped.stdout.contains("\u{1B}"))
        let always = try ActplotProcess.run(
            ["gelu", "--color", "always", "--width", "60", "--height", "15"], environment: ["LANG": "C.UTF-8"]
        )
        #expect(always.stdout.contains("\u{1B}[34m"))
        let ascii = try ActplotProcess.run(
            ["gelu", "--width", "60", "--height", "15"],
            environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        #expect(
            ascii.status == 0 && ascii.stdout.utf8.allSatisfy { $0 < 0x80 } && ascii.stdout.contains("gelu'"))
        let flag = try ActplotProcess.run(
            ["gelu", "--ascii", "--width", "60", "--height", "15"], environment: ["LANG": "C.UTF-8"])
        #expect(flag.stdout.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test(
        "PNG, SVG and PDF files: decodable, the requested size, the command in a tEXt chunk; hi-DPI doubles")
    func images() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("gelu.png").path
        #expect(try ActplotProcess.run(["gelu", "-o", png]).status == 0)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(String(decoding: bytes, as: UTF8.self).contains("actplot gelu -o"))
        let hi = try ActplotProcess.run([
            "relu", "--format", "png", "--scale", "2", "--width", "300", "--height", "200",
        ])
        #expect(hi.status == 0)
        // IHDR width and height (big-endian, bytes 16-23) of the image sent to the pipe.
        let header = [UInt8](hi.stdoutData.prefix(24))
        #expect(header.count == 24)
        let size = (0..<2).map { k in header[(16 + 4 * k)..<(20 + 4 * k)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(size == [600, 400])
        let svgPath = directory.appendingPathComponent("plot.svg").path
        #expect(try ActplotProcess.run(["torch.hardsigmoid", "dl4j.hardsigmoid", "-o", svgPath]).status == 0)
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<path") && svg.contains("dl4j.HardSigmoid"))
        // PDF by extension and by --format (to a pipe); a terminal gets a refusal, not bytes.
        let pdfPath = directory.appendingPathComponent("plot.pdf").path
        #expect(try ActplotProcess.run(["gelu", "silu", "-o", pdfPath]).status == 0)
        let pdf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdfPath)))
        #expect(
            Array(pdf.prefix(8)) == Array("%PDF-1.4".utf8) && Array(pdf.suffix(6)) == Array("%%EOF\n".utf8))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/Subject (actplot gelu silu -o "))
        let piped = try ActplotProcess.run(["relu", "--format", "pdf", "--width", "300", "--height", "200"])
        #expect(
            piped.status == 0
                && String(decoding: piped.stdoutData, as: UTF8.self).contains("/MediaBox [0 0 225 150]"))
        // The command in the tEXt chunk is quoted for a shell: pasted back, it draws the same image.
        let quoted = directory.appendingPathComponent("q.png").path
        #expect(try ActplotProcess.run(["x*tanh(x)", "--title", "it's mine", "-o", quoted]).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: quoted))
        let text = String(decoding: first, as: UTF8.self)
        let start = try #require(text.range(of: "actplot "))
        // The chunk's text ends with the output path (the chunk's CRC follows).
        let end = try #require(text.range(of: quoted, range: start.upperBound..<text.endIndex)).upperBound
        let command = String(text[start.lowerBound..<end])
        #expect(command.contains("'x*tanh(x)' --title 'it'\\''s mine'"), "\(command)")
        try FileManager.default.removeItem(atPath: quoted)
        let again = try ActplotProcess.run(
            ["-c", "actplot() { \"$ACTPLOT_UNDER_TEST\" \"$@\"; }; " + command],
            environment: ["ACTPLOT_UNDER_TEST": ActplotProcess.executable.path],
            program: URL(fileURLWithPath: "/bin/sh"))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: quoted)) == first)
        let huge = try ActplotProcess.run(["relu", "--format", "png", "--width", "12000", "--scale", "2"])
        #expect(huge.status == 64 && huge.stderr.contains("too large"))
    }

    @Test("output to a full device fails with status 1")
    func fullDevice() throws {
        let r = try ActplotProcess.run(["relu", "--format", "csv", "-o", "/dev/full"])
        #expect(r.status == 1 && r.stderr.hasPrefix("actplot: error: "))
    }
}

/// A process whose stdout is a full device.
@Suite("actplot as a process: stdout on a full device")
struct FullDeviceTests {
    @Test("an output that cannot be written: exit 1, one line")
    func fullDisk() throws {
        let r = try ActplotProcess.run(["list"], stdoutPath: "/dev/full")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("actplot: error: cannot write the output"), "\(r.stderr)")
    }
}

/// Framework names where a folder or the generated completion scripts tell.
@Suite("framework names in a process: files and completion scripts")
struct FrameworkNameProcessTests {
    @Test(
        "a name of another version, or of another form, answers with what it meant and what to write",
        arguments: [
            (
                "keras.layers.ThresholdedReLU",
                "keras.layers has no activation 'ThresholdedReLU': removed in Keras 3; "
                    + "keras2.layers.ThresholdedReLU is Keras 2's, and keras.layers.ReLU:threshold=1 has its values"
            ),
            (
                "tf.nn.relu_x",
                "tf.nn has no activation 'relu_x': TensorFlow 1's overview of activations names relu_x beside "
                    + "relu and relu6 for a ReLU capped at some X, but tf.nn never had it; relu:max_value=X draws "
                    + "it (tf.nn.relu6 is X = 6)"
            ),
            (
                "tf.keras.activations.hard_sigmoid",
                "tf.keras.activations has no activation 'hard_sigmoid': tf.keras is Keras 2 up to TensorFlow "
                    + "2.15 and Keras 3 from 2.16; write keras2.hard_sigmoid or keras.hard_sigmoid"
            ),
            ("keras2.hard_silu", "keras2 has no activation 'hard_silu': Keras 3 has it: keras.hard_silu"),
            (
                "dl4j.Activation.PRELU",
                "dl4j.Activation has no activation 'PRELU': PReLU is not in the Activation enum; it is the "
                    + "class dl4j.ActivationPReLU"
            ),
        ])
    func versionAnswers(_ spec: String, _ message: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let before = try folder.snapshot()
        for command in [["eval", spec, "0"], [spec, "-o", "never.png"], ["info", spec]] {
            let r = try ActplotProcess.run(command, directory: folder.url)
            #expect(r.status == 64 && r.stdout.isEmpty)
            #expect(r.stderr == "actplot: error: \(message)\n")
        }
        #expect(try folder.snapshot() == before, "a refused plot left a file")
    }

    @Test("shell completions offer every framework's names, DL4J's classes, Caffe's layers and parameters")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try ActplotProcess.run(["--generate-completion-script", shell])
            #expect(r.status == 0)
            for name in [
                "dl4j.ActivationLReLU", "dl4j.PReLU", "dl4j.LEAKYRELU", "ActivationPReLU", "caffe.PReLU",
                "caffe.AbsVal", "torch.LeakyReLU", "keras2.layers.ThresholdedReLU", "jax.swish",
                "torch.LeakyReLU:negative_slope=", "torch.Softplus:threshold=",
                "torch.Hardtanh:min_val=",
                "keras.layers.ReLU:max_value=", "leaky_relu:alpha=", "nalu:w_hat=",
            ] {
                // zsh's _describe reads ':' as the start of a description: its lists escape it.
                let written = shell == "zsh" ? name.replacing(":", with: "\\:") : name
                #expect(r.stdout.contains(written), "\(shell): \(written)")
            }
        }
    }

    /// What bash's completion offers for a command line, from the generated script: its words
    /// as bash splits them (at ':' too), the last one being completed.
    static func bashCompletions(_ words: [String]) throws -> [String] {
        let script = try ActplotProcess.run(["--generate-completion-script", "bash"]).stdout
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actplot-completion-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("actplot.bash")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let driver = """
            source '\(file.path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _actplot "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try ActplotProcess.run(
            ["-c", driver], environment: [:], program: URL(fileURLWithPath: "/bin/bash"))
        #expect(r.status == 0, "bash: \(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("bash completes the default command's options and values, NAME:PARAMETER=, once each")
    func bashCompletion() throws {
        #expect(try Self.bashCompletions(["actplot", "gelu", "--ra"]) == ["--range"])
        #expect(try Self.bashCompletions(["actplot", "gelu", ":", "appro"]) == ["approximate="])
        #expect(
            try Set(Self.bashCompletions(["actplot", "gelu", "--arith", ""])) == [
                "exact", "naive", "opmath", "framework",
            ])
        #expect(
            try Self.bashCompletions(["actplot", "eval", "gelu", "--dtype", "bf"]).sorted() == [
                "bf16", "bfloat16",
            ])
        let first = try Self.bashCompletions(["actplot", "ev"])
        #expect(first.contains("eval"))
        #expect(try Self.bashCompletions(["actplot", "gel"]).contains("gelu"))
        let elu = try Self.bashCompletions(["actplot", "dl4j.ELU", ":", ""])
        #expect(elu == ["alpha="], "\(elu)")
    }

    /// A file holding the generated completion script for `shell`, under `name` in a new folder.
    static func script(_ shell: String, named name: String) throws -> URL {
        let text = try ActplotProcess.run(["--generate-completion-script", shell]).stdout
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actplot-\(shell)-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// What fish's completion offers for a command line (`complete -C`), names only.
    static func fishCompletions(_ line: String) throws -> [String] {
        let file = try script("fish", named: "actplot.fish")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try ActplotProcess.run(
            ["-c", "source '\(file.path)'; complete -C '\(line)'"], environment: [:],
            program: URL(fileURLWithPath: "/usr/bin/fish"))
        #expect(r.status == 0, "fish: \(r.stderr)")
        return r.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
    }

    /// What zsh's completion offers for a command line: an interactive zsh in a pseudo-terminal
    /// (zpty) loads the script through compinit, is sent the line and a Tab, and reports every
    /// match its completion functions add.
    static func zshCompletions(_ line: String) throws -> [String] {
        let file = try script("zsh", named: "_actplot")
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let driver = #"""
            zmodload zsh/zpty
            zpty z zsh -f -i
            zpty -w z 'PROMPT=; fpath=('"$2"' $fpath); autoload -U compinit; compinit -u -D'
            hook='compadd() { local -a hits; builtin compadd -A hits "$@"; builtin compadd "$@";'
            hook+=' local h; for h in $hits; do print -r -- "HIT:$IPREFIX$h"; done }'
            zpty -w z "$hook"
            zpty -w z 'zstyle ":completion:*" menu no; print READY'
            zpty -r z line '*READY*'
            zpty -w -n z "$1"$'\t'
            sleep 1
            zpty -w -n z $'\x03'
            zpty -w z 'print DONE'
            out=""
            while zpty -r -t z line; do out+="$line"; [[ $out == *DONE*DONE* ]] && break; done
            print -r -- "$out" | tr -d '\r' | grep -o 'HIT:[^[:space:]]*' | sed 's/^HIT://' | sort -u
            zpty -d z
            """#
        let r = try ActplotProcess.run(
            ["-f", "-c", driver, "zsh", line, folder.path], environment: [:],
            program: URL(fileURLWithPath: "/usr/bin/zsh"))
        #expect(r.status == 0, "zsh: \(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("fish completes the default command's options and values, NAME:PARAMETER=, once each")
    func fishCompletion() throws {
        #expect(try Self.fishCompletions("actplot gelu --ra") == ["--range"])
        #expect(try Self.fishCompletions("actplot gelu:appro") == ["gelu:approximate="])
        #expect(
            try Set(Self.fishCompletions("actplot gelu --arith ")) == [
                "exact", "naive", "opmath", "framework",
            ])
        #expect(try Self.fishCompletions("actplot eval gelu --dtype bf").sorted() == ["bf16", "bfloat16"])
        let first = try Self.fishCompletions("actplot ")
        #expect(first.contains("eval") && first.contains("gelu") && Set(first).count == first.count)
        #expect(try Self.fishCompletions("actplot dl4j.ELU:") == ["dl4j.ELU:alpha="])
    }

    @Test("zsh completes the default command's options and values, NAME:PARAMETER= whole")
    func zshCompletion() throws {
        #expect(try Self.zshCompletions("actplot gelu --ra") == ["--range"])
        #expect(try Self.zshCompletions("actplot gelu:appro") == ["gelu:approximate="])
        // zsh sorts them.
        #expect(
            try Self.zshCompletions("actplot gelu --arith ") == ["exact", "framework", "naive", "opmath"])
        #expect(try Self.zshCompletions("actplot eval gelu --dtype bf") == ["bf16", "bfloat16"])
        #expect(try Self.zshCompletions("actplot gel") == ["gelu", "gelu:approximate="])
        #expect(try Self.zshCompletions("actplot ev") == ["eval"])
        #expect(try Self.zshCompletions("actplot dl4j.ELU:") == ["dl4j.ELU:alpha="])
    }

    @Test("completion scripts: only bash, zsh and fish, said in one line; --help mentions them")
    func completionShells() throws {
        let r = try ActplotProcess.run(["--generate-completion-script", "powershell"])
        #expect(r.status == 64)
        #expect(
            r.stderr
                == "actplot: error: no completion script for 'powershell': actplot writes them for bash, zsh and "
                + "fish (actplot --generate-completion-script bash)\n")
        #expect(try ActplotProcess.run(["--help"]).stdout.contains("--generate-completion-script"))
    }
}

/// A survey of every float32 input runs for minutes: Ctrl-C must end it at once.
@Suite("Interrupting a long survey")
struct SurveyInterruptTests {
    @Test(
        "SIGINT during precision --dtype f32: exit 130, nothing on stdout or stderr",
        arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) throws {
        let process = Process()
        process.executableURL = ActplotProcess.executable
        process.arguments = ["precision", "sigmoid", "--dtype", "f32", "--arith", "exact"]
        let (output, error) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = error
        try process.run()
        usleep(700_000)
        kill(process.processIdentifier, signal)
        let stop = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stop { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("actplot ignored signal \(signal)")
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        #expect(output.fileHandleForReading.readDataToEndOfFile().isEmpty)
        #expect(error.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }
}
