import Foundation
import FuzzSupport

/// The entry point of every fuzz target. Each target defines `LLVMFuzzerTestOneInput` and its `@main` calls
/// ``run(_:)``: built with `-sanitize=fuzzer -DFUZZING` (scripts/fuzz.sh) that starts libFuzzer's driver (SwiftPM
/// points `main` at the target's `@main`, so libFuzzer's own `main` may not be the one linked); built normally it
/// replays the files or folders named on the command line, so a reproducer re-runs without the sanitizer
/// (`swift run FuzzXLSX crash-…`).
public enum FuzzHarness {
    /// A target's `LLVMFuzzerTestOneInput`: one input's bytes, 0 when done.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs `test` as libFuzzer's callback (fuzzing build) or on the files named on the command line (replayer).
    public static func run(_ test: TestOneInput) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
        #else
        var count = 0
        for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
            for url in files(at: URL(fileURLWithPath: argument)) {
                guard let data = try? Data(contentsOf: url) else { continue }
                _ = data.withUnsafeBytes { test($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
                count += 1
            }
        }
        print("ran \(count) inputs")
        exit(0)
        #endif
    }

    /// The bytes libFuzzer passes, copied.
    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// The file itself, or the files of a folder sorted by name.
    private static func files(at url: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().map { url.appendingPathComponent($0) }
    }

    /// A scratch file for readers that take a URL (the CLI's path): one per process, on tmpfs when there is one.
    public static func scratchFile(_ data: Data, extension: String) -> URL {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: folder).appendingPathComponent(
            "jixiao-fuzz-\(ProcessInfo.processInfo.processIdentifier).\(`extension`)")
        try? data.write(to: url)
        return url
    }
}
