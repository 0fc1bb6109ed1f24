// swift-tools-version: 6.0
// libFuzzer targets for Sitrep's readers and extractor. Not part of the main build (libFuzzer
// brings its own `main`); build and run them with Benchmarks/fuzz.sh.
import PackageDescription

let package = Package(
    name: "SitrepFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Sitrep", path: "..")],
    targets: [
        .executableTarget(
            name: "SitrepFuzz",
            dependencies: [.product(name: "SitrepStages", package: "Sitrep")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
