import ArgumentParser
import Foundation
import IR
import Importers

extension CommonOptions {
    /// The parameter file at `path` (`--params`), its problems added to `diagnostics`; nil without
    /// a path. An unreadable file is a usage error (exit 2).
    func parameterFile(_ path: String?, _ diagnostics: inout [Diagnostic]) throws -> ParameterFile? {
        guard let path else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            printer.print([CLIDiagnostics.unreadable(path)])
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let (file, problems) = ParameterFileReader.read(contentsOf: path)
        diagnostics += problems
        return file
    }
}
