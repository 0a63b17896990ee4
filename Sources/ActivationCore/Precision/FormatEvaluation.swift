/// A function as a kernel computes it in a narrow format: the input rounded to the format, then
/// f and f′ by one of three arithmetics.
///
/// ```swift
/// let s = FormatEvaluation(try Catalog.activation("sigmoid"), format: .bfloat16, arithmetic: .opmath)
/// s.evaluate(at: 6.25).derivative     // 0: y rounds to 1 in bfloat16 and y·(1 − y) is 0
/// ```
/// - ``Arithmetic/exact``: the true f, f′ at the rounded input, each rounded once: the best
///   any kernel can do. The double is within a few ulps of the truth; where that margin
///   straddles a rounding boundary of the format, the function's series decides near 0 (a
///   subnormal input's f′(0)·x is a midpoint, the x² term says which way the truth lies), and
///   elsewhere the result is marked uncertain (``FormatPoint/certain``) instead of trusted by
///   luck.
/// - ``Arithmetic/naive``: the function's textbook formulas (``NaiveFormula``) with every
///   operation rounded to the format.
/// - ``Arithmetic/opmath``: the same formulas in float32, the output rounded to the format:
///   PyTorch's reduced-precision CPU kernels. A derivative that reads y reads it as stored, in
///   the format.
/// A catalog function without textbook formulas is computed exactly in every arithmetic
/// (``usesFormula`` says so).
public struct FormatEvaluation: Sendable {
    /// How the operations are rounded.
    public enum Arithmetic: String, Sendable, CaseIterable {
        /// The true values rounded once.
        case exact
        /// Textbook formulas, every operation in the format.
        case naive
        /// Textbook formulas in float32, inputs and outputs in the format.
        case opmath
        /// A framework preset as the framework computes it on CPU (``FrameworkKernel``).
        case framework

        /// The three that every function has (framework needs a framework preset).
        public static let textbook: [Arithmetic] = [.exact, .naive, .opmath]

        /// What the arithmetic computes, in a few words, for a format named `format`:
        /// `textbook formulas, every operation in bfloat16`.
        /// - Parameter format: The format's name (`bfloat16`), or words for any (`the format`).
        /// - Returns: The summary, without a final period.
        public func summary(in format: String) -> String {
            switch self {
            case .exact: "the true f and f′ at the rounded input, each rounded once"
            case .naive: "textbook formulas, every operation in \(format)"
            case .opmath: "textbook formulas in float32, input and output in \(format)"
            case .framework: "as the preset's framework computes it on CPU"
            }
        }
    }

    /// The function.
    public let function: Activation
    /// The format of inputs and outputs.
    public let format: NumberFormat
    /// The arithmetic.
    public let arithmetic: Arithmetic
    /// The formulas naive and opmath evaluate, if the function has them.
    public let formula: NaiveFormula?
    /// The formulas compiled for blocks of inputs, where f′ is written (not autograd).
    private let programs: FormulaPrograms?
    /// The framework's kernel, for ``Arithmetic/framework``.
    public let kernel: FrameworkKernel?
    /// Whether exact rounding of a block rounds f′ too (on by default); off, a block's points may
    /// have f′ = NaN (certain) where that saves work, for a caller that needs f alone (a check
    /// of a kernel's f).
    public var roundsDerivatives = true

    /// How far the double results may be from the truth, in double ulps, for the certainty
    /// check of exact rounding: f, f′ (the catalog's accuracy tests hold them within 1 and 2).
    static let doubleErrorBound = (value: 4.0, derivative: 8.0)

    /// A function evaluated in a format.
    /// - Parameters:
    ///   - function: A catalog function or typed expression.
    ///   - format: The format of inputs and outputs.
    ///   - arithmetic: How the operations are rounded.
    ///   - isa: With ``Arithmetic/framework``, the instruction set whose dispatch to follow.
    public init(
        _ function: Activation, format: NumberFormat, arithmetic: Arithmetic = .exact,
        isa: FrameworkKernel.InstructionSet = .avx512
    ) {
        self.function = function
        self.format = format
        self.arithmetic = arithmetic
        self.formula = function.naiveFormula
        let textbook = arithmetic == .naive || arithmetic == .opmath
        programs = textbook ? formula.flatMap(FormulaPrograms.init) : nil
        kernel = arithmetic == .framework ? FrameworkKernel(function, format: format, isa: isa) : nil
        precondition(
            arithmetic != .framework || kernel != nil,
            "no framework kernel for \(function.name) in \(format.name)")
    }

