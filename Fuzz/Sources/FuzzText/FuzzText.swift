import Foundation
import FuzzHarness
import JixiaoDocuments

/// A report saved as text through `jixiao check`'s path: the decoder, the text reader, the audit and its findings.
/// Inputs are bounded by libFuzzer's -max_len (scripts/fuzz.sh), so one slow input is a quadratic, not a big file.
@main enum FuzzText {
    static func main() {
        FuzzHarness.run(fuzzOneInput)
    }

    static func test(_ data: Data) {
        let url = FuzzHarness.scratchFile(data, extension: "txt")
        guard let document = try? PlainTextReport.read(url: url) else { return }
        Exercise.audit(document)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzText.test(FuzzHarness.data(bytes, count))
    return 0
}
