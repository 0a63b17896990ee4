/// Everything a run sees of the world outside: its standard streams and a snapshot of its
/// environment.
///
/// `main` makes one for the process (``standard(arguments:)``) and passes it to the command;
/// tests make one in memory (``init(environment:input:)``) and run commands in process, so
/// that nothing a command prints goes anywhere but through here.
package struct Console {
    /// The surroundings, read once.
    package let environment: ConsoleEnvironment
    /// stdout.
    package var output: ConsoleStream
    /// stderr: warnings, and statistics beside a plot that goes to stdout.
    package var error: ConsoleStream
    /// Where stdin is read from.
    package let input: Input

    /// Where stdin comes from.
    package enum Input: Sendable {
        /// The process's descriptor 0.
        case standardInput
        /// Bytes given in advance (tests).
        case bytes([UInt8])
    }

    /// The process's console: descriptors 0, 1 and 2 and the environment as it is now.
    /// - Parameter arguments: The command line after the program's name.
    package static func standard(arguments: [String]) -> Console {
        Console(
            environment: .current(arguments: arguments),
            output: ConsoleStream(descriptor: 1, brokenPipeEndsQuietly: true),
            error: ConsoleStream(descriptor: 2, brokenPipeEndsQuietly: true), input: .standardInput)
    }

    /// A console in memory: what is written stays in ``output`` and ``error``'s buffers.
    /// - Parameters:
    ///   - environment: The snapshot the run sees.
    ///   - input: What stdin holds.
    package init(environment: ConsoleEnvironment, input: [UInt8] = []) {
        self.init(
            environment: environment, output: ConsoleStream(ConsoleStream.Buffer()),
            error: ConsoleStream(ConsoleStream.Buffer()), input: .bytes(input))
    }

    private init(environment: ConsoleEnvironment, output: ConsoleStream, error: ConsoleStream, input: Input) {
        self.environment = environment
        self.output = output
        self.error = error
        self.input = input
    }

    /// How text reports are written here.
    package var textStyle: TextStyle { environment.textStyle }

    /// Writes text for people to stdout, in ASCII when the locale is not UTF-8.
    /// - Throws: ``OutputError`` when stdout cannot take it (a closed pipe, a full disk).
    package mutating func print(_ text: String) throws(OutputError) {
        try write(ASCIIText.forLocale(text, unicode: environment.unicode))
    }

    /// Writes text for programs (JSON, CSV) to stdout as it is.
    /// - Throws: ``OutputError`` when stdout cannot take it.
    package mutating func write(_ text: String) throws(OutputError) {
        output.write(text)
        try output.check()
    }

    /// Writes a report to stdout: its JSON and a line end, or its text in this console's style.
    /// - Throws: ``OutputError`` when stdout cannot take it.
    package mutating func print(_ report: some Report, json: Bool) throws(OutputError) {
        try json ? write(report.json.text() + "\n") : print(report.text(in: textStyle))
    }

    /// Writes a warning or a note to stderr, in ASCII when the locale is not UTF-8 (a failure to
    /// write it is not reported: there is nowhere left to report it).
    package mutating func warn(_ text: String) {
        error.write(ASCIIText.forLocale(text, unicode: environment.unicode))
    }
}