    /// Whether f and f′ come from the textbook formulas (naive and opmath with a formula).
    public var usesFormula: Bool { (arithmetic == .naive || arithmetic == .opmath) && formula != nil }

    /// f and f′ at x as the format computes them, beside the true values at the rounded input.
    public func evaluate(at x: Double) -> FormatPoint {
        let input = format.rounded(x)
        let truth = function.jet(at: input)
        if let kernel {
            let (value, slope) = kernel.evaluate(at: input, format: format)
            return FormatPoint(
                input: input, value: value, derivative: slope, exactValue: truth.value,
                exactDerivative: truth.derivative, certain: true)
        }
        guard usesFormula, let formula else { return exactPoint(at: input, truth) }
        let inner = arithmetic == .naive ? format : .float32
        let machine = RoundedArithmetic(format: inner)
        var value: Double
        var slope: Double
        var (f, d) = (formula.valueNode, formula.derivativeNode)
        if let selection = formula.selection, machine.value(selection.condition, x: input) > 0 {
            (f, d) = (selection.value, selection.derivative)
        }
        if let d {
            // The output is stored in the format; the derivative reads it from there.
            value = format.rounded(machine.value(f, x: input))
            slope = format.rounded(machine.value(d, x: input, y: value))
        } else {
            (value, slope) = machine.dual(f, x: input)
            (value, slope) = (format.rounded(value), format.rounded(slope))
        }
        return FormatPoint(
            input: input, value: value, derivative: slope, exactValue: truth.value,
            exactDerivative: truth.derivative, certain: true)
    }

    /// f and f′ at each input as the format computes them, as ``evaluate(at:)`` gives them: a
    /// block at a time, so that exact rounding takes the true values from the function's batch
    /// kernel (one call, its fast path) and pays for more only at the few points whose rounding
    /// the doubles leave in doubt.
    /// - Parameters:
    ///   - inputs: The inputs.
    ///   - points: Receives a point per input; as long as `inputs`.
    public func evaluate(
        _ inputs: UnsafeBufferPointer<Double>, into points: UnsafeMutableBufferPointer<FormatPoint>
    ) {
        precondition(points.count >= inputs.count, "the points buffer is shorter than the inputs")
        if usesFormula, let programs {
            let plain = format.isPlainFloat32
            switch (arithmetic == .opmath || plain, plain) {
            case (true, true):
                formulaBlock(inputs, programs, HardwareFloat32(), HardwareFloat32(), into: points)
            case (true, false):
                formulaBlock(
                    inputs, programs, HardwareFloat32(), SoftwareRounding(format: format), into: points)
            default:
                let rounding = SoftwareRounding(format: format)
                formulaBlock(inputs, programs, rounding, rounding, into: points)
            }
            return
        }
        guard !usesFormula, kernel == nil, format.bitWidth < 64 else {
            for (i, x) in inputs.enumerated() { points[i] = evaluate(at: x) }
            return
        }
        if format.isPlainFloat32 {
            exactBlock(inputs, HardwareFloat32(), into: points)
        } else {
            exactBlock(inputs, SoftwareRounding(format: format), into: points)
        }
    }

