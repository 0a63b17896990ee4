// libFuzzer harness: the whole command line, in process, through the ActplotCommand library.
//
// Input: arguments separated by NUL or newline bytes. Every subcommand, option and value is
// parsed and run as `actplot` would, on a console in memory (stdout, stderr and an empty stdin),
// errors included. Arguments that name output files are dropped (a fuzzer must not write
// files), and inputs that only ask for a lot of work (more than 100,000 samples, images over
// 1000 pixels a side) are skipped: their limits are checked by the test battery.

import ActivationCore
import ActplotCommand
import FuzzDriver

/// Whether the arguments only ask for more work than a fuzzing run can afford.
func tooCostly(_ arguments: [String]) -> Bool {
    var range = 10.0
    for (option, value) in zip(arguments, arguments.dropFirst()) where option == "--range" {
        let bounds = value.split(separator: ":").compactMap { Double($0.trimmingWhitespace) }
        if bounds.count == 2 { range = abs(bounds[1] - bounds[0]) }
    }
    for (option, value) in zip(arguments, arguments.dropFirst()) {
        let number = Double(value.trimmingWhitespace) ?? 0
        switch option {
        case "--samples" where number > 100_000: return true
        case "--step" where !(range / number < 100_000): return true
        case "--width", "--height": if number > 1000 { return true }
        case "--scale": if number > 2 { return true }
        default: break
        }
    }
    return arguments.contains { $0.hasPrefix("--samples=") || $0.hasPrefix("--step=") }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var arguments: [String] = []
    var dropNext = false
    for field in bytes.split(whereSeparator: { $0 == 0 || $0 == 10 }).prefix(16) {
        let argument = String(decoding: field, as: UTF8.self)
        if dropNext {
            dropNext = false
            continue
        }
        if argument == "-o" || argument == "--output" {
            dropNext = true
            continue
        }
        if argument.hasPrefix("-o") || argument.hasPrefix("--output=") || argument.hasPrefix("--generate-") {
            continue
        }
        arguments.append(argument)
    }
    guard !tooCostly(arguments) else { return 0 }
    var console = Console(environment: ConsoleEnvironment(variables: [:], arguments: arguments))
    _ = Actplot.run(arguments, on: &console)
    return 0
}

/// The program's entry: SwiftPM links `main` to `<target>_main`.
@_cdecl("FuzzCommandLine_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(
        argc, argv, fuzzCommandLine,
        warmUp: [
            "gelu\n--format\ncsv", "compare\ngelu\nrelu", "eval\ngelu\n1", "list", "info\ngelu", "gleu",
            "gelu\n--format\npng", "gelu\n--format\nsvg", "relu\n--range\n5:1",
        ])
}
