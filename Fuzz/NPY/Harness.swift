// libFuzzer harness: `actplot check` reading a hostile dump.
//
// Input: a control byte, then the bytes of a file. The file is written to a scratch path in /tmp
// and checked as the kernel's output (bits 0-1 of the control byte choose bfloat16, float16,
// float8_e4m3fn or float32; bit 2 reads it as --expected table instead; bit 3 as raw bits; bit 4
// as CSV). Every header, element type, length and value must end in a report or one error
// line, never a crash, a hang or unbounded memory.

import ActplotCommand
import Foundation
import FuzzDriver

/// The scratch file, one per process.
let scratch = "/tmp/actplot-fuzz-npy-\(ProcessInfo.processInfo.processIdentifier)"

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzNPY(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let control = data[0]
    let path = scratch + (control & 16 != 0 ? ".csv" : ".npy")
    guard (try? Data(bytes: data + 1, count: size - 1).write(to: URL(fileURLWithPath: path))) != nil else {
        return 0
    }
    let format = ["bf16", "f16", "e4m3", "f32"][Int(control & 3)]
    var arguments = ["check", "sigmoid", "--dtype", format, "--input", path]
    arguments +=
        control & 4 != 0 ? ["--output", path, "--expected", path] : ["--output", path, "--derivative", path]
    if control & 8 != 0 && control & 16 == 0 { arguments += ["--raw-layout", "bits"] }
    var console = Console(environment: ConsoleEnvironment(variables: [:], arguments: arguments))
    _ = Actplot.run(arguments, on: &console)
    try? FileManager.default.removeItem(atPath: path)
    return 0
}

/// The program's entry: SwiftPM links `main` to `<target>_main`.
@_cdecl("FuzzNPY_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzNPY, warmUp: ["\u{0}\u{93}NUMPY\u{1}\u{0}", "\u{10}1\n2\n"])
}
