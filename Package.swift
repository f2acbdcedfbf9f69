// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "migrate",
    platforms: [.macOS(.v14)],
    products: [
        /// The four libraries a server links against.
        .library(name: "MigrateKit", targets: ["IR", "Importers", "Codegen", "Runtime"]),
        .executable(name: "migrate", targets: ["migrate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "IR"),
        .target(name: "Importers", dependencies: ["IR", "CLibXML2"]),
        .target(name: "Codegen", dependencies: ["IR", .product(name: "Yams", package: "Yams")]),
        .target(name: "Runtime", dependencies: ["IR", "Codegen"]),
        .executableTarget(
            name: "migrate",
            dependencies: [
                "IR", "Importers", "Codegen", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "migrate-bench",
            dependencies: ["IR", "Importers", "Codegen", "Runtime"],
            path: "Benchmarks/Sources/migrate-bench"
        ),
        .testTarget(name: "IRTests", dependencies: ["IR"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "IR", "Codegen"]),
        .testTarget(name: "CodegenTests", dependencies: ["Codegen", "IR", "Importers"]),
        .testTarget(name: "MigrateTests", dependencies: ["migrate", "IR", "Runtime"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "IR", "Importers"]),
    ],
    swiftLanguageModes: [.v6]
)
