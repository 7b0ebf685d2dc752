// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "psyscreen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "psyscreen", targets: ["psyscreen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // GLPK, the linear programs of the disclosure audit (Debian's libglpk-dev ships no pkg-config file).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // glibc's allocator settings (`mallopt`), behind the core's ProcessMemory: for commands that work on several
        // threads and for the audit's linear programs.
        .systemLibrary(name: "CMalloc"),
        // Core: instruments, scoring, CSV, cohort statistics, the terminal flow as a state machine.
        // No database and no terminal I/O.
        .target(
            name: "PsyScreen",
            dependencies: [
                "CLibXML2",
                "CGLPK",
                "CMalloc",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "PsyScreenStore",
            dependencies: [
                "PsyScreen",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The PostgreSQL backend (a school's lab or a district on one server): connection, schema, roles.
        .target(
            name: "PsyScreenPostgres",
            dependencies: [
                "PsyScreen",
                "PsyScreenStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "psyscreen",
            dependencies: [
                "PsyScreen",
                "PsyScreenStore",
                "PsyScreenPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "PsyScreenTestSupport",
            dependencies: ["PsyScreen", "PsyScreenPostgres", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/PsyScreenTestSupport"
        ),
        .testTarget(
            name: "PsyScreenTests",
            dependencies: ["PsyScreen", "PsyScreenTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "PsyScreenStoreTests",
            dependencies: [
                "PsyScreenStore", "PsyScreenPostgres", "PsyScreen", "PsyScreenTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "PsyScreenPostgresTests",
            dependencies: [
                "PsyScreenPostgres", "PsyScreenStore", "PsyScreen", "PsyScreenTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "PsyScreenTestSupport", "PsyScreenStore", "PsyScreenPostgres", "PsyScreen",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/, docs/fuzzing.md): declared only when PSYSCREEN_FUZZ is set, so that the normal build
// and `swift test` never see them. Built by bench/fuzz.sh with -sanitize=fuzzer,address into .build-fuzz/.
if Context.environment["PSYSCREEN_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "LibFuzzer", path: "Fuzz/LibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["PsyScreen", "LibFuzzer"], path: "Fuzz/FuzzSupport"),
    ]
    for (name, folder) in [
        ("fuzz-instruments", "Instruments"), ("fuzz-csv", "CSV"), ("fuzz-exchange", "Exchange"), ("fuzz-workbook", "Workbook"),
        ("fuzz-pattern", "Pattern"),
    ] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: ["PsyScreen", "FuzzSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Fuzz/\(folder)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
