import IR

/// Where the YAML for each converted object goes, relative to the output folder:
/// `<input>/<FOLDER>/<name>.pipeline.yaml` and `<input>/<FOLDER>/<name>.workflow.yaml`, where
/// `<input>` is the input's path below the folder argument that held it (or its file name), extension
/// included, so that `x.xml` and `x.prm` never share a folder. Names are made safe for file systems;
/// clashes (possible only between differently named arguments) get `~2`, `~3`, ... in input order.
public enum OutputLayout {
    /// A file-system-safe form of an object name: `/`, `\`, control characters, `:` and leading dots
    /// are replaced by `_`; an empty name becomes `_`.
    public static func safeName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": out += "_"
            default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "_" : scalar)
            }
        }
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "_" : String(out.prefix(200))
    }

    /// The folder segment of an object path (`FOLDER[name]`), or `_` when there is none.
    static func folder(of path: ObjectPath) -> String {
        safeName(path.segments.first { $0.kind == "FOLDER" }?.name ?? "_")
    }

    /// The relative output path for an object.
    static func path(inputStem: String, objectPath: ObjectPath, name: String, suffix: String) -> String {
        "\(inputStem)/\(folder(of: objectPath))/\(safeName(name)).\(suffix).yaml"
    }

    /// The output folder for a relative input path: each segment made safe.
    static func stem(of relativePath: String) -> String {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty else { return "_" }
        return parts.map(safeName).joined(separator: "/")
    }

    /// A file name without its extension.
    static func baseName(_ fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }
}
