// swift-tools-version:6.0
//
// actplot: neural-network activation functions, exact, with their derivatives,
// as terminal charts, CSV tables, PNG and SVG plots.

import PackageDescription

/// `make fuzz` sets ACTPLOT_FUZZ=1 to add the libFuzzer targets (Fuzz/); a normal build has none.
let fuzzing = Context.environment["ACTPLOT_FUZZ"] == "1"

let package = Package(
    name: "actplot",
    products: [
        .library(name: "ActivationCore", targets: ["ActivationCore"]),
        .executable(name: "actplot", targets: ["actplot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `make docs`: the DocC catalog of ActivationCore as a static site.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Libraries

        /// The catalog and its exact evaluation: math only, no I/O, no C.
        .target(
            name: "ActivationCore",
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        /// Figures and their writers: number text, ticks, canvas, PNG, SVG, terminal, CSV.
        .target(
            name: "ActivationPlot",
            dependencies: ["ActivationCore", "CLibPNG"],
            exclude: ["Image/Font/LICENSE-DejaVu.txt"]
        ),
        /// libpng, found through pkg-config; Debian's package is libpng-dev.
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),

        // MARK: - Command line

        /// The command line as a library: parsing, I/O, exit codes (the executable, the end-to-end
        /// tests and the command-line fuzz harness all use it).
        .target(
            name: "ActplotCommand",
            dependencies: [
                "ActivationCore",
                "ActivationPlot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// `actplot`: main.swift only.
        .executableTarget(name: "actplot", dependencies: ["ActplotCommand"]),

        // MARK: - Examples

        /// ActivationCore used as a library (`swift run ActivationExample`; make test runs it).
        .executableTarget(
            name: "ActivationExample",
            dependencies: ["ActivationCore"],
            path: "Examples/ActivationExample"
        ),

        // MARK: - Benchmarks

        /// Kernel throughput in process (`make bench`).
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: ["ActivationCore"],
            path: "Benchmarks/Kernels"
        ),

        // MARK: - Tests

        /// What the test targets share: a PNG decoder on libpng's simplified API.
        .target(
            name: "TestSupport",
            dependencies: ["CLibPNG"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ActivationCoreTests",
            dependencies: ["ActivationCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ActivationPlotTests",
            dependencies: ["ActivationPlot", "TestSupport"]
        ),
        /// The commands run in process, into memory: what they print, their status, their files.
        .testTarget(
            name: "ActplotCommandTests",
            dependencies: ["ActivationCore", "ActivationPlot", "ActplotCommand", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        /// The built actplot as a process: signals, pipes, full disks, locales, atomic files, and
        /// one run of every command.
        .testTarget(
            name: "ActplotEndToEndTests",
            dependencies: ["ActivationCore", "ActivationPlot", "ActplotCommand", "TestSupport"]
        ),
    ]
)

// MARK: - Fuzzing (make fuzz)

if fuzzing {
    /// Each harness defines the entry SwiftPM links to `main` and hands its test to libFuzzer.
    let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
    package.targets += [
        .target(name: "FuzzDriver", dependencies: ["ActivationCore"], path: "Fuzz/Driver"),
        .executableTarget(
            name: "FuzzSpec", dependencies: ["ActivationCore", "FuzzDriver"], path: "Fuzz/Spec",
            swiftSettings: harness),
        .executableTarget(
            name: "FuzzExpression", dependencies: ["ActivationCore", "FuzzDriver"], path: "Fuzz/Expression",
            swiftSettings: harness),
        .executableTarget(
            name: "FuzzRender", dependencies: ["ActivationCore", "ActivationPlot", "FuzzDriver"],
            path: "Fuzz/Render", swiftSettings: harness),
        /// The whole command line in process, through the ActplotCommand library.
        .executableTarget(
            name: "FuzzCommandLine", dependencies: ["ActplotCommand", "FuzzDriver"], path: "Fuzz/CommandLine",
            swiftSettings: harness),
        /// `actplot check` reading a hostile .npy, raw or CSV dump.
        .executableTarget(
            name: "FuzzNPY", dependencies: ["ActplotCommand", "FuzzDriver"], path: "Fuzz/NPY",
            swiftSettings: harness),
    ]
    package.targets.removeAll { ["actplot", "KernelBenchmarks", "ActivationExample"].contains($0.name) }
    package.products.removeAll { $0.name == "actplot" }
}
