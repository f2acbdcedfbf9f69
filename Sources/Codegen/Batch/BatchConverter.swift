import Foundation
import IR

/// Progress of a batch, reported after each file.
public struct BatchProgress: Sendable {
    /// Files finished so far.
    public var completed: Int
    /// Files in the batch.
    public var total: Int
    /// The file just finished.
    public var file: String
    /// Its status.
    public var status: ObjectStatus
}

/// Converts many export files in parallel into canonical YAML files and a report.
///
/// One bad file never stops the batch: each file's problems are diagnostics in its own report.
/// Outputs are written atomically (temporary file, then rename), and their content depends only on
/// the inputs, never on the number of jobs or the order in which files finish.
public struct BatchConverter: Sendable {
    /// The importers to try on each file, in order.
    public var stages: [any ImportStage]
    /// Where YAML files are written; nil converts without writing (assessment, dry runs).
    public var outputFolder: String?
    /// How many files are converted at once.
    public var jobs: Int
    /// Checks run on every import result before it is rendered (their diagnostics join the file's).
    public var checks: [any ImportCheck]
    /// The SQL dialects to write a `.sql` file in, next to each mapping's YAML (``BatchSQL``).
    public var dialects: [any SQLDialect] = []

    /// Creates a converter.
    public init(stages: [any ImportStage], outputFolder: String?, jobs: Int, checks: [any ImportCheck] = []) {
        self.stages = stages
        self.outputFolder = outputFolder
        self.jobs = max(1, jobs)
        self.checks = checks
    }