    /// The true f″ at each input (a value of the format), rounded once to the format, and
    /// whether the double's margin of error (16 double ulps) leaves that rounding in no doubt.
    /// - Parameters:
    ///   - inputs: Values of the format.
    ///   - values: Receives f″ rounded; as long as `inputs`.
    ///   - certain: Receives whether each rounding is certain; as long as `inputs`.
    public func curvatures(
        _ inputs: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>,
        certain: UnsafeMutableBufferPointer<Bool>
    ) {
        let n = inputs.count
        precondition(
            values.count >= n && certain.count >= n, "the output buffers are shorter than the inputs")
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * n)
        defer { scratch.deallocate() }
        function.evaluate(
            inputs, values: UnsafeMutableBufferPointer(rebasing: scratch[0..<n]),
            derivatives: UnsafeMutableBufferPointer(rebasing: scratch[n..<2 * n]), secondDerivatives: values)
        func round(_ rounding: some FormatRounding) {
            for i in 0..<n {
                (values[i], certain[i]) = rounding.correctlyRounded(
                    values[i], bound: Self.curvatureErrorBound)
            }
        }
        if format.isPlainFloat32 { round(HardwareFloat32()) } else { round(SoftwareRounding(format: format)) }
    }

    /// How far the double f″ may be from the truth, in double ulps (the accuracy tests hold
    /// it within 4).
    static let curvatureErrorBound = 16.0

    /// ``evaluate(_:into:)`` for exact rounding, specialised for a way of rounding.
    @inline(__always)
    private func exactBlock(
        _ inputs: UnsafeBufferPointer<Double>, _ rounding: some FormatRounding,
        into points: UnsafeMutableBufferPointer<FormatPoint>
    ) {
        let n = inputs.count
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 3 * n)
        defer { scratch.deallocate() }
        let (rounded, values, slopes) = (scratch[0..<n], scratch[n..<2 * n], scratch[2 * n..<3 * n])
        for i in 0..<n { scratch[i] = rounding.rounded(inputs[i]) }
        if format.isScale {
            // Every point by the careful path: a scale format's 0 needs deciding (256 inputs).
            for i in 0..<n { points[i] = exactPoint(at: scratch[i], function.jet(at: scratch[i])) }
            return
        }
        function.evaluate(
            UnsafeBufferPointer(rebasing: rounded), values: UnsafeMutableBufferPointer(rebasing: values),
            derivatives: UnsafeMutableBufferPointer(rebasing: slopes))
        for i in 0..<n {
            let (x, f, d) = (scratch[i], scratch[n + i], scratch[2 * n + i])
            let (value, sure) = rounding.correctlyRounded(f, bound: Self.doubleErrorBound.value)
            let (slope, sureSlope) =
                roundsDerivatives
                ? rounding.correctlyRounded(d, bound: Self.doubleErrorBound.derivative) : (.nan, true)
            points[i] =
                sure && sureSlope
                ? FormatPoint(
                    input: x, value: value, derivative: slope, exactValue: f, exactDerivative: d,
                    certain: true)
                : roundsDerivatives
                    ? exactPoint(at: x, function.jet(at: x)) : valuePoint(at: x, function.jet(at: x))
        }
    }

    /// ``exactPoint(at:_:)`` with f′ left out (NaN, certain; its double kept as the exact value).
    private func valuePoint(at input: Double, _ truth: Jet) -> FormatPoint {
        let point = exactPoint(at: input, truth)
        return FormatPoint(
            input: input, value: point.value, derivative: .nan, exactValue: truth.value,
            exactDerivative: truth.derivative,
            valueCertain: point.valueCertain, derivativeCertain: true)
    }

    /// ``evaluate(_:into:)`` for written formulas: each compiled program over the block, its
    /// operations rounded by `inner` (the format for naive, float32 for opmath), its outputs
    /// stored in the format (`outer`), where f′ reads y; the true values from the batch kernel.
    private func formulaBlock(
        _ inputs: UnsafeBufferPointer<Double>, _ programs: FormulaPrograms, _ inner: some FormatRounding,
        _ outer: some FormatRounding, into points: UnsafeMutableBufferPointer<FormatPoint>
    ) {
        let n = inputs.count
        let block = UnsafeMutableBufferPointer<Double>.allocate(capacity: 7 * n)
        let registers = UnsafeMutableBufferPointer<Double>.allocate(capacity: programs.registerCount(n))
        defer {
            block.deallocate()
            registers.deallocate()
        }
        let column = { (k: Int) in UnsafeMutableBufferPointer(rebasing: block[k * n..<(k + 1) * n]) }
        let (x, truth, truthSlope) = (column(0), column(1), column(2))
        for i in 0..<n { x[i] = outer.rounded(inputs[i]) }
        let input = UnsafeBufferPointer(x)
        function.evaluate(input, values: truth, derivatives: truthSlope)
        // f stored in the format, then f′ reading it: into columns `at` and `at + 1`.
        func pair(_ value: RoundedProgram, _ derivative: RoundedProgram, at k: Int) {
            let (v, d) = (column(k), column(k + 1))
            let f = value.run(input, y: nil, inner, registers: registers)
            for i in 0..<n { v[i] = outer.rounded(f[i]) }
            let g = derivative.run(input, y: UnsafeBufferPointer(v), inner, registers: registers)
            for i in 0..<n { d[i] = outer.rounded(g[i]) }
        }
        pair(programs.value, programs.derivative, at: 3)
        var chosen: UnsafeBufferPointer<Double>?
        if let selection = programs.selection {
            pair(selection.value, selection.derivative, at: 5)
            chosen = selection.condition.run(input, y: nil, inner, registers: registers)
        }
        for i in 0..<n {
            let k = (chosen.map { $0[i] > 0 } ?? false) ? 5 : 3
            points[i] = FormatPoint(
                input: x[i], value: block[k * n + i], derivative: block[(k + 1) * n + i],
                exactValue: truth[i], exactDerivative: truthSlope[i], certain: true)
        }
    }

    /// The true f and f′ at the rounded input, each rounded once: from the doubles where their
    /// margin of error leaves no doubt, else decided by the linear piece, the series at 0 or the
    /// kernel's evaluation beyond double precision, else marked uncertain.
    private func exactPoint(at input: Double, _ truth: Jet) -> FormatPoint {
        var (value, sure) = Self.correctlyRounded(truth.value, format, bound: Self.doubleErrorBound.value)
        var (slope, sureSlope) = Self.correctlyRounded(
            truth.derivative, format, bound: Self.doubleErrorBound.derivative)
        guard format.bitWidth < 64 else { return float64Point(at: input, truth) }
        let linear = linearSide(truth, at: input)
        if !sure, let side = linear ?? seriesSide(at: input) {
            // Decided: the true value lies on `side` of the double's (0: it is the double).
            value = format.rounded(truth.value + side * Self.doubleErrorBound.value * truth.value.ulp)
            sure = true
        }
        if !sureSlope, linear != nil {
            // On a linear piece through 0, f′ is the piece's slope, a double exactly.
            (slope, sureSlope) = (format.rounded(truth.derivative), true)
        }
        if !sure && onConstantPiece(truth) {
            // A constant piece's value (relu6's 6, a midpoint of float8_e8m0fnu) is a double exactly.
            (value, sure) = (format.rounded(truth.value), true)
        }
        if format.isScale {
            (value, sure) = scaleRounding(truth.value, value, sure, derivative: false, at: input)
            (slope, sureSlope) = scaleRounding(
                truth.derivative, slope, sureSlope, derivative: true, at: input)
        }
        if !(sure && sureSlope), let precise = function.preciseJet(at: input) {
            if !sure {
                (value, sure) = Self.correctlyRounded(precise.value, format, error: precise.error.value)
            }
            if !sureSlope {
                (slope, sureSlope) = Self.correctlyRounded(
                    precise.derivative, format, error: precise.error.derivative)
            }
        }
        return FormatPoint(
            input: input, value: value, derivative: slope, exactValue: truth.value,
            exactDerivative: truth.derivative, valueCertain: sure, derivativeCertain: sureSlope)
    }

    /// Whether f is constant where the jet was taken, on a piece of a piecewise function
    /// (hardtanh's ±1, relu6's 6) whose constant is a short binary fraction: f′ and f″ are 0 and
    /// the function is not smooth (a smooth function's f′ is 0 only at isolated points, or in
    /// a tail where it underflows).
    func onConstantPiece(_ truth: Jet) -> Bool {
        truth.derivative == 0 && truth.secondDerivative == 0 && function.smoothness != .smooth
            && function.parametersAreShortBinary && function.entry.family != .expression
    }

    /// A double 0 rounded to a scale format (float8_e8m0fnu), where 0 is NaN but any positive
    /// value, however small, is 2^-127: the 0 is exact (a flat piece) or a value that underflowed.
    ///
    /// The tail's sign decides: f (or f′) at x halved (or doubled, below 1) step by step towards
    /// 1, without crossing a corner, until a double is not 0. A smooth function's zeros are
    /// isolated, so that sign is the tail's; a piece that stays 0 up to its corner is flat, its 0
    /// exact. Other results pass through.
    private func scaleRounding(
        _ v: Double, _ rounded: Double, _ sure: Bool, derivative: Bool, at x: Double
    ) -> (Double, Bool) {
        guard v == 0, x.isFinite, x > 0, function.entry.family != .expression else { return (rounded, sure) }
        let corners = function.corners
        var probe = x
        for _ in 0..<256 {
            let next = probe > 1 ? probe / 2 : probe * 2
            // The piece ends at a corner between the probe and the next point.
            if corners.contains(where: { ($0 - probe) * ($0 - next) <= 0 }) || probe == 1 { break }
            probe = next
            let jet = function.jet(at: probe)
            let w = derivative ? jet.derivative : jet.value
            if w != 0 { return (w > 0 ? format.leastNormalMagnitude : .nan, w.isFinite) }
        }
        return (rounded, true)
    }

    /// The true f and f′ rounded to float64, where something beyond the double decides them.
    ///
    /// A linear piece through 0 decides (f = f′·x, the double product rounded once, f′ exact),
    /// or the kernel's evaluation beyond double precision. Either only when every parameter is a short
    /// binary fraction (0.25, 3): a slope typed as 0.01, or SELU's λ, is not the double the
    /// kernel holds, and the last bit of the product depends on the difference.
    private func float64Point(at input: Double, _ truth: Jet) -> FormatPoint {
        var (value, slope, sure, sureSlope) = (truth.value, truth.derivative, false, false)
        if function.parametersAreShortBinary {
            if linearSide(truth, at: input) != nil {
                (sure, sureSlope) = (true, true)
            } else if let precise = function.preciseJet(at: input) {
                (value, sure) = Self.correctlyRounded(precise.value, format, error: precise.error.value)
                (slope, sureSlope) = Self.correctlyRounded(
                    precise.derivative, format, error: precise.error.derivative)
            }
        }
        return FormatPoint(
            input: input, value: value, derivative: slope, exactValue: truth.value,
            exactDerivative: truth.derivative,
            valueCertain: sure || !input.isFinite && !value.isFinite,
            derivativeCertain: sureSlope || !input.isFinite && !value.isFinite)
    }

    /// The side of the double on which the exact product f′·x lies, on a linear piece through 0.
    ///
    /// Where f = f′·x and f″ = 0 (leaky_relu's α·x, relu's x), the product's rounding error
    /// (an fma gives it exactly) says which way the truth is: 0 when the double is the product.
    /// Nil where f is not such a product, and for typed formulas, whose slope (`x/3`'s 1/3) may
    /// not be a double.
    func linearSide(_ truth: Jet, at x: Double) -> Double? {
        let (d, hi) = (truth.derivative, truth.derivative * x)
        guard truth.secondDerivative == 0, truth.value == hi, hi.isFinite, function.value(at: 0) == 0,
            function.entry.family != .expression
        else { return nil }
        let lo = (-hi).addingProduct(d, x)
        return lo > 0 ? 1 : lo < 0 ? -1 : 0
    }

    /// The side of the double on which the true f lies, by the series at 0, or nil.
    ///
    /// Near 0 where f(0) = 0, f(x) = f′(0)·x + f″(0)·x²/2 + …: a double f′(0)·x that sits on a
    /// rounding boundary (a subnormal input's half) is pushed off it by the x² term, whose sign
    /// is f″(0)'s. Returns that side (±1), or nil where the series does not decide.
    func seriesSide(at x: Double) -> Double? {
        guard abs(x) < 0x1p-60 else { return nil }
        let origin = function.jet(at: 0)
        guard origin.value == 0, origin.secondDerivative != 0, origin.secondDerivative.isFinite else {
            return nil
        }
        return origin.secondDerivative > 0 ? 1 : -1
    }

    /// A double-double rounded once to the format, and whether every value within `error` of
    /// it rounds the same way (always, for an exact value: 0).
    static func correctlyRounded(_ v: DoubleDouble, _ format: NumberFormat, error: Double) -> (Double, Bool) {
        let r = rounded(v, format)
        guard v.hi.isFinite, v.hi != 0, error > 0 else { return (r, true) }
        let margin = DoubleDouble(error)
        let (low, high) = (rounded(v.minus(margin), format), rounded(v.plus(margin), format))
        return (r, low == r && high == r)
    }

    /// hi + lo rounded once to the format: hi's rounding, unless hi is a midpoint of the format
    /// (a double, as every midpoint of a narrower format is), where the sign of lo decides.
    static func rounded(_ v: DoubleDouble, _ format: NumberFormat) -> Double {
        let r = format.rounded(v.hi)
        guard v.lo != 0, r != v.hi, v.hi.isFinite else { return r }
        // The neighbour on hi's other side: hi is the midpoint when it is halfway to r.
        let other = format.rounded(2 * v.hi - r)
        guard other != r, (r + other) / 2 == v.hi else { return r }
        return (v.lo > 0) == (other > r) ? other : r
    }

    /// v rounded to the format, and whether every value within `bound` double ulps of v
    /// rounds the same way (so the true value, that close to v, does too).
    static func correctlyRounded(_ v: Double, _ format: NumberFormat, bound: Double) -> (Double, Bool) {
        SoftwareRounding(format: format).correctlyRounded(v, bound: bound)
    }
}

