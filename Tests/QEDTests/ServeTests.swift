import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `qed serve` end to end: a real server on a free port, a page fetched, a note edited, the
/// change and the reload signal seen, traversal refused, Ctrl-C a clean stop.
@Suite(.serialized) struct ServeTests {
    /// A running `qed serve` and the URL it printed.
    final class Server {
        let process = Process()
        let url: String
        private let output = Pipe()

        init(vault: String) throws {
            process.executableURL = QEDProcess.binary
            process.arguments = ["serve", vault, "--port", "0"]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var printed = ""
            let handle = output.fileHandleForReading
            let deadline = Date().addingTimeInterval(30)
            while !printed.contains("\n"), Date() < deadline {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                printed += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = printed.range(of: "http://127.0.0.1:[0-9]+/", options: .regularExpression) else {
                process.terminate()
                throw CocoaError(.fileReadUnknown)
            }
            url = String(printed[range])
        }

        func stop() -> Int32 {
            process.interrupt()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// GET with curl-like simplicity; (status, body).
    static func get(_ url: String, timeout: TimeInterval = 10) -> (Int, String) {
        let semaphore = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var status = 0; var body = "" }
        let box = Box()
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = timeout
        URLSession.shared.dataTask(with: request) { data, response, _ in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            box.body = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
            semaphore.signal()
        }.resume()
        semaphore.wait()
        return (box.status, box.body)
    }

    @Test(.timeLimit(.minutes(2)))
    func anEditReachesTheBrowserAndPagesAreToldToReload() throws {
        let vault = try TemporaryVault(["v/a.md": "# A\n\nFirst version.\n\n```qed\ncheck 1 < 2\n```\n", "v/b.md": "# B\n\n[[a]]\n"])
        let server = try Server(vault: vault.path("v"))
        let (status, page) = Self.get(server.url + "a.html")
        #expect(status == 200)
        #expect(page.contains("First version."))
        #expect(page.contains("/_qed/changes?after="))
        // The generation the page was served at, from the injected script.
        let generation = page.range(of: "var g=[0-9]+", options: .regularExpression).map { Int(page[$0].dropFirst(6))! } ?? -1
        #expect(generation >= 1)
        // Ask for the next change in the background, then edit the note.
        final class Box: @unchecked Sendable { var answer: (Int, String) = (0, "") }
        let waited = Box()
        let done = DispatchSemaphore(value: 0)
        let changesURL = server.url + "_qed/changes?after=\(generation)"
        Thread.detachNewThread {
            waited.answer = Self.get(changesURL, timeout: 30)
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        try Data("# A\n\nSecond version.\n\n```qed\ncheck 1 > 2\n```\n".utf8).write(to: URL(fileURLWithPath: vault.path("v/a.md")))
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(waited.answer.0 == 200)
        #expect((Int(waited.answer.1) ?? 0) > generation)
        let (_, updated) = Self.get(server.url + "a.html")
        #expect(updated.contains("Second version."))
        #expect(updated.contains("✗"))
        // The preview lists the note's problems on the page (published pages do not).
        #expect(updated.contains("claim-failed") || updated.contains("1 error"))
        #expect(!FileManager.default.fileExists(atPath: vault.path("v/output")))
        #expect(server.stop() == 0)
    }

    /// A minimal WebSocket client on a POSIX socket: the handshake, then text frames as the
    /// server sends them (unmasked, short). Every read times out, so a test cannot hang.
    final class WebSocketClient {
        let socket: Int32

        init?(url: String, path: String) {
            let port = UInt16(url.split(separator: ":").last!.dropLast())!
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(socket); return nil }
            let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            _ = Array(request.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        }

        deinit { close(socket) }

        private func byte() -> UInt8? {
            var b: UInt8 = 0
            return recv(socket, &b, 1, 0) == 1 ? b : nil
        }

        /// The response head, up to the blank line.
        func handshake() -> String {
            var head: [UInt8] = []
            while !head.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)), let b = byte() { head.append(b) }
            return String(decoding: head, as: UTF8.self)
        }

        /// The next text frame's payload.
        func text() -> String? {
            guard let first = byte(), first == 0x81, let second = byte(), second < 126 else { return nil }
            var payload: [UInt8] = []
            for _ in 0..<Int(second) { guard let b = byte() else { return nil }; payload.append(b) }
            return String(decoding: payload, as: UTF8.self)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func pagesAreToldOverAWebSocketTheMomentARebuildEnds() throws {
        let vault = try TemporaryVault(["v/a.md": "# A\n\nFirst version.\n"])
        let server = try Server(vault: vault.path("v"))
        defer { _ = server.stop() }
        let (_, page) = Self.get(server.url + "a.html")
        #expect(page.contains("/_qed/live?after="))
        let generation = page.range(of: "var g=[0-9]+", options: .regularExpression).map { Int(page[$0].dropFirst(6))! } ?? -1
        let client = try #require(WebSocketClient(url: server.url, path: "/_qed/live?after=\(generation)"))
        #expect(client.handshake().hasPrefix("HTTP/1.1 101"))
        try Data("# A\n\nSecond version.\n".utf8).write(to: URL(fileURLWithPath: vault.path("v/a.md")))
        let told = try #require(client.text())
        #expect((Int(told) ?? 0) > generation)
        #expect(Self.get(server.url + "a.html").1.contains("Second version."))
    }

    @Test(.timeLimit(.minutes(1)))
    func onlyFilesOfTheSiteAreServed() throws {
        let vault = try TemporaryVault(["v/a.md": "# A\n", "secret.txt": "TOKEN"])
        let server = try Server(vault: vault.path("v"))
        defer { _ = server.stop() }
        for path in ["%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fetc%2fpasswd", ".qed-site", ".qed-cache/manifest.json",
                     "%2Fetc%2Fpasswd", "a.html%00.png", String(repeating: "x/", count: 3000)] {
            let (status, body) = Self.get(server.url + path)
            #expect(status == 403 || status == 404 || status == 414 || status == 400, "\(path) → \(status)")
            #expect(!body.contains("root:") && !body.contains("TOKEN"))
        }
        #expect(Self.get(server.url).0 == 200)
        #expect(Self.get(server.url + "a.html").0 == 200)
    }

    @Test func aPortInUseIsAClearErrorAtOnce() throws {
        let vault = try TemporaryVault(["v/a.md": "# A\n"])
        let server = try Server(vault: vault.path("v"))
        defer { _ = server.stop() }
        let port = server.url.split(separator: ":").last!.dropLast()
        let second = try QEDProcess.run(["serve", vault.path("v"), "--port", String(port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("Address already in use"))
    }
}
