import Codegen
import Foundation

/// Shows batch progress on standard error: a redrawn bar on a terminal, plain lines otherwise.
final class ProgressDisplay: @unchecked Sendable {
    private let total: Int
    private let interactive: Bool
    private let lock = NSLock()

    init(total: Int) {
        self.total = total
        self.interactive = isatty(STDERR_FILENO) == 1
    }

    /// Reports that one more file finished.
    func update(_ progress: BatchProgress) {
        lock.lock()
        defer { lock.unlock() }
        if interactive {
            let width = 30
            let filled = total == 0 ? width : progress.completed * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let name = (progress.file as NSString).lastPathComponent
            StandardError.write("\r\u{1B}[2K[\(bar)] \(progress.completed)/\(total) \(name.prefix(60))")
        } else {
            StandardError.write("[\(progress.completed)/\(total)] \(progress.status.rawValue) \(progress.file)\n")
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if interactive && total > 0 { StandardError.write("\n") }
    }
}
