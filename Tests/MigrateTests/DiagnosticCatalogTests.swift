import Codegen
import IR
import Importers
import Runtime
import Testing

@testable import migrate

/// Every diagnostic code is unique across all producers, well-formed, and each catalog is sorted.
@Suite struct DiagnosticCatalogTests {
    static let catalogs: [(name: String, prefix: String, entries: [DiagnosticDescriptor])] = [
        ("IR", "IR", IRDiagnostics.all),
        ("expression parser", "IR", ExpressionDiagnostics.all),
        ("expression types", "IR", TypeDiagnostics.all),
        ("XML reader", "IMP", XMLDiagnostics.all),
        ("PowerCenter mappings", "IMP", PCMappingDiagnostics.all),
        ("PowerCenter workflows", "IMP", PCWorkflowDiagnostics.all),
        ("parameter files", "IMP", ParameterFileDiagnostics.all),
        ("YAML", "CG", YAMLDiagnostics.all),
        ("batch", "CG", BatchDiagnostics.all),
        ("optimizer", "CG", OptimizerDiagnostics.all),
        ("SQL pipelines", "CG", SQLPipelineDiagnostics.all),
        ("SQL runtime steps", "CG", SQLRuntimeStepDiagnostics.all),
        ("diff", "CG", DiffDiagnostics.all),
        ("CLI", "CLI", CLIDiagnostics.all),
        ("evaluation", "RT", EvaluationDiagnostics.all),
        ("expression runner", "RT", ExpressionRunnerDiagnostics.all),
        ("user functions", "RT", UserFunctionDiagnostics.all),
        ("pipeline typing", "RT", PipelineTypingDiagnostics.all),
        ("native runs", "RT", RunDiagnostics.all),
        ("connections files", "RT", ConnectionsFileDiagnostics.all),
        ("reconcile", "RT", ReconcileDiagnostics.all),
        ("verify", "RT", VerifyDiagnostics.all),
        (
            "row errors", "RT",
            EvaluationErrors.all.map { DiagnosticDescriptor(DiagnosticCode($0.code), .error, $0.summary) }
        ),
        (
            "operator errors", "RT",
            OperatorErrors.all.map { DiagnosticDescriptor(DiagnosticCode($0.code), .error, $0.summary) }
        ),
        (
            "flat-file errors", "RT",
            FlatFileErrors.all.map { DiagnosticDescriptor(DiagnosticCode($0.code), .error, $0.summary) }
        ),
        (
            "SQLite errors", "RT",
            SQLiteErrors.all.map { DiagnosticDescriptor(DiagnosticCode($0.code), .error, $0.summary) }
        ),
        (
            "PostgreSQL errors", "RT",
            PostgresErrors.all.map { DiagnosticDescriptor(DiagnosticCode($0.code), .error, $0.summary) }
        ),
        ("workflow runner", "RT", WorkflowRunDiagnostics.all),
        ("date errors", "RT", DateErrors.all.map { DiagnosticDescriptor(DiagnosticCode($0.code), .error, $0.summary) }),
    ]

    @Test func codesAreUniqueAcrossCatalogs() {
        var seen: [DiagnosticCode: String] = [:]
        for catalog in Self.catalogs {
            for entry in catalog.entries {
                if let other = seen[entry.code] {
                    Issue.record("\(entry.code) is used by both \(other) and \(catalog.name)")
                }
                seen[entry.code] = catalog.name
            }
        }
        #expect(seen.count > 50)
    }

    @Test(arguments: catalogs.map(\.name)) func catalogIsSortedAndWellFormed(name: String) {
        let catalog = Self.catalogs.first { $0.name == name }!
        let codes = catalog.entries.map(\.code.rawValue)
        #expect(codes == codes.sorted(), "\(name) catalog is not sorted by code")
        for entry in catalog.entries {
            let digits = entry.code.rawValue.dropFirst(catalog.prefix.count)
            #expect(
                entry.code.rawValue.hasPrefix(catalog.prefix) && digits.count == 4 && digits.allSatisfy(\.isNumber),
                "\(entry.code) is not \(catalog.prefix) followed by four digits")
            #expect(
                !entry.summary.isEmpty && entry.summary.first!.isLowercase,
                "\(entry.code) summary must start lower-case")
            #expect(!entry.summary.hasSuffix("."), "\(entry.code) summary must not end with a period")
        }
    }
}
