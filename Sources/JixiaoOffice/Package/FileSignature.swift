import Foundation

/// Recognises a file by its first bytes, so the error can say what it really is.
enum FileSignature {
    static func requireZip(_ data: Data, file: String) throws {
        if data.isEmpty {
            throw OfficeError(file: file, reason: "文件为空")
        }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw OfficeError(
                file: file,
                reason: "这是旧版 Office 文件（.xls/.doc）或已加密的文件；请在 Excel/Word/WPS 中另存为 .xlsx/.docx（并取消密码）后再导入")
        }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) {
            throw OfficeError(file: file, reason: "这是 PDF 文件，不是 .xlsx/.docx")
        }
        throw OfficeError(file: file, reason: "不是 .xlsx/.docx 文件（文件头不是 ZIP）")
    }
}
