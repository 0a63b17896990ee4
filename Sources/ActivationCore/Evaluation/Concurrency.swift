/// How the package spreads work over the processor's cores (batches, CSV blocks, PNG bands).
package enum Concurrency {
    /// The cores this process may use.
    package static let processorCount = processorsOnline()
}

/// Buffers handed to concurrent workers that each touch only their own slice of them.
package struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The value.
    package let value: Value
    /// Wraps a value.
    package init(_ value: Value) { self.value = value }
}