    /// Converts `files`, calling `progress` after each file (from any task).
    public func run(
        _ inputs: [InputFile], progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }
    ) async -> ConversionReport {
        let files = plan(inputs)
        var reports = [FileReport?](repeating: nil, count: files.count)
        var completed = 0
        await withTaskGroup(of: (Int, FileReport).self) { group in
            var next = 0
            func startNext() {
                guard next < files.count else { return }
                let index = next
                let file = files[index]
                next += 1
                group.addTask { (index, self.convert(file)) }
            }
            for _ in 0..<min(jobs, files.count) { startNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                completed += 1
                progress(
                    BatchProgress(completed: completed, total: files.count, file: report.file, status: report.status))
                startNext()
            }
        }
        return ConversionReport(files: reports.compactMap { $0 })
    }

    /// One file with the stage that reads it and the output sub-folder for its objects.
    public struct PlannedFile: Sendable {
        /// The input.
        public var input: InputFile
        /// The stage that recognized it, or nil.
        public var stageIndex: Int?
        /// The output sub-folder (unique among recognized inputs, in input order).
        public var stem: String
    }

    /// Chooses a stage per file (by content) and gives each recognized file a unique output stem:
    /// its relative path without extension, with `~2`, `~3`, ... appended on clashes in input order.
    public func plan(_ inputs: [InputFile]) -> [PlannedFile] {
        var used: [String: Int] = [:]
        return inputs.map { input in
            let index = stageIndex(for: input)
            var stem = OutputLayout.stem(of: input.relativePath)
            if index != nil {
                let count = used[stem, default: 0] + 1
                used[stem] = count
                if count > 1 { stem += "~\(count)" }
            }
            return PlannedFile(input: input, stageIndex: index, stem: stem)
        }
    }

    /// Imports and renders one planned file, writes its outputs, and reports on it.
    public func convert(_ planned: PlannedFile) -> FileReport {
        let input = planned.input
        guard let stageIndex = planned.stageIndex else {
            let diagnostic =
                input.named
                ? DiagnosticDescriptor.inputNotRecognized(
                    "'\(input.path)' is not a PowerCenter XML export", at: SourceLocation(file: input.path),
                    fix: "give a PowerCenter export (.xml with a POWERMART root element)")
                : DiagnosticDescriptor.inputSkipped(
                    "'\(input.path)' is not a supported export and was skipped", at: SourceLocation(file: input.path))
            return FileReport(
                file: input.path, format: nil, status: input.named ? .notConverted : .converted, inventory: [],
                objects: [], diagnostics: [diagnostic])
        }
        let stage = stages[stageIndex]
        var result = stage.importFile(atPath: input.path)
        result.diagnostics += checks.flatMap { $0.check(result) }
        var diagnostics = result.diagnostics
        var objects: [ObjectReport] = []
        var usedPaths: Set<String> = []
        func uniquePath(_ path: String) -> String {
            var candidate = path
            var counter = 2
            while !usedPaths.insert(candidate).inserted {
                candidate = path.replacingOccurrences(of: ".yaml", with: "~\(counter).yaml")
                counter += 1
            }
            return candidate
        }
        // Each pipeline reads only the diagnostics that may lie within it.
        let index = DiagnosticIndex(result.diagnostics)
        for var pipeline in result.pipelines {
            pipeline.attachNotes(from: index.candidates(within: pipeline.notePaths))
            let suffix = pipeline.kind == .mapplet ? "mapplet" : "pipeline"
            let output = uniquePath(
                OutputLayout.path(
                    inputStem: planned.stem, objectPath: pipeline.origin.path, name: pipeline.name, suffix: suffix))
            if let problem = write(CanonicalYAML.render(pipeline), to: output) { diagnostics.append(problem) }
            if pipeline.kind == .mapping {
                let scripts = BatchSQL.scripts(pipeline, dialects: dialects, workflows: result.workflows)
                for (dialect, script) in zip(dialects, scripts) {
                    if let problem = write(script, to: BatchSQL.path(forYAML: output, dialect: dialect)) {
                        diagnostics.append(problem)
                    }
                }
            }
            objects.append(
                report(
                    kind: pipeline.kind.rawValue, name: pipeline.name, path: pipeline.origin.path, output: output,
                    confidence: pipeline.confidence, diagnostics: index.candidates(within: [pipeline.origin.path])))
        }
        for var workflow in result.workflows {
            workflow.attachNotes(from: result.diagnostics)
            let output = uniquePath(
                OutputLayout.path(
                    inputStem: planned.stem, objectPath: workflow.origin.path, name: workflow.name, suffix: "workflow"))
            if let problem = write(CanonicalYAML.render(workflow), to: output) { diagnostics.append(problem) }
            objects.append(
                report(
                    kind: "workflow", name: workflow.name, path: workflow.origin.path, output: output,
                    confidence: workflow.confidence, diagnostics: result.diagnostics))
        }
        for parameters in result.parameterFiles {
            let name = OutputLayout.baseName((parameters.file as NSString).lastPathComponent)
            let output = uniquePath("\(planned.stem)/\(OutputLayout.safeName(name)).parameters.yaml")
            if let problem = write(CanonicalYAML.render(parameters), to: output) { diagnostics.append(problem) }
            let path = ObjectPath([.init("PARAMETERFILE", (parameters.file as NSString).lastPathComponent)])
            objects.append(
                report(
                    kind: "parameters", name: name, path: path, output: output, confidence: 1,
                    diagnostics: result.diagnostics.filter { $0.severity == .error }))
        }
        let worst: ObjectStatus
        if diagnostics.hasErrors && objects.isEmpty {
            worst = .notConverted
        } else if objects.contains(where: { $0.status == .notConverted }) || diagnostics.hasErrors {
            worst = .notConverted
        } else if objects.contains(where: { $0.status == .convertedWithWarnings })
            || diagnostics.contains(where: { $0.severity == .warning })
        {
            worst = .convertedWithWarnings
        } else {
            worst = .converted
        }
        return FileReport(
            file: input.path, format: stage.formatName, status: worst, inventory: result.inventory,
            objects: objects, diagnostics: diagnostics.sortedForReport())
    }

    private func stageIndex(for input: InputFile) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: input.path) else {
            // Unreadable files go to the first stage, which reports the IO problem in its own terms.
            return stages.isEmpty ? nil : 0
        }
        defer { try? handle.close() }
        let prefix = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        if let index = stages.firstIndex(where: { $0.recognizes(prefix: prefix, path: input.path) }) { return index }
        guard input.named else { return nil }
        let fileExtension = (input.path as NSString).pathExtension.lowercased()
        return stages.firstIndex { $0.fileExtensions.contains(fileExtension) }
    }

    private func report(
        kind: String, name: String, path: ObjectPath, output: String, confidence: Double, diagnostics: [Diagnostic]
    ) -> ObjectReport {
        let mine = diagnostics.filter { $0.path.isWithin(path) && $0.severity != .note }.sortedForReport()
        let status: ObjectStatus =
            mine.hasErrors ? .notConverted : (mine.isEmpty ? .converted : .convertedWithWarnings)
        let reasons = mine.map {
            ObjectReason(
                code: $0.code, severity: $0.severity, message: $0.message, location: $0.location, path: $0.path)
        }
        return ObjectReport(
            kind: kind, name: name, path: path, output: output, status: status,
            confidence: (confidence * 100).rounded() / 100, reasons: reasons)
    }

    /// Writes `text` atomically below the output folder; returns a diagnostic on failure.
    private func write(_ text: String, to relativePath: String) -> Diagnostic? {
        guard let outputFolder else { return nil }
        let url = URL(fileURLWithPath: outputFolder).appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            return nil
        } catch {
            return DiagnosticDescriptor.outputNotWritten(
                "cannot write '\(url.path)': \(error.localizedDescription)", at: SourceLocation(file: url.path),
                fix: "check that the output folder is writable and the disk is not full")
        }
    }
}
