/// PyTorch's own vectorised float32 erf, bit for bit but for its exp: `Vectorized<float>::erf`
/// in `aten/src/ATen/cpu/vec/vec512/vec512_float.h` (the AVX-512 build torch 2.15 dispatches
/// to here), which GeluKernelImpl calls for GELU's erf form in float16 (bfloat16 and float32
/// go to oneDNN, ``OneDNN``).
///
/// Abramowitz and Stegun's 7.1.26 with FMAs: t = 1/(p·|x| + 1), r = ((((p5·t + p4)·t + p3)·t
/// + p2)·t + p1), erf = sign(x)·(1 − r·t·e^(−x²)). ATen takes e^(−x²) from Sleef's expf u10;
/// the correctly rounded float32 exp stands for it here (Sleef's is within an ulp).
enum ATen {
    /// erf(x) as ATen's AVX-512 Vectorized<float> computes it.
    static func erf(_ x: Float) -> Float {
        let t = 1 / Float(1).addingProduct(0.3275911, abs(x))
        var r = Float(-1.453152027).addingProduct(1.061405429, t)
        r = Float(1.421413741).addingProduct(r, t)
        r = Float(-0.284496736).addingProduct(r, t)
        r = Float(0.254829592).addingProduct(r, t)
        let e = Float(exp(Double(-(x * x))))
        let value = Float(1).addingProduct(-e * t, r)
        return x.sign == .minus ? -value : value
    }
}
