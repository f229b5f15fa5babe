import FlyingFox
import Foundation
import Markup

/// The preview's HTTP server: the site's files, with a small script in every page that
/// reloads it after the next rebuild. The script waits on `/_qed/changes?after=N`, a request
/// the server holds open until the site's generation passes N (or 25 s pass): live reload
/// with plain HTTP, nothing to install, and pages still work when the server stops.
public struct PreviewServer: Sendable {
    public let site: PreviewSite
    let server: HTTPServer

    /// Binds `host:port` (`port` 0 picks a free one).
    public init(site: PreviewSite, host: String, port: UInt16) throws {
        self.site = site
        let address: sockaddr_in = try .inet(ip4: host, port: port)
        server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: PreviewHandler(site: site))
    }

    /// Serves until the task is cancelled or the server is stopped.
    public func run() async throws { try await server.run() }

    /// The port listened on, or nil while not (yet) listening.
    public func listeningPort() async -> UInt16? {
        guard case .ip4(_, let port)? = await server.listeningAddress else { return nil }
        return port
    }

    /// Why `run()` ended, if it did.
    public func failure() async -> (any Error)? { await failures.first }
    public func recordFailure(_ error: any Error) async { await failures.record(error) }
    private let failures = Failures()

    actor Failures {
        var first: (any Error)?
        func record(_ error: any Error) { if first == nil { first = error } }
    }

    public func stop() async { await server.stop(timeout: 1) }
}

struct PreviewHandler: HTTPHandler {
    let site: PreviewSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        if request.path == "/_qed/changes" { return await changes(request) }
        if request.path == "/_qed/live" { return try await live(request) }
        guard let relative = SafePath.relative(request.path) else {
            return HTTPResponse(statusCode: .forbidden, body: Data("refused: not a path inside the site\n".utf8))
        }
        return file(relative)
    }

    /// Upgrades to the WebSocket that tells the page to reload (`ReloadChannel`).
    private func live(_ request: HTTPRequest) async throws -> HTTPResponse {
        let after = request.query.first { $0.name == "after" }.flatMap { Int($0.value) } ?? site.generation
        let handler = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadChannel(site: site, after: after)))
        return try await handler.handleRequest(request)
    }

    /// Answers once the site's generation passes `after`, or after 25 s with the same one.
    private func changes(_ request: HTTPRequest) async -> HTTPResponse {
        let after = request.query.first { $0.name == "after" }.flatMap { Int($0.value) } ?? site.generation
        let deadline = ContinuousClock.now + .seconds(25)
        while site.generation <= after, ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .init("Cache-Control"): "no-store"],
                            body: Data("\(site.generation)".utf8))
    }

    private func file(_ relative: String) -> HTTPResponse {
        guard var data = site.file(relative) else { return notFound() }
        let type = Self.contentType(relative)
        if type.hasPrefix("text/html") { data = Self.injectReload(into: data, generation: site.generation, error: site.lastError) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: data)
    }

    private func notFound() -> HTTPResponse {
        let page = site.file("404.html") ?? Data("not found\n".utf8)
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                            body: Self.injectReload(into: page, generation: site.generation, error: site.lastError))
    }

    /// The reload script (and, while the vault does not build, a banner saying why), put
    /// before `</body>` or at the end. The page listens on the WebSocket and falls back to
    /// the long poll when it cannot open one.
    static func injectReload(into page: Data, generation: Int, error: String? = nil) -> Data {
        var script = """
            <script>/* qed serve: reload after the next rebuild */(function(){var g=\(generation);\
            function poll(){fetch('/_qed/changes?after='+g,{cache:'no-store'}).then(function(r){return r.text()})\
            .then(function(t){if(parseInt(t,10)>g){location.reload()}else{poll()}})\
            .catch(function(){setTimeout(poll,1000)})}\
            function live(){var s;try{s=new WebSocket((location.protocol==='https:'?'wss://':'ws://')+location.host+'/_qed/live?after='+g)}\
            catch(e){poll();return}var opened=false;s.onopen=function(){opened=true};\
            s.onmessage=function(m){if(parseInt(m.data,10)>g){location.reload()}};\
            s.onclose=function(){if(opened){setTimeout(live,1000)}else{poll()}}}live()})();</script>
            """
        if let error {
            script = "<div class=\"qed-preview-error\" role=\"alert\" style=\"position:fixed;left:0;right:0;bottom:0;z-index:1000;"
                + "padding:.75em 1em;background:#b00020;color:#fff;font:14px/1.4 system-ui,sans-serif;white-space:pre-wrap\">"
                + "qed serve: the vault does not build; showing the last site that did.\n"
                + HTML.escape(error) + "</div>" + script
        }
        var html = page
        if let range = html.range(of: Data("</body>".utf8), options: .backwards) {
            html.replaceSubrange(range.lowerBound..<range.lowerBound, with: Data(script.utf8))
        } else {
            html.append(Data(script.utf8))
        }
        return html
    }

    static func contentType(_ path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "mp3": return "audio/mpeg"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        default: return "application/octet-stream"
        }
    }
}
