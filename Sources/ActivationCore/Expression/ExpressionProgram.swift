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
        case hypot(Int, Int)
        case activation(Activation, Int)
        case compare(Comparison, Int, Int)
        case logical(LogicalOperator, Int, Int)
        case not(Int)
        case select(Int, Int, Int)
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
            case .hypot: instruction = .hypot(indices[0], indices[1])
            default: instruction = .elementary(f, indices[0])
            }
        case .activation(let f, let a):
            instruction = .activation(f, emit(a))
        case .comparison(let op, let a, let b):
            instruction = .compare(op, emit(a), emit(b))
        case .logical(let op, let a, let b):
            instruction = .logical(op, emit(a), emit(b))
        case .not(let a):
            instruction = .not(emit(a))
        case .select(let c, let a, let b):
            instruction = .select(emit(c), emit(a), emit(b))
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
        case .negate(let a), .elementary(_, let a), .activation(_, let a), .not(let a): inputs = [a]
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b, _), .minimum(let a, let b), .maximum(let a, let b), .hypot(let a, let b),
            .compare(_, let a, let b), .logical(_, let a, let b):
            inputs = [a, b]
        case .select(let c, let a, let b): inputs = [c, a, b]
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
        case .hypot, .compare, .logical, .not, .select: return choice(instruction) { r[$0] }
        }
    }

    /// hypot, a comparison, a logical operation or a selection, its inputs read by index.
    @inline(__always)
    static func choice<T: ExpressionScalar>(_ instruction: Instruction, _ r: (Int) -> T) -> T {
        switch instruction {
        case .hypot(let a, let b): hypot(r(a), r(b))
        case .compare(let op, let a, let b): T(constant: op.holds(r(a).primal, r(b).primal) ? 1 : 0)
        case .logical(let op, let a, let b): logical(op, r(a), r(b))
        case .not(let a): T(constant: r(a).primal == 0 ? 1 : 0)
        case .select(let c, let a, let b): select(r(c), r(a), r(b))
        default: preconditionFailure("not a choice: \(instruction)")
        }
    }

    /// √(p² + q²): the C library's hypot as the value, the derivatives through s·√((p/s)² +
    /// (q/s)²) with s the larger magnitude, so that no square overflows or underflows.
    @inline(__always)
    static func hypot<T: ExpressionScalar>(_ p: T, _ q: T) -> T {
        let h = ActivationCore.hypot(p.primal, q.primal)
        var s = Swift.max(Swift.abs(p.primal), Swift.abs(q.primal))
        if s == 0 || !s.isFinite { s = 1 }
        let scale = T(constant: s)
        let (a, b) = (p / scale, q / scale)
        let g = h / s
        return (a * a + b * b).applying(g) { (0.5 / g, -0.25 / (g * g * g)) } * scale
    }

    /// `a && b` or `a || b`, each operand true when nonzero.
    @inline(__always)
    static func logical<T: ExpressionScalar>(_ op: LogicalOperator, _ p: T, _ q: T) -> T {
        let (a, b) = (p.primal != 0, q.primal != 0)
        return T(constant: (op == .and ? a && b : a || b) ? 1 : 0)
    }

    /// a where c is nonzero, b where it is 0, NaN where it is NaN.
    @inline(__always)
    static func select<T: ExpressionScalar>(_ c: T, _ a: T, _ b: T) -> T {
        c.primal.isNaN ? T(constant: .nan) : c.primal != 0 ? a : b
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
                        case .hypot, .compare, .logical, .not, .select:
                            for i in 0..<n { out[i] = Self.choice(instruction) { register($0)[i] } }
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
