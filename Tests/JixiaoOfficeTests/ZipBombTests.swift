import Foundation
import Testing
import JixiaoOffice

/// A 1 MiB file whose worksheet inflates to 1 GiB is stopped with a message, whether or not it declares its size.
@Suite struct ZipBombTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: ["zip-bomb.xlsx", "zip-bomb-lying.xlsx"])
    func stopsInflatingPastTheLimit(name: String) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
        #expect(size < 2 << 20)
        let workbook = try Workbook(url: url)
        #expect {
            _ = try workbook.sheet(at: 0)
        } throws: { error in
            let text = "\(error)"
            return text.contains(name) && text.contains("压缩炸弹") && text.contains("Sheet1")
                && text.contains("xl/worksheets/sheet1.xml")
        }
    }

    @Test func smallerLimitsApplyToo() throws {
        let url = Self.fixtures.appendingPathComponent("zip-bomb-lying.xlsx")
        let limits = PackageLimits(maximumPartBytes: 1 << 20, maximumTotalBytes: 2 << 20, maximumEntries: 10)
        let workbook = try Workbook(url: url, limits: limits)
        #expect(throws: OfficeError.self) { _ = try workbook.sheet(at: 0) }
    }
}
