// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Cohesion",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cohesion", targets: ["cohesion"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        // Reads uploaded .xlsx workbooks (a ZIP of XML parts); the parts are read with Foundation's XMLParser.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Signs the Open Badges 3.0 credentials (VC-JWT, RS256) and publishes their keys as a JWK Set.
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        // Generates the RSA signing keys (CryptoExtras); jwt-kit builds on the same package.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // The JSON API is generated from its OpenAPI document (Sources/CohesionApp/Features/API/openapi.yaml) at build time,
        // so the served document and the code cannot drift apart; swift-openapi-vapor serves it through Vapor.
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.2.0"),
        // Reads the YAML document to serve it as JSON at /api/v1/openapi.json; the generator reads YAML with it too.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // /metrics in the Prometheus exposition format.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // gzip for the public pages kept in memory, compressed once per change (zlib underneath).
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // Typed identifiers: an edition's id and a part's id are different types (Tagged<Edition, UUID>).
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
        // Snapshot tests of rendered pages; only its SnapshotTesting library is built.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        // Domain logic and the HTML builder; no framework, so it is fast to build and test.
        .target(name: "CohesionCore"),
        // What every feature stands on: accounts, access rules, layout, database, mail, caches,
        // commands, and the `Feature` manifest. It sees no feature; the app hands it the list.
        .target(
            name: "CohesionPlatform",
            dependencies: [
                "CohesionCore",
                .product(name: "Tagged", package: "swift-tagged"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The features (one folder each) and the composition root that lists them (App/).
        .target(
            name: "CohesionApp",
            dependencies: [
                "CohesionCore",
                "CohesionPlatform",
                .product(name: "Tagged", package: "swift-tagged"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            // The API's types and server protocol are generated from Features/API/openapi.yaml, which is also served.
            resources: [.copy("Features/API/openapi.yaml")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "cohesion",
            dependencies: ["CohesionApp", "CohesionPlatform"]
        ),
        .executableTarget(
            name: "HTMLRenderBench",
            dependencies: ["CohesionCore"],
            path: "bench/HTMLRenderBench"
        ),
        .executableTarget(
            name: "ComparableRegionsBench",
            dependencies: ["CohesionCore"],
            path: "bench/ComparableRegionsBench"
        ),
        .executableTarget(
            name: "PeerMatchingBench",
            dependencies: ["CohesionCore"],
            path: "bench/PeerMatchingBench"
        ),
        .testTarget(name: "CohesionCoreTests", dependencies: ["CohesionCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CohesionAppTests",
            dependencies: [
                "CohesionApp",
                "CohesionPlatform",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
