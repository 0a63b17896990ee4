// The one file of ActivationCore that imports the platform's C library: its math functions
// under their C names, the processor count and C's number formatting, for the module's other
// files, which import nothing from the platform.
// (swift-system's Internals/Exports.swift and swift-numerics' _NumericsShims do the same.)
//
// actplot is built and tested on Linux with glibc, and nowhere else; another C library would
// add its import here, and the module would need no other change.

#if canImport(Glibc)
    import Glibc
#else
    #error("ActivationCore is built on Linux with glibc; add the platform's C library here")
#endif

// MARK: - Exponentials and logarithms

/// e^x.
@_transparent func exp(_ x: Double) -> Double { Glibc.exp(x) }
/// e^x − 1, exact near 0.
@_transparent func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
/// The natural logarithm.
@_transparent func log(_ x: Double) -> Double { Glibc.log(x) }
/// log(1 + x), exact near 0.
@_transparent func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
/// The decimal logarithm.
@_transparent func log10(_ x: Double) -> Double { Glibc.log10(x) }
/// The binary logarithm.
@_transparent func log2(_ x: Double) -> Double { Glibc.log2(x) }
/// The real cube root, negative for negative x.
@_transparent func cbrt(_ x: Double) -> Double { Glibc.cbrt(x) }
/// x^y.
@_transparent func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }

// MARK: - Trigonometric and hyperbolic functions

/// sin x.
@_transparent func sin(_ x: Double) -> Double { Glibc.sin(x) }
/// cos x.
@_transparent func cos(_ x: Double) -> Double { Glibc.cos(x) }
/// tan x.
@_transparent func tan(_ x: Double) -> Double { Glibc.tan(x) }
#if arch(x86_64)
    /// sin x in `long double`, reduced exactly at any magnitude.
    @_transparent func sin(_ x: Float80) -> Float80 { Glibc.sinl(x) }
    /// cos x in `long double`, reduced exactly at any magnitude.
    @_transparent func cos(_ x: Float80) -> Float80 { Glibc.cosl(x) }
#endif
/// sinh x.
@_transparent func sinh(_ x: Double) -> Double { Glibc.sinh(x) }
/// cosh x.
@_transparent func cosh(_ x: Double) -> Double { Glibc.cosh(x) }
/// tanh x.
@_transparent func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
/// The arc tangent, in (−π/2, π/2).
@_transparent func atan(_ x: Double) -> Double { Glibc.atan(x) }
/// The arc sine, NaN outside [−1, 1].
@_transparent func asin(_ x: Double) -> Double { Glibc.asin(x) }
/// The arc cosine, NaN outside [−1, 1].
@_transparent func acos(_ x: Double) -> Double { Glibc.acos(x) }
/// The inverse hyperbolic sine.
@_transparent func asinh(_ x: Double) -> Double { Glibc.asinh(x) }
/// The inverse hyperbolic cosine, NaN below 1.
@_transparent func acosh(_ x: Double) -> Double { Glibc.acosh(x) }
/// The inverse hyperbolic tangent, ±∞ at ±1.
@_transparent func atanh(_ x: Double) -> Double { Glibc.atanh(x) }

// MARK: - Error functions and others

/// The error function.
@_transparent func erf(_ x: Double) -> Double { Glibc.erf(x) }
/// The complementary error function 1 − erf x, exact in its tail.
@_transparent func erfc(_ x: Double) -> Double { Glibc.erfc(x) }
/// √(x² + y²) without overflow or underflow in the squares.
@_transparent func hypot(_ x: Double, _ y: Double) -> Double { Glibc.hypot(x, y) }
/// The largest whole number ≤ x.
@_transparent func floor(_ x: Double) -> Double { Glibc.floor(x) }

// MARK: - The machine

/// The processors online, at least 1.
func processorsOnline() -> Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

// MARK: - Number text

/// `value` in C's `%.*e` notation with `significantDigits` digits (`1.235e+02`), in the "C"
/// locale, which actplot never changes.
func scientificText(_ value: Double, significantDigits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 48)
    let length = buffer.withUnsafeMutableBufferPointer { pointer in
        withVaList([Int32(significantDigits - 1), value]) {
            vsnprintf(pointer.baseAddress, pointer.count, "%.*e", $0)
        }
    }
    return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
