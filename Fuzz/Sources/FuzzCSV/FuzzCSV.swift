import Foundation
import FuzzHarness
import JixiaoDocuments
import JixiaoOffice

/// CSV bytes (UTF-8, GB18030, UTF-16) through the CLI's path: the file, the decoder, the CSV reader, the importer,
/// scoring and checks.
@main enum FuzzCSV {
    static func main() {
        FuzzHarness.run(fuzzOneInput)
    }

    static func test(_ data: Data) {
        let url = FuzzHarness.scratchFile(data, extension: "csv")
        guard let evaluations = try? SelfEvaluationImporter.load(url) else { return }
        Exercise.scoreAndCheck(evaluations)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzCSV.test(FuzzHarness.data(bytes, count))
    return 0
}
