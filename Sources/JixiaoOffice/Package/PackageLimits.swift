/// Bounds on what one Office file may expand to, so a zip bomb or a huge part cannot exhaust memory.
public struct PackageLimits: Sendable {
    /// The most one part (e.g. a worksheet) may inflate to.
    public var maximumPartBytes: Int
    /// The most all parts read from one file may inflate to together.
    public var maximumTotalBytes: Int
    /// The most entries a package may list.
    public var maximumEntries: Int

    public init(maximumPartBytes: Int, maximumTotalBytes: Int, maximumEntries: Int) {
        self.maximumPartBytes = maximumPartBytes
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumEntries = maximumEntries
    }

    /// 32 MiB a part, 64 MiB a file, 10,000 entries. Parsed XML costs memory in proportion to its size, so the
    /// limits follow what Jixiao really reads, not what ZIP allows: a 自评表's worksheet is tens of KiB (a
    /// province-scale one a few MiB), a long report's document.xml a few MiB, and media do not expand (an upload
    /// is at most 10 MiB). Anything beyond is a bomb, stopped while inflating.
    public static let standard = PackageLimits(
        maximumPartBytes: 32 << 20, maximumTotalBytes: 64 << 20, maximumEntries: 10_000)
}
