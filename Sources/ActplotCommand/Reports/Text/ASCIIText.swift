/// Text for a terminal whose locale is not UTF-8 (`LANG=C`): the mathematical characters of
/// actplot's words spelled in ASCII (f′ as f', −∞ as -inf, ∂ as d, λα as lambda*alpha).
///
/// JSON and CSV are left as they are: JSON is UTF-8 by definition, and CSV headers are ASCII.
enum ASCIIText {
    /// Each character's ASCII spelling; a combining mark (Ŵ's hat) drops.
    private static let spellings: [Character: String] = [
        "′": "'", "″": "''", "−": "-", "∓": "-/+", "±": "+/-", "∞": "inf", "∂": "d", "·": "*",
        "×": "x", "√": "sqrt", "≈": "~", "≠": "!=", "≤": "<=", "≥": ">=", "≪": "<<", "∈": " in ",
        "…": "...", "½": "1/2", "¹": "^1", "²": "^2", "³": "^3", "⁴": "^4", "⁵": "^5", "⁶": "^6",
        "⁷": "^7", "⁹": "^9", "⁰": "^0", "⁻": "^-", "ⁿ": "^n", "ˣ": "^x", "ᵀ": "^T", "ᵏ": "^k",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₅": "5", "₇": "7", "ᵢ": "_i", "ⱼ": "_j", "ₖ": "_k",
        "ₒ": "_o", "₍": "(", "₎": ")", "⊙": "(.)", "→": "->", "Σ": "sum", "Φ": "Phi", "α": "alpha",
        "β": "beta", "δ": "delta", "ε": "eps", "θ": "theta", "κ": "kappa", "λ": "lambda", "π": "pi",
        "σ": "sigma", "τ": "tau", "φ": "phi", "Ŵ": "W^", "ŵ": "w^", "M̂": "M^", "ä": "ae", "é": "e",
        "–": "-", "—": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "━": "=", "●": "o",
    ]

    /// `text` with every non-ASCII character spelled out, or `?` where none is known.
    static func fallback(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                out.append(character)
            } else if let spelling = spellings[character] {
                // λα is a product: lambda*alpha, not lambdaalpha.
                if character.isLetter, spelling.first?.isLetter == true, out.last?.isLetter == true {
                    out += "*"
                }
                out += spelling
            } else if let base = character.unicodeScalars.first, base.isASCII {
                out.unicodeScalars.append(base)  // a letter with a combining mark: the letter
            } else {
                out += "?"
            }
        }
        return out
    }

    /// `text` as a locale can show it: as it is in UTF-8, else spelled in ASCII.
    /// - Parameters:
    ///   - text: Any text.
    ///   - unicode: Whether the locale's character set is UTF-8.
    static func forLocale(_ text: String, unicode: Bool) -> String {
        unicode ? text : fallback(text)
    }
}
