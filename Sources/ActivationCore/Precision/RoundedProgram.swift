/// A textbook formula compiled for ``RoundedArithmetic``'s value rules and run over a block of
/// inputs: each instruction is one loop over the block, with every result rounded, so that a
/// float32 survey of 2^32 inputs runs its `+ − × ÷` as float32 operations at the processor's
/// speed and its elementary functions as ``RoundedArithmetic`` computes them.
///
/// It gives exactly ``RoundedArithmetic/value(_:x:y:)``'s bits: the same operations in the
/// same order, each rounded once, nothing folded. A `select` computes both branches and keeps
/// one, as the interpreter keeps the one it computes: the results are pure.
struct RoundedProgram: Sendable {
    /// One operation; operands are earlier instructions' indices.
    enum Instruction: Sendable {
        case constant(Double)
        case variable
        case output
        case negate(Int)
        case binary(BinaryOperator, Int, Int)
        case power(Int, Int)
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

    /// The instructions; the last one's result is the formula's.
    private(set) var instructions: [Instruction] = []

    /// A formula compiled.
    init(_ node: ExpressionNode) {
        _ = emit(node)
    }

    /// Appends a node's instructions; returns the index of its result.
    private mutating func emit(_ node: ExpressionNode) -> Int {
        let instruction: Instruction
        switch node {
        case .number(let c): instruction = .constant(c)
        case .variable: instruction = .variable
        case .output: instruction = .output
        case .negate(let a): instruction = .negate(emit(a))
        case .chain(let first, let links):
            var left = emit(first)
            for (op, operand) in links { left = append(.binary(op, left, emit(operand))) }
            return left
        case .power(let a, let b): instruction = .power(emit(a), emit(b))
        case .elementary(let f, let arguments):
            let u = arguments.map { emit($0) }
            switch f {
            case .min: instruction = .minimum(u[0], u[1])
            case .max: instruction = .maximum(u[0], u[1])
            case .pow: instruction = .power(u[0], u[1])
            case .hypot: instruction = .hypot(u[0], u[1])
            default: instruction = .elementary(f, u[0])
            }
        case .activation(let f, let a): instruction = .activation(f, emit(a))
        case .comparison(let op, let a, let b): instruction = .compare(op, emit(a), emit(b))
        case .logical(let op, let a, let b): instruction = .logical(op, emit(a), emit(b))
        case .not(let a): instruction = .not(emit(a))
        case .select(let c, let a, let b): instruction = .select(emit(c), emit(a), emit(b))
        }
        return append(instruction)
    }

    private mutating func append(_ instruction: Instruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }

    /// Doubles of scratch a run over `n` inputs needs.
    func registerCount(_ n: Int) -> Int { instructions.count * n }

    /// Runs the formula at every x (and stored output y, for a derivative formula that reads
    /// it), every result rounded by `rounding`.
    /// - Parameters:
    ///   - x: The inputs, already in the format.
    ///   - y: The stored outputs, as long as `x`, or nil when the formula does not read y.
    ///   - rounding: The rounding of every operation.
    ///   - registers: Scratch of ``registerCount(_:)`` doubles.
    /// - Returns: The results, a slice of `registers`.
    @inline(__always)
    func run(
        _ x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>?, _ rounding: some FormatRounding,
        registers: UnsafeMutableBufferPointer<Double>
    ) -> UnsafeBufferPointer<Double> {
        let n = x.count
        precondition(registers.count >= registerCount(n), "too little scratch for the program")
        for (k, instruction) in instructions.enumerated() {
            let out = UnsafeMutableBufferPointer(rebasing: registers[k * n..<(k + 1) * n])
            let r = { (i: Int) in UnsafeBufferPointer(rebasing: registers[i * n..<(i + 1) * n]) }
            Self.step(instruction, x: x, y: y, r, rounding, into: out)
        }
        return UnsafeBufferPointer(rebasing: registers[(instructions.count - 1) * n..<instructions.count * n])
    }

    /// One instruction over the block.
    @inline(__always)
    private static func step(
        _ instruction: Instruction, x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>?,
        _ r: (Int) -> UnsafeBufferPointer<Double>, _ rounding: some FormatRounding,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let n = out.count
        switch instruction {
        case .constant(let c):
            out.initialize(repeating: rounding.rounded(c))
        case .variable:
            for i in 0..<n { out[i] = x[i] }
        case .output:
            guard let y else { preconditionFailure("y appears only in written derivative formulas") }
            for i in 0..<n { out[i] = y[i] }
        case .negate(let a):
            let u = r(a)
            for i in 0..<n { out[i] = -u[i] }
        case .binary(let op, let a, let b):
            let (u, w) = (r(a), r(b))
            switch op {
            case .add: for i in 0..<n { out[i] = rounding.rounded(u[i] + w[i]) }
            case .subtract: for i in 0..<n { out[i] = rounding.rounded(u[i] - w[i]) }
            case .multiply: for i in 0..<n { out[i] = rounding.rounded(u[i] * w[i]) }
            case .divide: for i in 0..<n { out[i] = rounding.rounded(u[i] / w[i]) }
            }
        case .power(let a, let b):
            let (u, w) = (r(a), r(b))
            for i in 0..<n { out[i] = rounding.rounded(pow(u[i], w[i])) }
        case .elementary(let f, let a):
            let u = r(a)
            for i in 0..<n { out[i] = rounding.rounded(ElementaryMath.apply(f, u[i])) }
        case .minimum(let a, let b):
            let (u, w) = (r(a), r(b))
            for i in 0..<n { out[i] = ExpressionProgram.minimum(u[i], w[i]) }
        case .maximum(let a, let b):
            let (u, w) = (r(a), r(b))
            for i in 0..<n { out[i] = ExpressionProgram.maximum(u[i], w[i]) }
        case .hypot(let a, let b):
            let (u, w) = (r(a), r(b))
            for i in 0..<n { out[i] = rounding.rounded(hypot(u[i], w[i])) }
        case .activation(let f, let a):
            let u = r(a)
            for i in 0..<n { out[i] = rounding.rounded(f.value(at: u[i])) }
        case .compare(let op, let a, let b):
            let (u, w) = (r(a), r(b))
            for i in 0..<n { out[i] = op.holds(u[i], w[i]) ? 1 : 0 }
        case .logical(let op, let a, let b):
            let (u, w) = (r(a), r(b))
            for i in 0..<n { out[i] = ExpressionProgram.logical(op, u[i], w[i]) }
        case .not(let a):
            let u = r(a)
            for i in 0..<n { out[i] = u[i] == 0 ? 1 : 0 }
        case .select(let c, let a, let b):
            let (s, u, w) = (r(c), r(a), r(b))
            for i in 0..<n { out[i] = s[i].isNaN ? .nan : s[i] != 0 ? u[i] : w[i] }
        }
    }
}
