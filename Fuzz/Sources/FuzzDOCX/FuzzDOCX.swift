import Foundation
import FuzzHarness
import JixiaoDocuments

/// DOCX bytes (or a part list, see ``OfficeInput``) through `jixiao check`'s path: the package, the Word reader,
/// the report, the audit and its findings.
@main enum FuzzDOCX {
    static func main() {
        FuzzHarness.run(fuzzOneInput)
    }

    static func test(_ data: Data) {
        guard let bytes = OfficeInput.package(data) else { return }
        let url = FuzzHarness.scratchFile(bytes, extension: "docx")
        guard let document = try? DocxReport.read(url: url) else { return }
        Exercise.audit(document)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDOCX.test(FuzzHarness.data(bytes, count))
    return 0
}
