import Hummingbird

/// Turns a refused request into an answer the user can read: a page in Chinese for the browser, `{"error": …}`
/// for the API, with the error's own headers (Retry-After …); redirects pass through. Unexpected errors are logged and answered 500 without details.
struct ErrorPages: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if (300..<400).contains(error.status.code) { throw error }
            var response = answer(request, context, status: error.status, message: error.body ?? error.status.reasonPhrase)
            for field in error.headers where response.headers[field.name] == nil { response.headers.append(field) }
            return response
        } catch {
            context.logger.error("请求失败：\(String(reflecting: error))")
            return answer(request, context, status: .internalServerError, message: "服务器内部错误，已记录；请稍后重试")
        }
    }

    private func answer(_ request: Request, _ context: WebContext, status: HTTPResponse.Status, message: String) -> Response {
        if request.uri.path.hasPrefix(SiteURL.apiPrefix), let json = try? WebApp.json(["error": message], status: status) {
            return json
        }
        struct Model: Encodable { var frame: PageFrame; var status: Int; var message: String }
        return pages.render("error", Model(frame: PageFrame("出错了", context), status: status.code, message: message), status: status)
    }
}
