/// A parsed expression compiled to straight-line code: each instruction reads earlier
/// results by index, constants are folded, and `x^n` with a constant n uses the power rule.
///
/// Evaluation walks the instructions once per point with a register file allocated once per
/// batch: no parsing, no lookups, no allocation per point.
struct ExpressionProgram: Sendable {
    enum Instruction: Sendable {
        case constant(Double)
        case variable
        case negate(Int)
        case add(Int, Int)
        case subtract(Int, Int)
        case multiply(Int, Int)
        case divide(Int, Int)
        case power(Int, Int, constantExponent: Double?)
        case elementary(Elementary, Int)
        case minimum(Int, Int)
        case maximum(Int, Int)
        case activation(Activation, Int)
    }

    private(set) var instructions: [Instruction] = []

    init(_ node: ExpressionNode) {
        _ = emit(node)
    }

    /// The value of a subtree that does not depend on x, or nil.
    static func constantValue(_ node: ExpressionNode) -> Double? {
        let program = ExpressionProgram(node)
        guard program.instructions.count == 1, case .constant(let v) = program.instructions[0] else {
            return nil
        }
        return v
    }

    private mutating func emit(_ node: ExpressionNode) -> Int {
        let instruction: Instruction
        switch node {
        case .number(let v):
            instruction = .constant(v)
        case .variable:
            instruction = .variable
        case .output:
            preconditionFailure("y, the stored output, is read only by naive formulas, never compiled")
        case .negate(let a):
            instruction = .negate(emit(a))
        case .chain(let first, let links):
            var left = emit(first)
            for (op, operand) in links.dropLast() { left = append(Self.instruction(op, left, emit(operand))) }
            let (op, operand) = links[links.count - 1]
            instruction = Self.instruction(op, left, emit(operand))
        case .power(let a, let b):
            let (i, j) = (emit(a), emit(b))
            instruction = .power(i, j, constantExponent: constant(j))
        case .elementary(let f, let arguments):
            let indices = arguments.map { emit($0) }
            switch f {
            case .min: instruction = .minimum(indices[0], indices[1])
            case .max: instruction = .maximum(indices[0], indices[1])
            case .pow: instruction = .power(indices[0], indices[1], constantExponent: constant(indices[1]))
            default: instruction = .elementary(f, indices[0])
            }
        case .activation(let f, let a):
            instruction = .activation(f, emit(a))
        }
        return append(instruction)
    }

    private static func instruction(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Instruction {
        switch op {
        case .add: .add(a, b)
        case .subtract: .subtract(a, b)
        case .multiply: .multiply(a, b)
        case .divide: .divide(a, b)
        }
    }

    private func constant(_ index: Int) -> Double? {
        if case .constant(let v) = instructions[index] { return v }
        return nil
    }

    /// Appends an instruction, folding it to a constant when all its inputs are constants.
    private mutating func append(_ instruction: Instruction) -> Int {
        var folded = instruction
        let inputs: [Int]
        switch instruction {
        case .constant, .variable: inputs = []
        case .negate(let a), .elementary(_, let a), .activation(_, let a): inputs = [a]
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b, _), .minimum(let a, let b), .maximum(let a, let b):
            inputs = [a, b]
        }
        if !inputs.isEmpty && inputs.allSatisfy({ constant($0) != nil }) {
            let value: Double = run(at: 0, upTo: instruction)
            // Drop the now unused constant inputs when they are the last instructions.
            while let last = instructions.indices.last, inputs.contains(last), constant(last) != nil {
                instructions.removeLast()
            }
            folded = .constant(value)
        }
        instructions.append(folded)
        return instructions.count - 1
    }

    /// Runs the program so far plus one more instruction (used for constant folding).
    private func run<T: ExpressionScalar>(at x: Double, upTo extra: Instruction) -> T {
        var registers = [T](repeating: T(constant: 0), count: instructions.count + 1)
        registers.withUnsafeMutableBufferPointer { r in
            for (i, instruction) in instructions.enumerated() { r[i] = Self.step(instruction, x, r) }
            r[instructions.count] = Self.step(extra, x, r)
        }
        return registers[instructions.count]
    }

    /// One instruction's result.
    @inline(__always)
    static func step<T: ExpressionScalar>(
        _ instruction: Instruction, _ x: Double, _ r: UnsafeMutableBufferPointer<T>
    )
        -> T
    {
        switch instruction {
        case .constant(let v): return T(constant: v)
        case .variable: return T(variable: x)
        case .negate(let a): return -r[a]
        case .add(let a, let b): return r[a] + r[b]
        case .subtract(let a, let b): return r[a] - r[b]
        case .multiply(let a, let b): return r[a] * r[b]
        case .divide(let a, let b): return r[a] / r[b]
        case .power(let a, let b, let n): return ElementaryMath.power(r[a], r[b], constantExponent: n)
        case .elementary(let f, let a): return ElementaryMath.apply(f, r[a])
        case .minimum(let a, let b): return minimum(r[a], r[b])
        case .maximum(let a, let b): return maximum(r[a], r[b])
        case .activation(let f, let a): return r[a].applying(f)
        }
    }

