/// oneDNN's float32 eltwise_gelu_erf on AVX-512 (avx512_core and up), bit for bit.
///
/// The kernel torch 2.15 (oneDNN 3.13) runs for GELU's erf form in bfloat16 and float32, from
/// oneDNN's `src/cpu/x64/injectors/jit_uni_eltwise_injector.cpp`:
///
/// - forward, `gelu_erf_minimax_approx_compute_vector_fwd`: erf(x/√2) as a degree-5 minimax
///   polynomial in |x|, one of 25 chosen by x's exponent and two leading fraction bits (1 past
///   5.5425806, where erf is ±1), evaluated with FMAs; then 0.5·x·(1 + erf);
/// - backward, `gelu_erf_compute_vector_bwd`: Abramowitz and Stegun's 7.1.26 for erf and
///   oneDNN's own exp (`exp_compute_vector_fwd`: 2ⁿ·p(r), a degree-5 polynomial) for the
///   density, 0.5 + x/√(2π)·e^(−x²/2) + 0.5·erf.
///
/// bfloat16 results are stored by VCVTNEPS2BF16, which flushes float32 subnormals to zero
/// (``bfloat16(_:)``). Measured against torch 2.15 on this kind of machine: every finite
/// bfloat16 input's f and f′, and a float32 sample, bit-exact.
enum OneDNN {
    /// The forward's 25 polynomials: `coefficients[degree][index]`, from the injector's table.
    private static let coefficients: [[UInt32]] = [
        [
            0xa6f2_cb94, 0x3282_7792, 0x3381_cc0c, 0x3452_3d4a, 0x351a_c44d, 0x35f3_6d88, 0x36ee_8229,
            0x37b8_a3bb, 0x3867_a213, 0x3940_033b, 0x3a2a_5a1d, 0x3ae3_5863, 0x3b78_28f2, 0x3c08_b14b,
            0x3c51_5ed3, 0xbb50_3236, 0xbd8d_8e5e, 0xbe8a_bcd9, 0xbf0c_19a2, 0xbecc_b328, 0x3e17_6ced,
            0x3f47_0d99, 0x3f7a_bb28, 0x3f80_0000, 0,
        ],
        [
            0x3f4c_422a, 0x3f4c_421f, 0x3f4c_4207, 0x3f4c_41cb, 0x3f4c_413b, 0x3f4c_3fad, 0x3f4c_3a2f,
            0x3f4c_2d40, 0x3f4c_146a, 0x3f4b_c341, 0x3f4a_d08c, 0x3f48_f8cf, 0x3f45_fac7, 0x3f40_4e07,
            0x3f3b_980f, 0x3f48_dff3, 0x3f78_b21b, 0x3fbb_0704, 0x4001_9c32, 0x3fe5_36d6, 0x3f81_331e,
            0x3e6c_8684, 0x3c98_f936, 0, 0x3f80_0000,
        ],
        [
            0xb621_73f4, 0x3735_e4cf, 0x37f2_ff89, 0x388c_23be, 0x3917_535c, 0x39ab_2ab0, 0x3a60_fadb,
            0x3af9_b960, 0x3b6e_5491, 0x3c0a_4ec5, 0x3ca5_aa8c, 0x3d21_38d9, 0x3d87_37d4, 0x3ddf_b660,
            0x3e0f_27ab, 0x3d94_004b, 0xbe0e_fdeb, 0xbf1d_96c3, 0xbf89_db58, 0xbf6d_9897, 0xbef6_9fb8,
            0xbdc4_f8a8, 0xbbde_6422, 0, 0,
        ],
        [
            0xbe08_1a19, 0xbe08_4570, 0xbe08_639b, 0xbe08_9837, 0xbe08_f409, 0xbe09_ab95, 0xbe0b_66d0,
            0xbe0e_400a, 0xbe12_4df8, 0xbe1b_de02, 0xbe2f_19c9, 0xbe49_31bf, 0xbe68_5fbc, 0xbe89_c95f,
            0xbe96_cbca, 0xbe80_44aa, 0xbe05_50f2, 0x3dcf_d6a1, 0x3e94_c826, 0x3e79_345f, 0x3dec_ec91,
            0x3ca4_6568, 0x3aa1_e00a, 0, 0,
        ],
        [
            0xba3d_61db, 0x39f0_97a3, 0x3a58_45dc, 0x3ab1_fa35, 0x3b0c_efb8, 0x3b65_3ab6, 0x3bca_e527,
            0x3c22_1712, 0x3c6c_5840, 0x3cc0_a703, 0x3d1d_cc19, 0x3d63_656d, 0x3d95_5907, 0x3dbf_9910,
            0x3dd5_3f69, 0x3db7_dcef, 0x3d63_9ebe, 0xba6e_de48, 0xbd22_be69, 0xbd04_1cf1, 0xbc64_f5ab,
            0xbb09_7a32, 0xb8eb_f380, 0, 0,
        ],
        [
            0x3cb7_d80c, 0x3c9b_6050, 0x3c97_8d11, 0x3c92_e850, 0x3c8d_058b, 0x3c84_8454, 0x3c6c_d623,
            0x3c4c_824b, 0x3c2a_7935, 0x3be0_b390, 0x3b06_51ac, 0xbb23_2f53, 0xbbd4_2fa0, 0xbc2c_5366,
            0xbc49_2c9e, 0xbc2a_7aa6, 0xbbd5_5d04, 0xba82_3a76, 0x3b10_2aa8, 0x3ae2_5a7e, 0x3a31_f792,
            0x38b8_4375, 0x3689_bb5a, 0, 0,
        ],
    ]

