// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "gleaner",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gleaner", targets: ["gleaner"]),
        .library(name: "GleanerCore", targets: ["GleanerCore"]),
        .library(name: "GleanerHTML", targets: ["GleanerHTML"]),
        .library(name: "GleanerResources", targets: ["GleanerResources"]),
        .library(name: "GleanerPipeline", targets: ["GleanerPipeline"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // libzmq from Debian's libzmq3-dev; see Sources/CZeroMQ/shim.h for why no pkgConfig.
        .systemLibrary(
            name: "CZeroMQ",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // libxml2 from Debian's libxml2-dev: the HTML parser behind GleanerHTML.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // A thin, owned binding: sockets live on one thread, messages never leak.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // The extraction core: pure, no ZeroMQ, no file I/O.
        .target(name: "GleanerCore"),
        // Web pages to article text and metadata, behind the core's PageReader protocol.
        .target(name: "GleanerHTML", dependencies: ["GleanerCore", "CLibXML2"]),
        // The data files the core needs (gazetteer, trained model) and their loader.
        .target(
            name: "GleanerResources",
            dependencies: ["GleanerCore", "GleanerHTML"],
            // gazetteer.tsv is the source of gazetteer.idx; processes load only the index.
            exclude: ["Resources/README.md", "Resources/gazetteer.tsv"],
            resources: [
                .copy("Resources/gazetteer.idx"), .copy("Resources/ner-model.bin"), .copy("Resources/speaker-ranker.tsv"),
                .copy("Resources/first-names.tsv"), .copy("Resources/person-names.tsv"), .copy("Resources/page-blocks.tsv"),
            ]
        ),
        // Broker, worker, sink and feeder over ZeroMQ, plus journal and result log.
        .target(
            name: "GleanerPipeline",
            dependencies: [
                "GleanerCore",
                "GleanerHTML",
                "ZeroMQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "gleaner",
            dependencies: [
                "GleanerCore",
                "GleanerHTML",
                "GleanerResources",
                "GleanerPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "GleanerCoreTests", dependencies: ["GleanerCore"]),
        .testTarget(name: "GleanerHTMLTests", dependencies: ["GleanerHTML", "GleanerCore"]),
        .testTarget(name: "GleanerResourcesTests", dependencies: ["GleanerResources", "GleanerCore"]),
        .testTarget(name: "GleanerPipelineTests", dependencies: ["GleanerPipeline", "GleanerCore", "ZeroMQ"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.swiftLanguageMode(.v6))
    target.swiftSettings = settings
}