/// One point of a function in a format: what the format computes and what is true.
public struct FormatPoint: Sendable, Hashable {
    /// x rounded to the format: the input the kernel sees.
    public let input: Double
    /// f as the format computes it.
    public let value: Double
    /// f′ as the format computes it.
    public let derivative: Double
    /// The true f at the rounded input (to a few double ulps).
    public let exactValue: Double
    /// The true f′ at the rounded input.
    public let exactDerivative: Double
    /// For exact rounding: whether the double's margin of error leaves f's rounding in no
    /// doubt (false only within a few double ulps of a rounding boundary of the format).
    public let valueCertain: Bool
    /// The same for f′.
    public let derivativeCertain: Bool

    /// Whether both roundings are certain.
    public var certain: Bool { valueCertain && derivativeCertain }

    /// A point whose f and f′ are certain or uncertain alike.
    init(
        input: Double, value: Double, derivative: Double, exactValue: Double, exactDerivative: Double,
        certain: Bool
    ) {
        self.init(
            input: input, value: value, derivative: derivative, exactValue: exactValue,
            exactDerivative: exactDerivative, valueCertain: certain, derivativeCertain: certain)
    }

    /// A point with f's and f′'s certainty apart.
    public init(
        input: Double, value: Double, derivative: Double, exactValue: Double, exactDerivative: Double,
        valueCertain: Bool, derivativeCertain: Bool
    ) {
        self.input = input
        self.value = value
        self.derivative = derivative
        self.exactValue = exactValue
        self.exactDerivative = exactDerivative
        self.valueCertain = valueCertain
        self.derivativeCertain = derivativeCertain
    }
}

/// A formula's programs for blocks of inputs: f, f′ (reading y), and where the formula chooses
/// by a condition, the condition and the other f and f′.
struct FormulaPrograms: Sendable {
    let value: RoundedProgram
    let derivative: RoundedProgram
    let selection: (condition: RoundedProgram, value: RoundedProgram, derivative: RoundedProgram)?

    /// The programs of formulas with a written f′; nil for autograd (typed expressions).
    init?(_ formula: NaiveFormula) {
        guard let derivative = formula.derivativeNode else { return nil }
        value = RoundedProgram(formula.valueNode)
        self.derivative = RoundedProgram(derivative)
        selection = formula.selection.map {
            (RoundedProgram($0.condition), RoundedProgram($0.value), RoundedProgram($0.derivative))
        }
    }

    /// Doubles of scratch the largest program needs over `n` inputs.
    func registerCount(_ n: Int) -> Int {
        var programs = [value, derivative]
        if let selection { programs += [selection.condition, selection.value, selection.derivative] }
        return programs.map { $0.registerCount(n) }.max() ?? 0
    }
}
