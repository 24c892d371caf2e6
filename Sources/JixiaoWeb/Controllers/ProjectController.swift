import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// A project across its years, and an agency with its overall evaluations and its projects.
    func addProjectRoutes(to router: Router<WebContext>) {
        router.get(SiteURL.pattern(SiteURL.project)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let id = try context.parameters.require("id")
            let project: ProjectRecord
            do {
                project = try await store.project(id, for: user.actor)
            } catch StoreError.notFound {
                // An address of the release before documents: /projects/ID named an evaluation, which keeps its id.
                let head = try await Guard.store { try await store.head(id, for: user.actor) }
                return .redirect(to: SiteURL.document(head.id).path)
            }
            let page = try await store.listings(for: user.actor, ListingQuery(projectID: project.id, order: .fiscalYear))
            let canCreate = user.role == .unitFiller || user.role == .unitLead || user.role == .bureauAdmin
            return pages.render("project", ProjectPage(frame: PageFrame(project.name, context), project: project, page: page, canCreate: canCreate))
        }
        router.get(SiteURL.pattern(SiteURL.agency)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let agency = try await Guard.store { try await store.agency(context.parameters.require("id"), for: user.actor) }
            let documents = try await store.listings(
                for: user.actor, ListingQuery(kinds: [.agencyEvaluation, .finalAccounts], agencyID: agency.id, order: .fiscalYear, limit: 200)).documents
            var accounts: [String: FinalAccounts] = [:]
            for listing in documents where listing.kind == .finalAccounts {
                accounts[listing.id] = try await Guard.store { try await store.document(listing.id, as: FinalAccounts.self, for: user.actor) }.body
            }
            let projects = try await Guard.store { try await store.projects(ofAgency: agency.id, for: user.actor) }
            return pages.render("agency", AgencyPage(
                frame: PageFrame(agency.name, context), agency: agency, documents: documents, accounts: accounts, projects: projects))
        }
    }
}
