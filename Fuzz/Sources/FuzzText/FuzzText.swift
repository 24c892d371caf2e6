import Foundation
import FuzzHarness
import JixiaoDocuments

/// A report saved as text through `jixiao check`'s path: the decoder, the text reader, the audit and its findings;
/// the same text as `pdftotext -layout` writes a PDF's, through the PDF reader's parser and the audit.
/// Inputs are bounded by libFuzzer's -max_len (scripts/fuzz.sh), so one slow input is a quadratic, not a big file.
@main enum FuzzText {
    static func main() {
        FuzzHarness.run(fuzzOneInput)
    }

    static func test(_ data: Data) {
        Exercise.audit(PdfReport.parse(String(decoding: data, as: UTF8.self), file: "fuzz.pdf"))
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
