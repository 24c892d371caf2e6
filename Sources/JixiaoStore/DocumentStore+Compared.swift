import Foundation
import JixiaoCore
import SQLKit

/// An evaluation of the same unit and year as the document shown, with the figures it is compared by, kept as stored
/// (JSON) until asked for: a page served from its cache needs only the listing. Read with the document
/// (``DocumentStore/storedDocument(_:for:withSiblings:)``).
public struct ComparedSibling: Sendable {
    public let listing: DocumentListing
    /// ``ComparedFigures`` as JSON; nil when migration 0013 could not read the content.
    let figures: String?
}

extension DocumentStore {
    /// How many of a unit's other evaluations of the year a document page compares it with, at most.
    static let siblingLimit = 100

    /// The columns of the document's own row that only its siblings fill, blank (the two parts of one statement).
    static let siblingBlanks = """
        , NULL AS total_centi, NULL AS grade, NULL AS execution_bp, NULL AS findings, NULL AS profile, NULL AS compared
        """

    /// The evaluations of the same unit and year as the document `id` (of a compared kind) other than itself, as rows
    /// of the document's own statement (`part` 1, the head's columns they do not have blank): a document page then
    /// costs one query. Whoever may see the document may see them (the same unit). The blanks of a subquery are typed:
    /// PostgreSQL would make them text.
    static func siblingsPart(of id: String) -> SQLQueryString {
        let kinds = comparedKinds.map(\.rawValue)
        return """
            SELECT * FROM (
            SELECT 1 AS part, s.id, s.kind, s.agency_id, s.agency_name AS agency, s.project_id, s.fiscal_year, s.title, s.state,
            s.version, s.updated_at, CAST(NULL AS INTEGER) AS year, CAST(NULL AS INTEGER) AS open, NULL AS project_profile,
            NULL AS agency_profile, NULL AS body, s.total_centi, s.grade, s.execution_bp, s.findings, s.profile, s.compared
            FROM documents d JOIN documents s ON s.agency_id = d.agency_id AND s.fiscal_year = d.fiscal_year
            WHERE d.id = \(bind: id) AND d.kind IN (\(binds: kinds)) AND s.kind IN (\(binds: kinds)) AND s.id <> d.id
            ORDER BY s.title, s.id LIMIT \(literal: siblingLimit)) siblings
            """
    }

    /// A sibling's row of that statement.
    static func sibling(_ row: any SQLRow) throws -> ComparedSibling {
        ComparedSibling(listing: try listing(row), figures: try row.optional("compared", as: String.self))
    }

    /// The figures of `siblings` as each version stored them, by document id; a version decoded before is not decoded
    /// again. A sibling whose figures could not be stored is an error naming it, not a sibling left out.
    public func comparedFigures(of siblings: [ComparedSibling]) throws -> [String: ComparedFigures] {
        var figures: [String: ComparedFigures] = [:]
        var unread: [(id: String, key: String, json: String)] = []
        for sibling in siblings {
            let id = sibling.listing.id, key = "\(id)@\(sibling.listing.version)"
            if let known = comparedCache.value(for: key) {
                figures[id] = known
            } else if let json = sibling.figures {
                unread.append((id, key, json))
            } else {
                // Left empty by migration 0013 because the content did not decode: said, not skipped.
                throw StoreError.unreadable(row: "documents.id=\(id)", reason: "内容无法解析，无法与同单位的其他文档比对")
            }
        }
        for (entry, decoded) in zip(unread, try Self.decodeCompared(unread.map { ($0.id, $0.json) })) {
            figures[entry.id] = decoded
            comparedCache.keep(decoded, for: entry.key)
        }
        return figures
    }

    /// Figures as JSON, each decoded; one that does not decode is an error naming its row.
    private static func decodeCompared(_ rows: [(id: String, json: String)]) throws -> [ComparedFigures] {
        try rows.map { id, json in
            do {
                return try JSONTreeDecoder().decode(ComparedFigures.self, from: json)
            } catch let error as DecodingError {
                throw StoreError.unreadable(row: "documents.id=\(id)", reason: error.jixiaoDescription)
            }
        }
    }

    /// The kinds whose documents are compared with their unit's others.
    static let comparedKinds: [DocumentKind] = [.projectSelfEvaluation, .agencyEvaluation]

    /// What a version of a document keeps in `compared`: its ``ComparedFigures`` as JSON, for the kinds compared.
    static func comparedColumn(_ kind: DocumentKind?, json: String) throws -> String? {
        guard let kind, comparedKinds.contains(kind) else { return nil }
        let figures = try JSONTreeDecoder().decode(ComparedFigures.self, from: json)
        return String(decoding: try JSONEncoder().encode(figures), as: UTF8.self)
    }
}
