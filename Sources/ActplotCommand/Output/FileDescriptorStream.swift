/// A text stream on a file descriptor, written through `write(2)` in large blocks.
struct FileDescriptorStream: TextOutputStream {
    let descriptor: Int32
    /// Whether EPIPE (the reader went away) ends the program quietly, as for stdout.
    var quietOnBrokenPipe = true
    /// Why a write failed, once one has; later writes are skipped.
    private(set) var failed: String?

    init(descriptor: Int32) { self.descriptor = descriptor }

    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes raw bytes, all of them, retrying after interruptions.
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard failed == nil else { return }
        switch POSIX.write(descriptor, bytes) {
        case nil: return
        // The reader went away (`| head`): stop quietly.
        case .brokenPipe? where quietOnBrokenPipe: POSIX.exit(0)
        case .brokenPipe?: failed = "Broken pipe"
        case .error(let reason)?: failed = reason
        }
    }

    /// Writes raw bytes (PNG data).
    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }
}

/// Text to stderr, unbuffered.
nonisolated(unsafe) var standardError = FileDescriptorStream(descriptor: 2)

/// Writes a whole output to stdout at once.
/// - Throws: ``OutputError`` when stdout cannot take it (a closed pipe, a full disk).
func writeToStandardOutput(_ text: String) throws {
    var out = FileDescriptorStream(descriptor: 1)
    out.write(text)
    if let reason = out.failed { throw OutputError.write(reason) }
}
