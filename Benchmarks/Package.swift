// swift-tools-version:6.1
// Benchmarks live in their own package so `swift test` never builds them (STYLE.md §1, as swift-nio does).
// Run: cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "FluxhelmBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its directory name, which differs per clone.
        .package(name: "fluxhelm", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.29.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "KubeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KubeAPI", package: "fluxhelm"),
                .product(name: "KubeTestServer", package: "fluxhelm"),
            ],
            path: "Benchmarks/KubeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ApplyBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KubeAPI", package: "fluxhelm"),
                .product(name: "KubeTestServer", package: "fluxhelm"),
                .product(name: "HelmRelease", package: "fluxhelm"),
                .product(name: "HelmEngine", package: "fluxhelm"),
                .product(name: "GoTemplate", package: "fluxhelm"),
            ],
            path: "Benchmarks/ApplyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "HelmBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GoTemplate", package: "fluxhelm"),
                .product(name: "HelmEngine", package: "fluxhelm"),
                .product(name: "HelmRepo", package: "fluxhelm"),
            ],
            path: "Benchmarks/HelmBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
