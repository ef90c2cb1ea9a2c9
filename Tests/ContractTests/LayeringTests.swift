import Foundation
import Testing
import SyncHealthTestTraits

/// The folder tree's layers hold in the code: only the wrapper and engine
/// modules import C modules, and the storage domain core depends on no
/// engine. Read from the sources, so a stray import fails here, not in review.
@Suite(.offThePool) struct LayeringTests {
    /// Which modules may import each C module.
    static let allowedCImports: [String: Set<String>] = [
        "CSQLite": ["SyncHealthSQLite", "SyncHealthBench"],  // the bench's raw-SQL floor
        "CLibPQ": ["SyncHealthPostgres"],
        "CProtobufC": ["SyncHealthWire"],
        "CSyncHealthProto": ["SyncHealthWire"],
    ]

    /// Every Swift source of `Sources/`, by module.
    static func sources() throws -> [(module: String, path: String, text: String)] {
        let sourcesDir = Repo.root.appendingPathComponent("Sources")
        var result: [(String, String, String)] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: sourcesDir.path).sorted() {
            let moduleDir = sourcesDir.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: moduleDir.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let url = moduleDir.appendingPathComponent(file)
                result.append((module, "\(module)/\(file)", try Repo.read(url)))
            }
        }
        return result
    }

    /// The modules a source imports (`import X`, `public import X`, ...).
    static func imports(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                  words[..<index].allSatisfy({ ["public", "package", "internal", "@testable", "@_implementationOnly"].contains($0) })
            else { return nil }
            return words[index + 1]
        }
    }

    @Test func onlyWrapperAndEngineModulesImportCModules() throws {
        let sources = try Self.sources()
        #expect(sources.count > 100)
        var violations: [String] = []
        for source in sources {
            for module in Self.imports(source.text) {
                if let allowed = Self.allowedCImports[module], !allowed.contains(source.module) {
                    violations.append("\(source.path) imports \(module)")
                }
            }
        }
        #expect(violations == [])
    }

    @Test func theStorageCoreDependsOnNoEngine() throws {
        let core = try Self.sources().filter { $0.module == "SyncHealthStorage" }
        #expect(!core.isEmpty)
        let engines: Set<String> = ["SyncHealthSQLite", "SyncHealthPostgres", "SyncHealthStores", "CSQLite", "CLibPQ", "Foundation"]
        let violations = core.flatMap { source in
            Self.imports(source.text).filter(engines.contains).map { "\(source.path) imports \($0)" }
        }
        #expect(violations == [])
        // No SQL in the core: statements belong to the engines.
        let sql = core.filter { source in
            ["SELECT ", "INSERT INTO", "UPDATE ", "CREATE TABLE"].contains { source.text.contains($0) }
        }.map(\.path)
        #expect(sql == [])
    }

    @Test func theRelationalStoreDependsOnNoEngine() throws {
        // Its SQL runs on both engines through SQLConnection; an engine
        // import here would let one engine's behaviour leak into the other's.
        let relational = try Self.sources().filter { $0.module == "SyncHealthRelational" }
        #expect(!relational.isEmpty)
        let engines: Set<String> = ["SyncHealthSQLite", "SyncHealthPostgres", "SyncHealthStores", "CSQLite", "CLibPQ", "Foundation"]
        let violations = relational.flatMap { source in
            Self.imports(source.text).filter(engines.contains).map { "\(source.path) imports \($0)" }
        }
        #expect(violations == [])
    }

    @Test func authenticationDependsOnNoStorage() throws {
        let auth = try Self.sources().filter { $0.path.hasPrefix("SyncHealthServer/Auth/") }
        #expect(auth.count > 5)
        let violations = auth.flatMap { source in
            Self.imports(source.text).filter { $0.hasPrefix("SyncHealthStor") || $0 == "SyncHealthSQLite" }
                .map { "\(source.path) imports \($0)" }
        }
        #expect(violations == [])
    }

    @Test func importParsingSeesEveryForm() {
        #expect(Self.imports("import CSQLite\npublic import SyncHealthWire\n@testable import X\n// import Y\nlet a = 1") ==
            ["CSQLite", "SyncHealthWire", "X"])
    }
}
