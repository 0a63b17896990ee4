/// The evaluator of one resolved function: a closed set of kernels, so that a caller
/// switches once and then runs specialised code (see ``KernelVisitor``).
enum Kernel: Sendable {
    case identity(Identity)
    case binaryStep(BinaryStep)
    case sigmoid(Sigmoid)
    case tanh(HyperbolicTangent)
    case rectifier(Rectifier)
    case leakyRectifier(LeakyRectifier)
    case threshold(Threshold)
    case hardTanh(HardTanh)
    case hardSigmoid(HardSigmoid)
    case hardSwish(HardSwish)
    case softsign(Softsign)
    case softplus(Softplus)
    case logSigmoid(LogSigmoid)
    case exponentialLinear(ExponentialLinear)
    case continuousExponentialLinear(ContinuousExponentialLinear)
    case gaussianErrorLinear(GaussianErrorLinear)
    case tanhApproximateGELU(TanhApproximateGELU)
    case sigmoidLinear(SigmoidLinear)
    case mish(Mish)
    case shrinkage(Shrinkage)
    case tanhShrink(TanhShrink)
    case squareplus(Squareplus)
    case sparsePlus(SparsePlus)
    case sparseSigmoid(SparseSigmoid)
    case exponential(Exponential)
    case cube(Cube)
    case rectifiedTanh(RectifiedTanh)
    case rationalTanh(RationalTanh)
    case softmaxComponent(SoftmaxComponent)
    case gatedLinearComponent(GatedLinearComponent)
    case expression(ExpressionKernel)

    /// Calls `visitor` with the concrete kernel, so generic code is specialised per kernel.
    @inline(__always)
    func accept<V: KernelVisitor>(_ visitor: inout V) {
        switch self {
        case .identity(let k): visitor.visit(k)
        case .binaryStep(let k): visitor.visit(k)
        case .sigmoid(let k): visitor.visit(k)
        case .tanh(let k): visitor.visit(k)
        case .rectifier(let k): visitor.visit(k)
        case .leakyRectifier(let k): visitor.visit(k)
        case .threshold(let k): visitor.visit(k)
        case .hardTanh(let k): visitor.visit(k)
        case .hardSigmoid(let k): visitor.visit(k)
        case .hardSwish(let k): visitor.visit(k)
        case .softsign(let k): visitor.visit(k)
        case .softplus(let k): visitor.visit(k)
        case .logSigmoid(let k): visitor.visit(k)
        case .exponentialLinear(let k): visitor.visit(k)
        case .continuousExponentialLinear(let k): visitor.visit(k)
        case .gaussianErrorLinear(let k): visitor.visit(k)
        case .tanhApproximateGELU(let k): visitor.visit(k)
        case .sigmoidLinear(let k): visitor.visit(k)
        case .mish(let k): visitor.visit(k)
        case .shrinkage(let k): visitor.visit(k)
        case .tanhShrink(let k): visitor.visit(k)
        case .squareplus(let k): visitor.visit(k)
        case .sparsePlus(let k): visitor.visit(k)
        case .sparseSigmoid(let k): visitor.visit(k)
        case .exponential(let k): visitor.visit(k)
        case .cube(let k): visitor.visit(k)
        case .rectifiedTanh(let k): visitor.visit(k)
        case .rationalTanh(let k): visitor.visit(k)
        case .softmaxComponent(let k): visitor.visit(k)
        case .gatedLinearComponent(let k): visitor.visit(k)
        case .expression(let k): visitor.visit(k)
        }
    }
}

/// Generic code run on the concrete kernel behind a ``Kernel``.
protocol KernelVisitor {
    /// Runs on `kernel`; specialised by the compiler for each kernel type.
    mutating func visit<K: ScalarKernel>(_ kernel: K)
}
