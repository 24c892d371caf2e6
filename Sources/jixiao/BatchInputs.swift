import ArgumentParser
import Foundation

/// The input files of a batch: the files named, and the files with one of `extensions` inside the folders named.
enum BatchInputs {
    static func expand(_ inputs: [String], extensions: Set<String> = ["json", "xlsx", "csv"]) throws -> [URL] {
        var files: [URL] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw ValidationError("找不到 \(input)")
            }
            if isFolder.boolValue {
                let names = try FileManager.default.subpathsOfDirectory(atPath: input).sorted()
                files += names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) && !isSkipped($0) }
                    .map { URL(fileURLWithPath: input).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: input))
            }
        }
        return files
    }

    /// Hidden files, Word's lock files ("~$报告.docx") and Jixiao's own annotated copies are not inputs.
    static func isSkipped(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") || name.hasPrefix("~$") || name.contains(".jixiao-check.")
    }
}

/// A progress bar on standard error for batches: "[#####     ] 50/100".
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private var done = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    mutating func advance() {
        done += 1
        guard enabled else { return }
        let filled = total == 0 ? 30 : done * 30 / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}