    /// The smaller argument; NaN when either is NaN; on a tie, the derivatives' mean.
    @inline(__always)
    static func minimum<T: ExpressionScalar>(_ p: T, _ q: T) -> T {
        if p.primal.isNaN || q.primal.isNaN { return T(constant: .nan) }
        return p.primal == q.primal ? tie(p, q) : p.primal < q.primal ? p : q
    }

    /// The larger argument; NaN when either is NaN; on a tie, the derivatives' mean.
    @inline(__always)
    static func maximum<T: ExpressionScalar>(_ p: T, _ q: T) -> T {
        if p.primal.isNaN || q.primal.isNaN { return T(constant: .nan) }
        return p.primal == q.primal ? tie(p, q) : p.primal > q.primal ? p : q
    }

    /// Two arguments of equal value: that value, with the mean of their derivatives.
    ///
    /// So max(x, 0) and max(0, x) both have f′(0) = 1/2 (PyTorch's and JAX's rule at a tie).
    /// p + (q − p)/2 keeps the value exactly (q − p is 0); at ±∞ the first is returned.
    @inline(__always)
    static func tie<T: ExpressionScalar>(_ p: T, _ q: T) -> T {
        p.primal.isInfinite ? p : p + (q - p) * T(constant: 0.5)
    }

    /// The result at x, using `registers` (at least as long as the program) as scratch space.
    @inline(__always)
    func evaluate<T: ExpressionScalar>(at x: Double, registers: UnsafeMutableBufferPointer<T>) -> T {
        for i in instructions.indices { registers[i] = Self.step(instructions[i], x, registers) }
        return registers[instructions.count - 1]
    }

    /// How many points a batch evaluates together: each instruction runs as one loop over a
    /// block, so the dispatch on the instruction is paid once per block, not once per point.
    static let blockSize = 128

    /// Evaluates a batch block by block, handing each block's results to `consume` with the
    /// input indices they belong to.
    ///
    /// The registers hold one block per instruction; constants are written once. A catalog
    /// call runs through the catalog's own batch kernel.
    func evaluate<T: ExpressionScalar>(
        _ input: UnsafeBufferPointer<Double>, _ consume: (Range<Int>, UnsafeBufferPointer<T>) -> Void
    ) {
        let block = Self.blockSize
        let count = instructions.count
        withUnsafeTemporaryAllocation(of: T.self, capacity: count * block) { registers in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * block) { scratch in
                func register(_ k: Int) -> UnsafeMutableBufferPointer<T> {
                    UnsafeMutableBufferPointer(rebasing: registers[k * block..<(k + 1) * block])
                }
                for (k, instruction) in instructions.enumerated() {
                    if case .constant(let v) = instruction {
                        register(k).initialize(repeating: T(constant: v))
                    }
                }
                var start = input.startIndex
                while start < input.endIndex {
                    let end = min(start + block, input.endIndex)
                    let n = end - start
                    for (k, instruction) in instructions.enumerated() {
                        let out = register(k)
                        func map1(_ a: Int, _ f: (T) -> T) {
                            let p = register(a)
                            for i in 0..<n { out[i] = f(p[i]) }
                        }
                        func map2(_ a: Int, _ b: Int, _ f: (T, T) -> T) {
                            let (p, q) = (register(a), register(b))
                            for i in 0..<n { out[i] = f(p[i], q[i]) }
                        }
                        switch instruction {
                        case .constant: break
                        case .variable: for i in 0..<n { out[i] = T(variable: input[start + i]) }
                        case .negate(let a): map1(a) { -$0 }
                        case .add(let a, let b): map2(a, b, +)
                        case .subtract(let a, let b): map2(a, b, -)
                        case .multiply(let a, let b): map2(a, b, *)
                        case .divide(let a, let b): map2(a, b, /)
                        case .power(let a, let b, let e):
                            map2(a, b) { ElementaryMath.power($0, $1, constantExponent: e) }
                        case .elementary(let f, let a): map1(a) { ElementaryMath.apply(f, $0) }
                        case .minimum(let a, let b): map2(a, b, Self.minimum)
                        case .maximum(let a, let b): map2(a, b, Self.maximum)
                        case .activation(let f, let a):
                            T.apply(
                                f, to: UnsafeBufferPointer(rebasing: register(a)[0..<n]), into: out,
                                scratch: scratch)
                        }
                    }
                    consume(start..<end, UnsafeBufferPointer(rebasing: register(count - 1)[0..<n]))
                    start = end
                }
            }
        }
    }

    /// The result at x (allocates its registers; batches use the buffer-taking form).
    func evaluate<T: ExpressionScalar>(at x: Double) -> T {
        withUnsafeTemporaryAllocation(of: T.self, capacity: instructions.count) { buffer in
            evaluate(at: x, registers: buffer)
        }
    }
}
