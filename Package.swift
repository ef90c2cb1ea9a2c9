// swift-tools-version:6.0
// SyncHealth: sync-monitoring service. Layers, bottom up:
//   C modules (CProtobufC, CSQLite, CSyncHealthProto), SyncHealthConcurrency (the lock)
//   -> SyncHealthWire (protobuf-c wrappers, protocol v1 framing)
//   -> SyncHealthStorage (the engine-neutral domain core), SyncHealthClient
//   -> SyncHealthRelational (every store method once, as SQL over an engine seam)
//   -> SyncHealthSQLite, SyncHealthPostgres (the engines) -> SyncHealthStores (builds a store from --database)
//   -> SyncHealthRetry -> SyncHealthServer -> executables.
//   SyncHealthProcess (the one child-process runner, on swift-subprocess) serves the bench and the tests.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SyncHealth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "synchealthd", targets: ["synchealthd"]),
        .executable(name: "synchealth", targets: ["synchealth"]),
        .library(name: "SyncHealthClient", targets: ["SyncHealthClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.9.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.21.0"),
    ],
    targets: [
        // C modules
        .systemLibrary(
            name: "CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "CSyncHealthProto",
            dependencies: ["CProtobufC"],
            cSettings: [.unsafeFlags(["-Wno-everything"])]
        ),

        // The project's one lock (pthread-based, so ThreadSanitizer sees it)
        .target(
            name: "SyncHealthConcurrency",
            swiftSettings: strict
        ),

        // SHA-256 (swift-crypto) and hex: every digest in the project
        // The one JSON value type: parsed configurations and --format json output
        .target(
            name: "SyncHealthJSON",
            swiftSettings: strict
        ),
        .target(
            name: "SyncHealthDigest",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),

        // Wire: protobuf-c wrappers and protocol v1 framing
        .target(
            name: "SyncHealthWire",
            dependencies: ["CSyncHealthProto", "CProtobufC"],
            swiftSettings: strict
        ),
        // Storage domain core: the store protocols, validation, page tokens,
        // fingerprints, rollup arithmetic, retry decisions. No engine, no C.
        .target(
            name: "SyncHealthStorage",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire", "SyncHealthDigest", "SyncHealthJSON"],
            swiftSettings: strict
        ),
        // The relational store: every ServiceStore method once, as SQL over the
        // SQLConnection seam both engines implement. No C, no engine.
        .target(
            name: "SyncHealthRelational",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire", "SyncHealthStorage"],
            swiftSettings: strict
        ),
        // The SQLite engine: libsqlite3 wrapped by hand, its transactions and migrations
        .target(
            name: "SyncHealthSQLite",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire", "SyncHealthStorage", "SyncHealthRelational", "CSQLite",
                           .product(name: "Metrics", package: "swift-metrics")],
            swiftSettings: strict
        ),
        // The PostgreSQL engine: libpq wrapped by hand, a pool, its migrations
        .target(
            name: "SyncHealthPostgres",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire", "SyncHealthStorage", "SyncHealthRelational", "SyncHealthDigest", "CLibPQ"],
            swiftSettings: strict
        ),
        // Builds a store from a --database setting (one switch over engines)
        .target(
            name: "SyncHealthStores",
            dependencies: ["SyncHealthStorage", "SyncHealthSQLite", "SyncHealthPostgres", "SyncHealthRelational"],
            swiftSettings: strict
        ),
        // Client library over protocol v1
        .target(
            name: "SyncHealthClient",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire"],
            swiftSettings: strict
        ),
        // Server: Dispatch TCP transport and the RPC handlers
        .target(
            name: "SyncHealthServer",
            dependencies: ["SyncHealthConcurrency",
                "SyncHealthWire", "SyncHealthStorage", "SyncHealthDigest",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Operations endpoints: /metrics (Prometheus), /healthz, /readyz on Hummingbird
        .target(
            name: "SyncHealthOps",
            dependencies: [
                "SyncHealthServer", "SyncHealthStorage", "SyncHealthWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Alerts: webhook delivery from the outbox (HMAC-signed POSTs on async-http-client)
        .target(
            name: "SyncHealthAlerts",
            dependencies: [
                "SyncHealthConcurrency", "SyncHealthStorage", "SyncHealthWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // The daemon's settings table and wiring (synchealthd)
        .target(
            name: "SyncHealthDaemon",
            dependencies: ["SyncHealthServer", "SyncHealthStorage", "SyncHealthWire"],
            swiftSettings: strict
        ),
        // Retry: backoff, rate limits, connectors, the executor
        .target(
            name: "SyncHealthRetry",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire", "SyncHealthStorage", "SyncHealthClient",
                           .product(name: "Metrics", package: "swift-metrics")],
            swiftSettings: strict
        ),
        // The seeded demo data set
        .target(
            name: "SyncHealthDemo",
            dependencies: ["SyncHealthConcurrency", "SyncHealthWire", "SyncHealthStorage"],
            swiftSettings: strict
        ),
        // Admin CLI commands (a library so tests can parse and run them)
        .target(
            name: "SyncHealthCLI",
            dependencies: ["SyncHealthConcurrency", "SyncHealthJSON", "SyncHealthServer",
                "SyncHealthClient", "SyncHealthWire", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthStores", "SyncHealthRetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "synchealthd",
            dependencies: ["SyncHealthConcurrency", "SyncHealthDaemon", "SyncHealthOps", "SyncHealthAlerts",
                .product(name: "Metrics", package: "swift-metrics"),
                "SyncHealthServer", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthStores", "SyncHealthWire", "SyncHealthDemo", "SyncHealthRetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "synchealth",
            dependencies: ["SyncHealthCLI"],
            swiftSettings: strict
        ),
        // A sandbox accounting platform serving Connector/Push (demo and tests)
        .executableTarget(
            name: "synchealth-sandbox",
            dependencies: ["SyncHealthConcurrency", 
                "SyncHealthRetry", "SyncHealthServer", "SyncHealthWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Benchmarks (tools/bench/run): load generator, data set builder,
        // floors and the report. Not part of the service.
        // The one child-process runner (tests, bench, tools)
        .target(
            name: "SyncHealthProcess",
            dependencies: [
                "SyncHealthConcurrency",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SyncHealthBench",
            dependencies: ["SyncHealthConcurrency", "SyncHealthProcess",
                "SyncHealthClient", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthStores", "SyncHealthWire", "SyncHealthRetry", "CSQLite",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "synchealth-bench",
            dependencies: [
                "SyncHealthBench", "SyncHealthClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // Test doubles and fixtures shared by test targets
        .target(
            name: "SyncHealthTestSupport",
            dependencies: ["SyncHealthConcurrency", "SyncHealthProcess", "SyncHealthRetry",
                "SyncHealthServer", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthPostgres", "SyncHealthStores", "SyncHealthClient", "SyncHealthWire",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/SyncHealthTestSupport",
            swiftSettings: strict
        ),

        // The fuzz targets: run by the corpus tests and compiled by tools/fuzz
        .target(
            name: "SyncHealthFuzzTargets",
            dependencies: ["SyncHealthWire"],
            path: "Tests/SyncHealthFuzzTargets",
            swiftSettings: strict
        ),

        // The suite trait that runs tests off the cooperative pool
        .target(
            name: "SyncHealthTestTraits",
            path: "Tests/SyncHealthTestTraits",
            swiftSettings: strict
        ),

        // Tests
        .testTarget(
            name: "SyncHealthWireTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthConcurrency", "SyncHealthWire", "SyncHealthFuzzTargets"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthFramingTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthConcurrency", "SyncHealthWire", "SyncHealthFuzzTargets"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ContractTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthProcess", "SyncHealthWire"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthStorageTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthTestSupport", "SyncHealthConcurrency", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthPostgres", "SyncHealthStores", "SyncHealthWire", "SyncHealthDemo", "SyncHealthDigest", "SyncHealthJSON"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthPostgresTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthTestSupport", "SyncHealthProcess", "SyncHealthConcurrency", "SyncHealthStorage", "SyncHealthPostgres", "SyncHealthWire"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthTransportTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthTestSupport", "SyncHealthConcurrency", "SyncHealthServer", "SyncHealthClient", "SyncHealthWire"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthServiceTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthProcess", "SyncHealthOps", "SyncHealthDaemon", 
                "SyncHealthTestSupport", "SyncHealthConcurrency", "SyncHealthServer", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthPostgres", "SyncHealthStores", "SyncHealthClient",
                "SyncHealthWire", "SyncHealthDemo", "SyncHealthCLI",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthCLITests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthProcess", "SyncHealthJSON", 
                "SyncHealthCLI", "SyncHealthClient", "SyncHealthWire", "SyncHealthTestSupport",
                "SyncHealthRetry", "SyncHealthServer", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthStores",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthAuthTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthProcess", "SyncHealthDaemon", "SyncHealthConcurrency", 
                "SyncHealthServer", "SyncHealthClient", "SyncHealthWire", "SyncHealthTestSupport",
                "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthStores",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthBenchTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthProcess", "SyncHealthBench", "SyncHealthTestSupport", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthStores"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncHealthRetryTests",
            dependencies: ["SyncHealthTestTraits", "SyncHealthProcess", "SyncHealthDaemon", "SyncHealthConcurrency", 
                "SyncHealthRetry", "SyncHealthWire", "SyncHealthStorage", "SyncHealthSQLite", "SyncHealthRelational", "SyncHealthPostgres", "SyncHealthStores", "SyncHealthServer",
                "SyncHealthClient", "SyncHealthTestSupport", "SyncHealthAlerts", "SyncHealthJSON",
            ],
            swiftSettings: strict
        ),
    ]
)
