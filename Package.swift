// swift-tools-version: 6.1
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Sitrep",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        // The stages, for the fuzz targets in Fuzz/ (a package of its own, built with sanitizers).
        .library(name: "SitrepStages", targets: ["EventModel", "Ingest", "Extraction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev"])]
        ),
        .target(
            name: "EventModel",
            swiftSettings: strictness
        ),
        .target(
            name: "Ingest",
            dependencies: [
                "EventModel", "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.process("Resources")],
            swiftSettings: strictness
        ),
        .target(
            name: "Extraction",
            dependencies: ["EventModel"],
            exclude: ["Gazetteer", "Lexicon/build_discards.py", "Lexicon/discard-extra.txt"],
            resources: [.process("Resources")],
            swiftSettings: strictness
        ),
        .target(
            name: "Merging",
            dependencies: ["EventModel"],
            swiftSettings: strictness
        ),
        .target(
            name: "Store",
            dependencies: ["EventModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        .target(
            name: "Rendering",
            dependencies: [
                "EventModel", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .copy("Resources/Templates"), .copy("Resources/world-110m.txt"),
                .copy("Resources/world-50m.txt"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "Pipeline",
            dependencies: ["EventModel", "Ingest", "Extraction", "Merging", "Store", "Rendering"],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "sitrep",
            dependencies: [
                "Pipeline", "EventModel", "Extraction", "Ingest", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "IngestBenchmark",
            dependencies: ["Ingest", "EventModel"],
            path: "Benchmarks/IngestBenchmark",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "ExtractBenchmark",
            dependencies: ["Extraction", "Ingest", "EventModel"],
            path: "Benchmarks/ExtractBenchmark",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "BuildBenchmark",
            dependencies: ["Ingest", "EventModel"],
            path: "Benchmarks/BuildBenchmark",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "RenderBenchmark",
            dependencies: ["Rendering", "EventModel"],
            path: "Benchmarks/RenderBenchmark",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "DateBenchmark",
            dependencies: ["Extraction", "EventModel"],
            path: "Benchmarks/DateBenchmark",
            swiftSettings: strictness
        ),
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "EventModelTests",
            dependencies: ["EventModel", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "EventModel", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "EventModel"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "MergingTests",
            dependencies: ["Merging", "EventModel", "TestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["Rendering", "EventModel"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "EventModel", "Store", "Extraction", "Rendering", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
    ]
)
