import Foundation
import FuzzHarness
import JixiaoDocuments
import JixiaoOffice

/// XLSX bytes (or a part list, see ``OfficeInput``) as an upload reaches the server: the package, the workbook,
/// the importer, scoring and checks.
@main enum FuzzXLSX {
    static func main() {
        FuzzHarness.run(fuzzOneInput)
    }

    static func test(_ data: Data) {
        guard let bytes = OfficeInput.package(data), let workbook = try? Workbook(data: bytes, file: "fuzz.xlsx"),
            let evaluations = try? SelfEvaluationImporter.fromWorkbook(workbook)
        else { return }
        Exercise.scoreAndCheck(evaluations)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzXLSX.test(FuzzHarness.data(bytes, count))
    return 0
}
