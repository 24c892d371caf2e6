import Foundation
import JixiaoCore
import SQLKit

/// An evaluation of the same unit and year as the document shown, with the figures it is compared by, kept as stored
/// (JSON) until asked for: a page served from its cache needs only the listing.
public struct ComparedSibling: Sendable {
    public let listing: DocumentListing
    /// ``ComparedFigures`` as JSON; nil when migration 0013 could not read the content.
    let figures: String?
}

extension DocumentStore {
    /// The evaluations of `head`'s unit and year other than `head` itself (at most `limit`, in list order), each with
    /// its figures, in one query: the page's cache key and its cross-document checks both come from them.
    public func comparedSiblings(of head: DocumentHead, for actor: Actor, limit: Int = 100) async throws -> [ComparedSibling] {
        guard let year = head.fiscalYear, actor.canSee(head.agencyID) else { return [] }
        let query = ListingQuery(fiscalYear: year, kinds: Self.comparedKinds, agencyID: head.agencyID, limit: limit + 1)
        let rows = try await database.raw(Self.listingQueries(for: actor, query, withCompared: true).page).all()
        return try rows.map { ComparedSibling(listing: try Self.listing($0), figures: try $0.optional("compared", as: String.self)) }
            .filter { $0.listing.id != head.id }.prefix(limit).map { $0 }
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
