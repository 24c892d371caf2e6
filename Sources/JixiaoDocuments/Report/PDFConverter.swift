import Foundation

/// Turns a DOCX into PDF with LibreOffice headless, with a fontconfig alias file that maps the 公文 font names
/// (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) to the installed Noto CJK fonts so no character prints as a box.
public enum PDFConverter {
    public static let packages = "libreoffice-writer-nogui fonts-noto-cjk"

    /// The path of `soffice`, or an error naming the Debian packages to install.
    public static func converter() throws -> String {
        for path in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw ReportError.converterMissing("未找到 soffice；请安装 Debian 软件包：apt-get install \(packages)")
    }

    /// How long one conversion may take before LibreOffice is killed (a report converts in a few seconds).
    public static let defaultTimeout: TimeInterval = 120

    /// Converts `docx` (a file) into a PDF in `folder`, returning the PDF's URL; LibreOffice is killed and the
    /// conversion fails when it takes longer than `timeout` seconds.
    public static func convert(_ docx: URL, into folder: URL, timeout: TimeInterval = defaultTimeout) throws -> URL {
        let soffice = try converter()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-lo-\(getpid())-\(UUID().uuidString)")
        process.arguments = ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf",
                             "--outdir", folder.path, docx.path]
        var environment = ProcessInfo.processInfo.environment
        if let fonts = Bundle.module.url(forResource: "jixiao-fonts", withExtension: "conf", subdirectory: "Outlines") {
            environment["FONTCONFIG_FILE"] = fonts.path
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            try? FileManager.default.removeItem(at: profile)
            throw ReportError.conversionFailed("soffice 超过 \(Int(timeout)) 秒未完成，已终止")
        }
        try? FileManager.default.removeItem(at: profile)
        let pdf = folder.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + ".pdf")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw ReportError.conversionFailed("soffice 退出码 \(process.terminationStatus)，未生成 \(pdf.lastPathComponent)")
        }
        return pdf
    }
}
