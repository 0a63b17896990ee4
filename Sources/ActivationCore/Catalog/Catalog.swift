/// The catalog of activation functions and the names that resolve to them.
///
/// ```swift
/// let gelu = try Catalog.activation("gelu:approximate=tanh")
/// gelu.value(at: 1)            // 0.8411919906082768
/// Catalog.entry(named: "LeakyReLU")?.name   // "leaky_relu"
/// ```
public enum Catalog {
    /// Every function, element-wise first, in the order `list` prints them.
    ///
    /// Each entry is defined in its kernel's file in `Functions/`; adding a function is that
    /// file and one line here.
    public static let all: [CatalogEntry] = [
        .identity,
        .dropout,
        .binaryStep,
        .sigmoid,
        .tanh,
        .relu,
        .relu6,
        .squaredReLU,
        .starReLU,
        .leakyReLU,
        .prelu,
        .rrelu,
        .threshold,
        .thresholdedReLU,
        .hardtanh,
        .hardSigmoid,
        .hardSwish,
        .hardMish,
        .softsign,
        .softplus,
        .sqrtSoftplus,
        .logSigmoid,
        .elu,
        .celu,
        .selu,
        .xielu,
        .gelu,
        .laplace,
        .silu,
        .mish,
        .hardshrink,
        .softshrink,
        .shrink,
        .tanhshrink,
        .squareplus,
        .sparsePlus,
        .sparseSigmoid,
        .exponential,
        .log1mexp,
        .cube,
        .rectifiedTanh,
        .rationalTanh,
        .snake,
        .nalu,
        .softmax,
        .logSoftmax,
        .softmin,
        .sparsemax,
        .hardmax,
        .glu,
        .swiglu,
        .geglu,
        .reglu,
        .bilinear,
        .crelu,
    ]

    /// The position in ``all`` of every name and alias, compared after ``normalize(_:)``.
    private static let index: [String: Int] = {
        var index: [String: Int] = [:]
        for (position, entry) in all.enumerated() {
            for name in [entry.name] + entry.aliases {
                let key = normalize(name)
                precondition(index[key].map { $0 == position } ?? true, "catalog name \(name) is used twice")
                index[key] = position
            }
        }
        return index
    }()

    /// The entry a name or alias denotes, ignoring case, `_`, `-` and spaces.
    /// - Parameter name: `leaky_relu`, `LeakyReLU`, `lrelu`, `swish`, …
    /// - Returns: The entry, or nil.
    public static func entry(named name: String) -> CatalogEntry? {
        index[normalize(name)].map { all[$0] }
    }

    /// Every name and alias the catalog answers to, normalised.
    public static var allNames: [String] { Array(index.keys).sorted() }

    /// A name reduced to what matching compares: lowercase, without `_`, `-` and spaces.
    /// - Parameter name: Any spelling.
    /// - Returns: `leaky_relu`, `Leaky-ReLU` and `leakyrelu` all give `leakyrelu`.
    public static func normalize(_ name: String) -> String {
        // ASCII, as every catalog name is, byte by byte (the index normalises them all at start-up).
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
        }
        let bytes = name.utf8.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: " "): nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: byte
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
