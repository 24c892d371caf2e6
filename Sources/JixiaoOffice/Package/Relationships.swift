import Foundation

/// Reads OPC relationship parts (`_rels/*.rels`): id → target part and type.
enum Relationships {
    struct Relationship {
        var target: String
        var type: String
    }

    /// The main document part named by the package's root relationships.
    static func officeDocument(in package: OfficePackage) throws -> String? {
        try read(for: "", in: package).values.first { $0.type.hasSuffix("/officeDocument") }?.target
    }

    /// The relationships of `part` ("" for the package root), targets resolved to package paths.
    static func read(for part: String, in package: OfficePackage) throws -> [String: Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let path = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard package.contains(path) else { return [:] }
        var relationships: [String: Relationship] = [:]
        try XMLEvents.parse(
            package.xmlPart(path), file: package.file, part: path,
            start: { element, attributes in
                guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
                relationships[id] = Relationship(target: resolve(target, from: folder), type: attributes["Type"] ?? "")
            })
        return relationships
    }

    /// "worksheets/sheet1.xml" from "xl" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" → "xl/x.xml"; ".." handled.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }
}
