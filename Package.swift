// swift-tools-version:6.0
import PackageDescription

/// Our own code compiles with warnings as errors (CI builds exactly this); dependencies do not.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

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
        .systemLibrary(
            name: "CSQLite3",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "IR", swiftSettings: strict),
        .target(name: "Importers", dependencies: ["IR", "CLibXML2"], swiftSettings: strict),
        .target(
            name: "Codegen", dependencies: ["IR", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(
            name: "Runtime",
            dependencies: ["IR", "Codegen", "CSQLite3", "CLibPQ", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        .executableTarget(
            name: "migrate",
            dependencies: [
                "IR", "Importers", "Codegen", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "migrate-bench",
            dependencies: ["IR", "Importers", "Codegen", "Runtime"],
            path: "Benchmarks/Sources/migrate-bench"
        ),
        .testTarget(name: "IRTests", dependencies: ["IR"], swiftSettings: strict),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "IR", "Codegen"], swiftSettings: strict),
        .testTarget(name: "CodegenTests", dependencies: ["Codegen", "IR", "Importers"], swiftSettings: strict),
        .testTarget(name: "MigrateTests", dependencies: ["migrate", "IR", "Runtime"], swiftSettings: strict),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "IR", "Importers"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
