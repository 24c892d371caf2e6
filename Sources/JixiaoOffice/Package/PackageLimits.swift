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

    /// 100 MiB a part, 256 MiB a file, 10,000 entries: far above any real 自评表, far below a bomb.
    public static let standard = PackageLimits(
        maximumPartBytes: 100 << 20, maximumTotalBytes: 256 << 20, maximumEntries: 10_000)
}
