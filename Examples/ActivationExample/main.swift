// ActivationCore without the command line: a framework preset and your own formula, evaluated
// with their derivatives over a batch, then the largest gap between two forms of GELU.
//
//     swift run ActivationExample

import ActivationCore

let xs: [Double] = [-3, -1, -0.5, 0, 0.5, 1, 3]

// A catalog function with parameters, by typed entry and keys.
let leaky = try Activation(.leakyReLU, [.alpha: 0.2])
print(leaky.name, "at -2:", leaky.value(at: -2))

// A framework's own version of a function: JAX's gelu is the tanh approximation.
let jaxGELU = try Catalog.activation("jax.gelu")
// A formula of x; its derivatives come from automatic differentiation.
let mine = try Catalog.activation("x*sigmoid(1.702*x)")

// A batch: f, f′ and f″ at every point (`evaluate(_:values:derivatives:secondDerivatives:)`
// fills buffers you own instead).
let (values, slopes, _) = jaxGELU.jets(xs)
print("x", jaxGELU.name, jaxGELU.name + "′", mine.name, separator: "\t")
for (k, x) in xs.enumerated() {
    print(x, values[k], slopes[k], mine.value(at: x), separator: "\t")
}

// One point with all three derivatives at once.
let jet = try Catalog.activation("gelu").jet(at: -2)
print("gelu(-2) =", jet.value, " gelu′ =", jet.derivative, " gelu″ =", jet.secondDerivative)

// How far the sigmoid form is from the exact GELU over [-6, 6].
let exact = try Catalog.activation("gelu")
let grid = (0...1200).map { -6 + Double($0) / 100 }
let gap = zip(exact.values(grid), mine.values(grid)).map { abs($0 - $1) }.max() ?? 0
print("max |gelu − x·σ(1.702x)| on [-6, 6] =", gap)
