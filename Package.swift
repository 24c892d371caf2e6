// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Jixiao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoCore", targets: ["JixiaoCore"]),
        .library(name: "JixiaoOffice", targets: ["JixiaoOffice"]),
        .library(name: "JixiaoDocuments", targets: ["JixiaoDocuments"]),
        .library(name: "JixiaoStore", targets: ["JixiaoStore"]),
        .library(name: "JixiaoWeb", targets: ["JixiaoWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        // Exact: PostgresServer names its statements through this version's `PostgresPreparedStatement` (read where it
        // reads them); a new version is taken after checking that again.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "JixiaoCore", swiftSettings: swiftSettings),
        .target(name: "JixiaoSQLiteConfig"),
        .systemLibrary(name: "JixiaoZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "JixiaoOffice",
            dependencies: ["JixiaoZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JixiaoDocuments",
            dependencies: ["JixiaoCore", "JixiaoOffice"],
            resources: [
                .copy("Resources/Outlines"), .copy("Resources/Profiles"), .copy("Resources/Approvals"), .copy("Resources/Monitoring"),
                .copy("Resources/Calendars"), .copy("Resources/Layouts"), .copy("Resources/Classifications"), .copy("Resources/Disclosures"),
                .copy("Resources/Schedules"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JixiaoStore",
            dependencies: [
                "JixiaoCore", "JixiaoSQLiteConfig",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JixiaoWeb",
            dependencies: [
                "JixiaoCore", "JixiaoDocuments", "JixiaoOffice", "JixiaoStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/Templates"), .copy("Resources/Static")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoCore", "JixiaoDocuments", "JixiaoStore", "JixiaoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jixiao-bench",
            dependencies: ["JixiaoCore", "JixiaoDocuments", "JixiaoStore", "JixiaoWeb"],
            path: "Benchmarks/Sources/jixiao-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JixiaoCoreTests",
            dependencies: [
                "JixiaoCore", "JixiaoDocuments",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JixiaoStoreTests",
            dependencies: [
                "JixiaoStore", "JixiaoCore", "JixiaoDocuments", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JixiaoWebTests",
            dependencies: [
                "JixiaoWeb", "JixiaoStore", "JixiaoCore", "JixiaoOffice",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JixiaoOfficeTests",
            dependencies: ["JixiaoOffice", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JixiaoDocumentsTests",
            dependencies: [
                "JixiaoDocuments", "JixiaoCore", "JixiaoOffice",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)

// Fuzz targets (Fuzz/, run by scripts/fuzz.sh; Benchmarks/FUZZING.md). Each builds without the sanitizer too, as a
// replayer of the files it is given; scripts/fuzz.sh builds them with -sanitize=fuzzer,address -DFUZZING.
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzXLSX", ["JixiaoDocuments", "JixiaoOffice"]),
    ("FuzzCSV", ["JixiaoDocuments", "JixiaoOffice"]),
    ("FuzzDOCX", ["JixiaoDocuments"]),
    ("FuzzText", ["JixiaoDocuments"]),
    ("FuzzJSON", ["JixiaoDocuments", "JixiaoCore"]),
    ("FuzzValue", ["JixiaoCore"]),
]
package.targets += [
    .target(name: "FuzzSupport", path: "Fuzz/Sources/FuzzSupport"),
    .target(
        name: "FuzzHarness",
        dependencies: [
            "FuzzSupport", "JixiaoCore", "JixiaoDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ],
        path: "Fuzz/Sources/FuzzHarness", swiftSettings: swiftSettings),
]
for target in fuzzTargets {
    package.targets.append(
        .executableTarget(
            name: target.name, dependencies: ["FuzzHarness"] + target.dependencies,
            path: "Fuzz/Sources/\(target.name)", swiftSettings: swiftSettings))
    package.products.append(.executable(name: target.name, targets: [target.name]))
}
