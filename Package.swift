// swift-tools-version:6.0
import PackageDescription

/// The services of the mesh: each has a library core (`Services/<Name>/Core`, domain, dialect
/// adapters and SQL migrations) and a thin executable (`Services/<Name>/Main`); a service with
/// unit tests has them in `Tests/<Name>ServiceTests`, with the services its in-process tests run
/// beside it (`testPeers`, through Tests/ServiceHarness).
let services:
    [(
        folder: String, executable: String, usesDatabase: Bool, hasUnitTests: Bool,
        extraDependencies: [Target.Dependency], testPeers: [String]
    )] = [
        ("Gateway", "gateway", false, false, ["Dialects"], []),
        ("Auth", "auth", true, true, ["HTTPSClient"], []),
        ("User", "user", true, true, [], ["Auth", "Content", "Orders"]),
        ("Orders", "orders", true, true, ["HTTPSClient"], ["User", "Auth", "Merchants"]),
        ("Merchants", "merchants", true, true, [], ["Content"]),
        ("Exchange", "exchange", true, false, [], []),
        ("Content", "content", true, true, [], []),
    ]

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .unsafeFlags(["-warnings-as-errors"], .when(configuration: .debug)),
]

var targets: [Target] = [
    .target(name: "CShims", path: "Shared/CShims"),
    .systemLibrary(
        name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
        providers: [.apt(["libpq-dev"])]),
    .systemLibrary(
        name: "COpenSSL", path: "Shared/COpenSSL", pkgConfig: "openssl",
        providers: [.apt(["libssl-dev"])]),
    .target(name: "EventLoops", dependencies: ["CShims"], path: "Shared/EventLoops", swiftSettings: swiftSettings),
    .target(name: "HTTPCore", path: "Shared/HTTPCore", swiftSettings: swiftSettings),
    .target(
        name: "HTTPServer", dependencies: ["HTTPCore", "EventLoops", "CShims"], path: "Shared/HTTPServer",
        swiftSettings: swiftSettings),
    .target(
        name: "HTTPClient", dependencies: ["HTTPCore", "EventLoops", "CShims"], path: "Shared/HTTPClient",
        swiftSettings: swiftSettings),
    .target(
        name: "Postgres", dependencies: ["CLibPQ", "CShims", "EventLoops"], path: "Shared/Postgres",
        swiftSettings: swiftSettings),
    .target(name: "Crypto", dependencies: ["COpenSSL"], path: "Shared/Crypto", swiftSettings: swiftSettings),
    .target(name: "JSON", path: "Shared/JSON", swiftSettings: swiftSettings),
    .target(
        name: "Mesh", dependencies: ["JSON", "HTTPCore", "Crypto"], path: "Shared/Mesh", swiftSettings: swiftSettings),
    .target(name: "Catalog", dependencies: ["Mesh", "HTTPCore"], path: "Shared/Catalog", swiftSettings: swiftSettings),
    .target(
        name: "Dialects", dependencies: ["Mesh", "Catalog", "JSON", "HTTPCore", "Crypto"], path: "Shared/Dialects",
        swiftSettings: swiftSettings),
    .target(
        name: "HTTPSClient", dependencies: ["COpenSSL", "HTTPCore"], path: "Shared/HTTPSClient",
        swiftSettings: swiftSettings),
    .target(
        name: "ServiceKit",
        dependencies: [
            "EventLoops", "HTTPCore", "HTTPServer", "HTTPClient", "HTTPSClient", "Postgres", "Crypto", "Mesh",
            "Catalog", "JSON",
        ],
        path: "Shared/ServiceKit", swiftSettings: swiftSettings),

    .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore"], path: "Tests/HTTPCoreTests"),
    .testTarget(
        name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPClient", "HTTPCore", "EventLoops"],
        path: "Tests/HTTPServerTests"),
    .testTarget(name: "PostgresTests", dependencies: ["Postgres", "EventLoops"], path: "Tests/PostgresTests"),
    .testTarget(name: "CryptoTests", dependencies: ["Crypto"], path: "Tests/CryptoTests"),
    .testTarget(name: "JSONTests", dependencies: ["JSON"], path: "Tests/JSONTests"),
    .testTarget(name: "MeshTests", dependencies: ["Mesh", "JSON"], path: "Tests/MeshTests"),
    .testTarget(
        name: "DialectsTests", dependencies: ["Dialects", "Catalog", "Mesh", "JSON", "HTTPCore"],
        path: "Tests/DialectsTests"),
    .testTarget(
        name: "ServiceKitTests",
        dependencies: ["ServiceKit", "Mesh", "Catalog", "JSON", "HTTPCore", "Postgres", "Crypto"],
        path: "Tests/ServiceKitTests"),
    .target(
        name: "ServiceHarness",
        dependencies: ["ServiceKit", "Mesh", "Catalog", "JSON", "HTTPCore", "HTTPClient", "Postgres", "Crypto"],
        path: "Tests/ServiceHarness", swiftSettings: swiftSettings),
    .testTarget(
        name: "IntegrationTests",
        dependencies: [
            "HTTPClient", "HTTPCore", "EventLoops", "Postgres", "Crypto", "JSON", "Mesh", "Catalog", "Dialects",
            "ServiceHarness",
        ],
        path: "Tests/IntegrationTests"),
    .testTarget(name: "DeployTests", path: "Tests/DeployTests"),
    .executableTarget(
        name: "pool-bench", dependencies: ["Postgres", "EventLoops"], path: "bench/PoolBench",
        swiftSettings: swiftSettings),
]

var products: [Product] = []
for service in services {
    let core = "\(service.folder)Service"
    targets.append(
        .target(
            name: core, dependencies: ["ServiceKit", "Mesh", "Catalog", "JSON"] + service.extraDependencies,
            path: "Services/\(service.folder)/Core",
            resources: (service.usesDatabase ? [.copy("Migrations")] : [])
                + (service.folder == "Content" ? [.copy("Regions/Data")] : [])
                + (service.folder == "Merchants" ? [.copy("Seed/Data")] : [])
                + (service.folder == "Orders" ? [.copy("PhoneTopUp/SegmentData")] : []),
            swiftSettings: swiftSettings))
    targets.append(
        .executableTarget(
            name: service.executable, dependencies: [.target(name: core)],
            path: "Services/\(service.folder)/Main", swiftSettings: swiftSettings))
    products.append(.executable(name: service.executable, targets: [service.executable]))
    if service.hasUnitTests {
        targets.append(
            .testTarget(
                name: "\(core)Tests",
                dependencies: [
                    .target(name: core), "ServiceKit", "Mesh", "Catalog", "JSON", "Postgres", "EventLoops", "Crypto",
                    "ServiceHarness",
                ] + service.testPeers.map { .target(name: "\($0)Service") },
                path: "Tests/\(core)Tests", swiftSettings: swiftSettings))
    }
}

let package = Package(
    name: "Platform",
    platforms: [.macOS(.v15)],
    products: products,
    targets: targets
)
