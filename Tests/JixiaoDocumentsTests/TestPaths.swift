import Foundation

/// Where the tests find the repository's files and the shared folder beside the repository.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static let fixtures = repository.appendingPathComponent("Tests/JixiaoDocumentsTests/Fixtures")
    static let examples = repository.appendingPathComponent("docs/examples")
}