    /// A float32 result stored as bfloat16 by AVX512-BF16's VCVTNEPS2BF16: rounded to nearest
    /// even, a float32 subnormal flushed to zero (its sign kept) whatever MXCSR says.
    static func bfloat16(_ v: Float) -> Double {
        let flushed = abs(v) < Float.leastNormalMagnitude ? (v.sign == .minus ? -0.0 : 0) : v
        return NumberFormat.bfloat16.rounded(Double(flushed))
    }

    /// GELU (erf form) at x, as oneDNN's AVX-512 forward computes it in float32.
    static func geluErf(_ input: Float) -> Float {
        let x = input
        let magnitude = Float(bitPattern: x.bitPattern & 0x7fff_ffff)
        // Index: (|x|'s bits + 0xc21fffff) >> 21 (arithmetic), clamped to [1, 24]; 23 past rbound.
        var index = Int(Int32(bitPattern: magnitude.bitPattern &+ 0xc21f_ffff) >> 21)
        index = Swift.min(Swift.max(index, 1), 24)
        if Float(bitPattern: 0x40b1_5cee) < magnitude { index = 23 }
        var erf = Float(bitPattern: coefficients[5][index])
        for degree in stride(from: 4, through: 0, by: -1) {
            erf = Float(bitPattern: coefficients[degree][index]).addingProduct(erf, magnitude)
        }
        if x.sign == .minus { erf = -erf }
        return x * (erf + 1) * 0.5
    }

    /// GELU (erf form) at s, as oneDNN's forward computes it below AVX-512
    /// (`gelu_erf_compute_vector_fwd`): Abramowitz and Stegun's 7.1.26 with oneDNN's exp,
    /// S + S·erf with S = 0.5·s.
    static func geluErfAbramowitzStegun(_ s: Float) -> Float {
        let x = s * Float(bitPattern: 0x3f35_04f3)  // s/√2
        let t = 1 / Float(1).addingProduct(Float(bitPattern: 0x3ea7_ba05), abs(x))
        let q = -exp(-(x * x))
        let polynomial = abramowitzStegun(t)
        var erf = Float(1).addingProduct(q * t, polynomial)
        if s.sign == .minus { erf = -erf }
        let half = s * 0.5
        return half.addingProduct(erf, half)
    }

    /// Abramowitz and Stegun's 7.1.26 polynomial p1 + p2·t + … + p5·t⁴, by FMAs from p5.
    private static func abramowitzStegun(_ t: Float) -> Float {
        let terms: [UInt32] = [0x3e82_7906, 0xbe91_a98e, 0x3fb5_f0e3, 0xbfba_00e3, 0x3f87_dc22]
        var polynomial = Float(bitPattern: terms[4])
        for k in stride(from: 3, through: 0, by: -1) {
            polynomial = Float(bitPattern: terms[k]).addingProduct(polynomial, t)
        }
        return polynomial
    }

    /// GELU′ (erf form) at x, as oneDNN's backward computes it in float32.
    static func geluErfDerivative(_ x: Float) -> Float {
        let r = x * Float(bitPattern: 0x3f35_04f3)  // x/√2
        let q = exp(-(r * r))
        let density = r * Float(bitPattern: 0x3f10_6eba) * q  // r/√π·q
        let w = 1 / Float(1).addingProduct(Float(bitPattern: 0x3ea7_ba05), abs(r))  // 1/(p·|r| + 1)
        let polynomial = abramowitzStegun(w)
        var erf = Float(1).addingProduct(-q * w, polynomial)
        if r.sign == .minus { erf = -erf }
        return (density + 0.5).addingProduct(erf, 0.5)
    }

    /// oneDNN's float32 exp (`exp_compute_vector_fwd`): x = n·ln 2 + r, 2·2ⁿ⁻¹·p(r), zero below
    /// log(FLT_MIN).
    static func exp(_ input: Float) -> Float {
        guard !input.isNaN else { return .nan }
        let low = Float(bitPattern: 0xc2ae_ac50)
        let x = Swift.max(Swift.min(input, Float(bitPattern: 0x42b1_7218)), low)
        let n = ((x * Float(bitPattern: 0x3fb8_aa3b)) + 0.5).rounded(.down)
        let r = x.addingProduct(-n, Float(bitPattern: 0x3f31_7218))
        let exponent = Int32((n - 1).rounded(.toNearestOrEven)) &+ 127
        let scale = input < low ? 0 : Float(bitPattern: UInt32(bitPattern: exponent << 23))
        var p = Float(bitPattern: 0x3c07_cfce)
        for c: UInt32 in [0x3d2b_9d0d, 0x3e2a_ad40, 0x3eff_fee3, 0x3f7f_fffb] {
            p = Float(bitPattern: c).addingProduct(p, r)
        }
        p = Float(1).addingProduct(p, r)
        return p * scale * 2
    }
}
