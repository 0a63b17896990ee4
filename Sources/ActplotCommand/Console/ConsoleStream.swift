/// A byte stream a run writes to: a file descriptor, written through `write(2)` in large
/// blocks, or memory, for commands run in process by tests.
///
/// A failed write is remembered and every later write skipped, so that a renderer writing
/// line by line needs no error handling: ``check()`` afterwards throws what went wrong. Copies
/// of a memory stream share one buffer.
package struct ConsoleStream: TextOutputStream {
    /// The bytes a memory stream has received.
    package final class Buffer: @unchecked Sendable {
        /// Everything written, in order.
        package var bytes: [UInt8] = []

        /// An empty buffer.
        package init() {}

        /// The bytes as UTF-8 text.
        package var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private enum Target {
        case descriptor(Int32)
        case memory(Buffer)
    }

    private let target: Target
    /// Whether a reader going away (EPIPE) is ``OutputError/brokenPipe``, which ends the run
    /// quietly, as for stdout (`actplot gelu --format csv | head`), or a failure to report.
    private let brokenPipeEndsQuietly: Bool
    /// Why a write failed, once one has; later writes are skipped.
    package private(set) var failure: OutputError?

    /// A stream on an open file descriptor.
    /// - Parameters:
    ///   - descriptor: Where the bytes go.
    ///   - brokenPipeEndsQuietly: Whether EPIPE ends the run quietly (stdout) or is a
    ///     failure (an output file that is a pipe).
    package init(descriptor: Int32, brokenPipeEndsQuietly: Bool) {
        target = .descriptor(descriptor)
        self.brokenPipeEndsQuietly = brokenPipeEndsQuietly
    }

    /// A stream into memory.
    package init(_ buffer: Buffer) {
        target = .memory(buffer)
        brokenPipeEndsQuietly = true
    }

    /// The buffer written to, or nil for a descriptor.
    package var buffer: Buffer? {
        if case .memory(let buffer) = target { return buffer }
        return nil
    }

    /// The descriptor written to, or nil for memory.
    package var descriptor: Int32? {
        if case .descriptor(let descriptor) = target { return descriptor }
        return nil
    }

    /// Writes text as UTF-8.
    package mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes raw bytes, all of them, retrying after interruptions.
    package mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        switch target {
        case .memory(let buffer):
            buffer.bytes.append(contentsOf: bytes)
        case .descriptor(let descriptor):
            switch POSIX.write(descriptor, bytes) {
            case nil: return
            case .brokenPipe? where brokenPipeEndsQuietly: failure = .brokenPipe
            case .brokenPipe?: failure = .write("Broken pipe")
            case .error(let reason)?: failure = .write(reason)
            }
        }
    }

    /// Writes raw bytes (PNG data).
    package mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Throws the failure of an earlier write, if one failed.
    /// - Throws: ``OutputError``: a full disk, a closed pipe.
    package func check() throws(OutputError) {
        if let failure { throw failure }
    }
}
