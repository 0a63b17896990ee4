// The catalog's contents: one entry per function of shared/catalog.md.

extension Catalog {
    static let elementwiseEntries: [CatalogEntry] = [
        CatalogEntry(
            name: "identity", family: .linear, aliases: ["linear"],
            formula: "f(x) = x", parameters: [],
            notes: """
                The output layer of a regression network, or no activation at all. A network \
                of linear layers with identity activations is one linear map.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in Identity() }),
        CatalogEntry(
            name: "binary_step", family: .step, aliases: ["step", "heaviside"],
            formula: "f(x) = 1 if x > 0, 0 if x < 0, at_zero at 0",
            parameters: [.real("at_zero", 0, .finite, "the value at x = 0")],
            notes: """
                The perceptron's threshold unit. Its derivative is 0 wherever it exists, so \
                it cannot be trained by gradient descent; useful for teaching and as a \
                hard decision at inference.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .discontinuous },
            makeKernel: { a in BinaryStep(atZero: a["at_zero"]) }),
        CatalogEntry(
            name: "sigmoid", family: .sigmoidal, aliases: ["logistic"],
            formula: "f(x) = 1/(1 + e^-x)", parameters: [],
            notes: """
                Output layer for binary probabilities, and gates in LSTMs and GRUs. In hidden \
                layers it saturates (f′ < 1e-3 beyond |x| ≈ 6.9), its outputs are not centred \
                on 0 and f′ ≤ 1/4, so deep stacks of it train slowly.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in Sigmoid() }),
        CatalogEntry(
            name: "tanh", family: .sigmoidal, aliases: ["hyperbolic_tangent"],
            formula: "f(x) = tanh x = (e^x - e^-x)/(e^x + e^-x)", parameters: [],
            notes: """
                Zero-centred sigmoid with f′(0) = 1: the classic choice for recurrent \
                networks and small MLPs. Saturates (f′ < 1e-3 beyond |x| ≈ 4.1), so deep \
                feed-forward stacks prefer ReLU-like functions.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in HyperbolicTangent() }),
        CatalogEntry(
            name: "relu", family: .rectifier, aliases: ["relu_x", "rectifier"],
            formula: "f(x) = max(0, x); generalised: min(x, max_value) for x > threshold, "
                + "negative_slope*(x - threshold) otherwise",
            parameters: [
                .real("negative_slope", 0, .finite, "slope below the threshold (Keras)"),
                .real("max_value", .infinity, .positiveOrInfinity, "cap on the output (Keras)"),
                .real("threshold", 0, .finite, "where the active piece starts (Keras)"),
            ],
            notes: """
                The default hidden activation: cheap, no saturation for x > 0, sparse \
                outputs. Units whose inputs stay negative stop learning ("dying ReLU"); \
                leaky variants, ELU or GELU avoid that. relu′(0) = 0 in every framework.
                """,
            hasKinks: true, vector: nil,
            smoothness: { a in a["threshold"] != 0 ? .discontinuous : .continuous },
            makeKernel: { a in
                
                    Rectifier(
                        negativeSlope: a["negative_slope"], maxValue: a["max_value"],
                        threshold: a["threshold"], kink: a.kink)
            }),
        CatalogEntry(
            name: "relu6", family: .rectifier, aliases: [],
            formula: "f(x) = min(max(x, 0), 6)", parameters: [],
            notes: """
                ReLU capped at 6 (MobileNet): the bound keeps activations representable in \
                low-precision fixed point. f′ = 0 at 0 and at 6 in every framework.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in
                Rectifier(negativeSlope: 0, maxValue: 6, threshold: 0, kink: a.kink)
            }),
        CatalogEntry(
            name: "leaky_relu", family: .rectifier, aliases: ["lrelu", "leakyrelu"],
            formula: "f(x) = x if x >= 0 else alpha*x",
            parameters: [.real("alpha", 0.01, .finite, "slope for x < 0")],
            notes: """
                ReLU with a small slope for x < 0, so no unit dies. Frameworks disagree on \
                the default slope: 0.01 (PyTorch, JAX, DL4J), 0.2 (Keras 3 function, \
                TensorFlow), 0.3 (Keras LeakyReLU layer); and on f′(0): α or 1.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in LeakyRectifier(alpha: a["alpha"], kink: a.kink) }),
        CatalogEntry(
            name: "prelu", family: .rectifier, aliases: ["parametric_relu"],
            formula: "f(x) = x if x >= 0 else alpha*x (alpha learned)",
            parameters: [.real("alpha", 0.25, .finite, "the learned slope for x < 0, at its plotted value")],
            notes: """
                Leaky ReLU whose slope is learned per channel (He et al. 2015). Plotted at a \
                given slope; PyTorch initialises it to 0.25, Keras to 0.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in LeakyRectifier(alpha: a["alpha"], kink: a.kink) }),
        CatalogEntry(
            name: "rrelu", family: .rectifier, aliases: ["randomized_relu"],
            formula:
                "f(x) = x if x >= 0 else a*x; a ~ U(lower, upper) in training, (lower + upper)/2 in evaluation",
            parameters: [
                .real("lower", 0.125, .finite, "lower bound of the random slope"),
                .real("upper", 1.0 / 3.0, .finite, "upper bound of the random slope"),
            ],
            notes: """
                Randomised leaky ReLU: a random negative slope per element while training (a \
                regulariser), the mean slope at evaluation, which is what is computed here \
                (11/48 = 0.2291… with the defaults).
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in
                LeakyRectifier(alpha: 0.5 * (a["lower"] + a["upper"]), kink: a.kink)
            }),
        CatalogEntry(
            name: "threshold", family: .rectifier, aliases: [],
            formula: "f(x) = x if x > threshold else value",
            parameters: [
                .real("threshold", 0, .finite, "where the identity starts"),
                .real("value", 0, .finite, "the output at and below the threshold"),
            ],
            notes: """
                PyTorch's Threshold (and Keras' threshold): the identity above a threshold, \
                a constant below. Discontinuous unless value = threshold.
                """,
            hasKinks: true, vector: nil,
            smoothness: { a in a["threshold"] == a["value"] ? .continuous : .discontinuous },
            makeKernel: { a in
                Threshold(threshold: a["threshold"], replacement: a["value"], kink: a.kink)
            }),
        CatalogEntry(
            name: "thresholded_relu", family: .rectifier, aliases: [],
            formula: "f(x) = x if x > theta else 0",
            parameters: [.real("theta", 1, .finite, "where the identity starts")],
            notes: """
                DL4J's and Keras 2's ThresholdedReLU: zero up to θ, then the identity, with \
                a jump of θ at θ. Used in some autoencoders to force sparse codes.
                """,
            hasKinks: true, vector: nil,
            smoothness: { a in a["theta"] == 0 ? .continuous : .discontinuous },
            makeKernel: { a in Threshold(threshold: a["theta"], replacement: 0, kink: a.kink) }),
        CatalogEntry(
            name: "hardtanh", family: .sigmoidal, aliases: ["hard_tanh"],
            formula: "f(x) = min(max(x, min_val), max_val)",
            parameters: [
                .real("min_val", -1, .finite, "lower clip"),
                .real("max_val", 1, .finite, "upper clip"),
            ],
            notes: """
                A cheap piecewise-linear tanh. f′(±1) is 0 in PyTorch but 1 in JAX, Keras \
                and DL4J.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in HardTanh(minimum: a["min_val"], maximum: a["max_val"], kink: a.kink)
            }),
        CatalogEntry(
            name: "hard_sigmoid", family: .sigmoidal, aliases: ["hardsigmoid"],
            formula: "f(x) = min(max(slope*x + offset, 0), 1)",
            parameters: [
                .real("slope", 1.0 / 6.0, .positive, "slope of the middle piece"),
                .real("offset", 0.5, .finite, "value at 0"),
            ],
            notes: """
                A piecewise-linear sigmoid for fast or quantised inference (MobileNetV3). \
                Two definitions are in use: x/6 + 1/2 with corners at ±3 (PyTorch, JAX, \
                Keras 3) and 0.2x + 0.5 with corners at ±2.5 (DL4J, Keras 2).
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in HardSigmoid(slope: a["slope"], offset: a["offset"], kink: a.kink)
            }),
        CatalogEntry(
            name: "hard_swish", family: .selfGated, aliases: ["hardswish", "hard_silu", "hardsilu"],
            formula: "f(x) = x*relu6(x + 3)/6",
            parameters: [],
            notes: """
                A piecewise-quadratic SiLU for mobile networks (MobileNetV3): no exponential. \
                PyTorch before 2.7 gave f′(±3) = −0.5 and 1.5; now 0 and 1.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in HardSwish(kink: a.kink) }),
        CatalogEntry(
            name: "softsign", family: .sigmoidal, aliases: ["soft_sign"],
            formula: "f(x) = x/(1 + |x|)", parameters: [],
            notes: """
                A tanh-like function with polynomial tails: it saturates much more slowly \
                than tanh (f′ ~ 1/x²), and needs no exponential.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .differentiable },
            makeKernel: { _ in Softsign() }),
        CatalogEntry(
            name: "softplus", family: .smoothRectifier, aliases: ["smooth_relu"],
            formula: "f(x) = log(1 + e^(beta*x))/beta; x where beta*x > threshold",
            parameters: [
                .real("beta", 1, .positive, "sharpness: larger beta is closer to ReLU"),
                .real("threshold", .infinity, .extended, "above beta*x > threshold, f = x (PyTorch uses 20)"),
            ],
            notes: """
                A smooth ReLU whose derivative is the sigmoid; also used to keep a predicted \
                scale or variance positive. PyTorch's threshold of 20 makes it jump by \
                2.1e-9 at x = 20.
                """,
            hasKinks: false, vector: nil,
            smoothness: { a in a["threshold"].isFinite ? .discontinuous : .smooth },
            makeKernel: { a in Softplus(beta: a["beta"], threshold: a["threshold"]) }),
        CatalogEntry(
            name: "log_sigmoid", family: .smoothRectifier, aliases: ["logsigmoid"],
            formula: "f(x) = log(1/(1 + e^-x)) = -softplus(-x)", parameters: [],
            notes: """
                The log-probability of a sigmoid output, for numerically stable \
                binary cross-entropy. Must be computed as −softplus(−x): log(σ(x)) is −∞ \
                below x ≈ −745.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in LogSigmoid() }),
        CatalogEntry(
            name: "elu", family: .exponentialLinear, aliases: [],
            formula: "f(x) = x if x > 0 else alpha*(e^x - 1)",
            parameters: [.real("alpha", 1, .finite, "the negative saturation value is -alpha")],
            notes: """
                Smooth negative part that saturates at −α, pushing mean activations toward 0 \
                (Clevert et al. 2016). Costs an exponential. f′(0) is α in PyTorch and JAX, \
                1 in TensorFlow and DL4J.
                """,
            hasKinks: true, vector: nil,
            smoothness: { a in a["alpha"] == 1 ? .differentiable : .continuous },
            makeKernel: { a in
                ExponentialLinear(alpha: a["alpha"], scale: 1, kink: a.kink)
            }),
        CatalogEntry(
            name: "celu", family: .exponentialLinear, aliases: [],
            formula: "f(x) = max(0, x) + min(0, alpha*(e^(x/alpha) - 1))",
            parameters: [.real("alpha", 1, .nonZero, "the negative saturation value is -alpha")],
            notes: """
                ELU rescaled so that f′ is continuous for every α (Barron 2017). Keras on \
                TensorFlow reports f′(0) = 2, an artefact of its max/min gradient rule.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .differentiable },
            makeKernel: { a in
                ContinuousExponentialLinear(alpha: a["alpha"], kink: a.kink)
            }),
        CatalogEntry(
            name: "selu", family: .exponentialLinear, aliases: [],
            formula: "f(x) = lambda*(x if x > 0 else alpha*(e^x - 1))",
            parameters: [
                .real("lambda", ExponentialLinear.seluLambda, .positive, "scale, 1.0507009873554804934…"),
                .real("alpha", ExponentialLinear.seluAlpha, .finite, "1.6732632423543772848…"),
            ],
            notes: """
                Self-normalising networks (Klambauer et al. 2017): with LeCun-normal weights \
                and these constants, activations keep mean 0 and variance 1 through deep \
                fully-connected stacks. f′(0) is λα in PyTorch, JAX and DL4J, λ in TensorFlow.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in
                ExponentialLinear(alpha: a["alpha"], scale: a["lambda"], kink: a.kink)
            }),
        CatalogEntry(
            name: "gelu", family: .selfGated, aliases: ["gaussian_error_linear_unit"],
            formula: "exact: f(x) = x*Phi(x); tanh: x/2*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3))); "
                + "sigmoid: x*sigmoid(1.702*x)",
            parameters: [
                .choice(
                    "approximate", "none", ["none", "tanh", "sigmoid"], "exact, or one of two approximations")
            ],
            notes: """
                The transformer activation (BERT, GPT): x weighted by the probability that a \
                standard normal is below x. Frameworks differ on the default form: exact in \
                PyTorch, TensorFlow and keras.activations; tanh in JAX and keras.ops; \
                x·σ(1.702x) in DL4J. The tanh form is within 4.7e-4 of the exact one.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { a in
                switch a.choice("approximate") {
                case "tanh": TanhApproximateGELU()
                case "sigmoid":
                    SigmoidLinear(beta: DoubleDouble(1.702, 4.263256414560601e-17))
                default: GaussianErrorLinear()
                }
            }),
        CatalogEntry(
            name: "silu", family: .selfGated, aliases: ["swish"],
            formula: "f(x) = x*sigmoid(beta*x)",
            parameters: [.real("beta", 1, .positive, "gate sharpness (TensorFlow's swish)")],
            notes: """
                Swish (Ramachandran et al. 2017): smooth, non-monotonic (minimum −0.2785 at \
                x = −1.2785), unbounded above. Common in EfficientNet and LLM feed-forward \
                layers (SwiGLU).
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { a in SigmoidLinear(beta: DoubleDouble(a["beta"])) }),
        CatalogEntry(
            name: "mish", family: .selfGated, aliases: [],
            formula: "f(x) = x*tanh(softplus(x))", parameters: [],
            notes: """
                A smooth, non-monotonic self-gated function (Misra 2019), close to SiLU \
                (minimum −0.3088 at x = −1.1924), used in YOLOv4. Costs an exponential and \
                a few divisions.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in Mish() }),
        CatalogEntry(
            name: "hardshrink", family: .shrinkage, aliases: ["hard_shrink"],
            formula: "f(x) = x if |x| > lambda else 0",
            parameters: [.real("lambda", 0.5, .nonNegative, "half-width of the dead zone")],
            notes: """
                Hard thresholding for sparse coding: zero in [−λ, λ], the identity outside, \
                with jumps of λ at ±λ.
                """,
            hasKinks: true, vector: nil,
            smoothness: { a in a["lambda"] == 0 ? .smooth : .discontinuous },
            makeKernel: { a in Shrinkage(lambda: a["lambda"], variant: .hard, kink: a.kink) }),
        CatalogEntry(
            name: "softshrink", family: .shrinkage, aliases: ["soft_shrink"],
            formula: "f(x) = x - lambda*sign(x) if |x| > lambda else 0",
            parameters: [.real("lambda", 0.5, .nonNegative, "half-width of the dead zone")],
            notes: """
                Soft thresholding, the proximal map of λ|x| (ISTA, LISTA): continuous, shifts \
                the outer pieces toward 0 by λ.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in Shrinkage(lambda: a["lambda"], variant: .soft, kink: a.kink) }),
        CatalogEntry(
            name: "tanhshrink", family: .shrinkage, aliases: ["tanh_shrink"],
            formula: "f(x) = x - tanh x", parameters: [],
            notes: """
                Smooth, cubic near 0 (x³/3) and x ∓ 1 far out: a soft dead zone. Rarely used \
                in practice; computed with a one-signed series where x − tanh x cancels.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in TanhShrink() }),
        CatalogEntry(
            name: "squareplus", family: .smoothRectifier, aliases: [],
            formula: "f(x) = (x + sqrt(x^2 + b))/2",
            parameters: [.real("b", 4, .nonNegative, "smoothness at 0; b = 0 is ReLU")],
            notes: """
                A softplus-like smooth ReLU made of a square root only (Barron 2021): cheaper \
                than softplus on accelerators, f(0) = √b/2.
                """,
            hasKinks: true, vector: nil,
            smoothness: { a in a["b"] == 0 ? .continuous : .smooth },
            makeKernel: { a in Squareplus(b: a["b"], kink: a.kink) }),
        CatalogEntry(
            name: "sparse_plus", family: .smoothRectifier, aliases: ["sparseplus"],
            formula: "f(x) = 0 if x <= -1, (x + 1)^2/4 if -1 < x < 1, x if x >= 1",
            parameters: [],
            notes: """
                A softplus with exact zeros below −1 (JAX, Keras): sparse outputs with a \
                continuous derivative, which is sparse_sigmoid.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .differentiable },
            makeKernel: { a in SparsePlus(kink: a.kink) }),
        CatalogEntry(
            name: "sparse_sigmoid", family: .sigmoidal, aliases: ["sparsesigmoid"],
            formula: "f(x) = 0 if x <= -1, (x + 1)/2 if -1 < x < 1, 1 if x >= 1",
            parameters: [],
            notes: """
                A hard sigmoid with corners at ±1 (JAX, Keras), the derivative of sparse_plus. \
                JAX's gradient at ±1 is 1/4, TensorFlow's 0.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in SparseSigmoid(kink: a.kink) }),
        CatalogEntry(
            name: "exponential", family: .elementary, aliases: ["exp"],
            formula: "f(x) = e^x", parameters: [],
            notes: """
                Keras' `exponential`: a positive output such as a rate. Overflows to +∞ above \
                x ≈ 709.78.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in Exponential() }),
        CatalogEntry(
            name: "cube", family: .elementary, aliases: [],
            formula: "f(x) = x^3", parameters: [],
            notes: """
                DL4J's CUBE, from the Chen & Manning dependency parser (2014). Unbounded with \
                a flat spot at 0; overflows beyond |x| ≈ 5.6e102.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .smooth },
            makeKernel: { _ in Cube() }),
        CatalogEntry(
            name: "rectified_tanh", family: .sigmoidal, aliases: ["rectifiedtanh"],
            formula: "f(x) = max(0, tanh x)", parameters: [],
            notes: """
                DL4J's RECTIFIEDTANH: tanh for x > 0, zero below; bounded above by 1, with a \
                dead negative half like ReLU.
                """,
            hasKinks: true, vector: nil, smoothness: { _ in .continuous },
            makeKernel: { a in RectifiedTanh(kink: a.kink) }),
        CatalogEntry(
            name: "rational_tanh", family: .sigmoidal, aliases: ["rationaltanh"],
            formula: "y = 2x/3; f(x) = 1.7159*sign(y)*(1 - 1/(1 + |y| + y^2 + 1.41645*y^4))",
            parameters: [],
            notes: """
                DL4J's RATIONALTANH: LeCun's scaled tanh 1.7159·tanh(2x/3) replaced by a \
                rational approximation that needs no exponential. It is not tanh: at x = 1 it \
                gives 0.9982 where 1.7159·tanh(2/3) is 1.0000.
                """,
            hasKinks: false, vector: nil, smoothness: { _ in .twiceDifferentiable },
            makeKernel: { _ in RationalTanh() }),
    ]

    static let vectorEntries: [CatalogEntry] = [
        CatalogEntry(
            name: "softmax", family: .vector, aliases: [],
            formula: "f(x)_i = e^(x_i)/sum_j e^(x_j)", parameters: [],
            notes: """
                Turns scores into a probability distribution: the output layer of a \
                classifier, and attention weights. Computed with the largest input \
                subtracted. Plotted as output 0 over x with the other inputs fixed.
                """,
            hasKinks: false, vector: .softmax, smoothness: { _ in .smooth },
            makeKernel: { a in SoftmaxComponent(others: a.others, variant: .softmax) }),
        CatalogEntry(
            name: "log_softmax", family: .vector, aliases: ["logsoftmax"],
            formula: "f(x)_i = x_i - log(sum_j e^(x_j))", parameters: [],
            notes: """
                The log of softmax, computed without forming softmax: the input to \
                negative log-likelihood (cross-entropy) losses.
                """,
            hasKinks: false, vector: .logSoftmax, smoothness: { _ in .smooth },
            makeKernel: { a in SoftmaxComponent(others: a.others, variant: .logSoftmax) }),
        CatalogEntry(
            name: "softmin", family: .vector, aliases: [],
            formula: "f(x) = softmax(-x)", parameters: [],
            notes: "PyTorch's Softmin: a distribution that favours the smallest inputs.",
            hasKinks: false, vector: .softmin, smoothness: { _ in .smooth },
            makeKernel: { a in SoftmaxComponent(others: a.others, variant: .softmin) }),
        CatalogEntry(
            name: "glu", family: .vector, aliases: ["gated_linear_unit"],
            formula: "x = [a, b] (halves); f(x) = a * sigmoid(b)", parameters: [],
            notes: """
                Gated linear unit (Dauphin et al. 2017): half the inputs gate the other half; \
                the parent of SwiGLU and GeGLU in transformer feed-forward layers. The input \
                length must be even.
                """,
            hasKinks: false, vector: .gatedLinear, smoothness: { _ in .smooth },
            makeKernel: { a in
                let inputs = [0] + a.others
                let gate = inputs.count >= 2 ? inputs[inputs.count / 2] : 0
                return GatedLinearComponent(gate: gate)
            }),
        CatalogEntry(
            name: "crelu", family: .vector, aliases: ["concatenated_relu"],
            formula: "f(x) = [relu(x), relu(-x)] (twice the length)", parameters: [],
            notes: """
                Concatenated ReLU (Shang et al. 2016, TensorFlow's crelu): keeps both the \
                positive and the negative part, doubling the width.
                """,
            hasKinks: true, vector: .concatenatedRectifier, smoothness: { _ in .continuous },
            makeKernel: { a in
                Rectifier(negativeSlope: 0, maxValue: .infinity, threshold: 0, kink: a.kink)
            }),
    ]
}
