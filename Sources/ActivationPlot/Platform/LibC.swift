// The one file of ActivationPlot that imports the platform's C library (libpng and zlib come
// through CLibPNG): the few functions the rasterizer and the tick engine use, under their C
// names, for the module's other files.

#if canImport(Glibc)
    import Glibc
#else
    #error("ActivationPlot is built on Linux with glibc; add the platform's C library here")
#endif

/// The largest whole number ≤ x.
@_transparent func floor(_ x: Double) -> Double { Glibc.floor(x) }
/// The smallest whole number ≥ x.
@_transparent func ceil(_ x: Double) -> Double { Glibc.ceil(x) }
/// sin x.
@_transparent func sin(_ x: Double) -> Double { Glibc.sin(x) }
/// cos x.
@_transparent func cos(_ x: Double) -> Double { Glibc.cos(x) }
/// x^y.
@_transparent func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
/// The decimal logarithm.
@_transparent func log10(_ x: Double) -> Double { Glibc.log10(x) }
/// log(1 + x).
@_transparent func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
/// eˣ − 1.
@_transparent func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
