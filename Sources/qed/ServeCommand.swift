import ArgumentParser
import Diagnostics
import Foundation
import Preview
import Site

/// `qed serve`: preview a vault with live reload.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview a vault in the browser; pages reload when a note changes.",
        discussion: """
            The site is built in memory (output/ is not touched), served on \
            127.0.0.1, and rebuilt whenever a file of the vault changes; open pages reload by \
            themselves. Problems are printed here as they appear. Ctrl-C stops the server.
            """)

    @Argument(help: "The vault folder (default: as for qed build).", completion: .directory)
    var vault: String?

    @Option(help: "The port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on. Anything but loopback exposes your notes to the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the default browser.")
    var open = false

    func run() async throws {
        let vault = vault ?? VaultLocation.defaultVault()
        if !host.hasPrefix("127.") {
            Terminal.writeError("warning: serving on \(host): anyone who can reach this machine can read these notes\n")
        }
        let site: PreviewSite
        do { site = try PreviewSite(vault: vault) } catch {
            Terminal.writeError("error: \(error)\n")
            throw ExitStatus.usage
        }
        report(site.rebuild(), in: site.lastDuration, vault: vault)
        let server: PreviewServer
        do { server = try PreviewServer(site: site, host: host, port: port) } catch {
            Terminal.writeError("error: cannot listen on \(host): \(error)\n")
            throw ExitStatus.usage
        }
        let serving = Task {
            do { try await server.run() } catch { await server.recordFailure(error); throw error }
        }
        let listening: UInt16?
        switch await Self.firstOf(listening: server, serving: serving) {
        case .success(let port): listening = port
        case .failure(let error):
            serving.cancel()
            Terminal.writeError("error: cannot listen on \(host):\(port) (\(error)); is the port in use? try --port 0\n")
            throw ExitStatus.usage
        }
        let url = "http://\(host):\(listening ?? port)/"
        Terminal.write("serving \(vault) at \(url) (Ctrl-C stops)\n")
        if open { _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/xdg-open"), arguments: [url]) }
        let watcher = Task {
            await VaultWatcherTask.watch(site: site) { outcome in report(outcome, in: site.lastDuration, vault: vault) }
        }
        await StopSignal.wait()
        watcher.cancel()
        await server.stop()
        serving.cancel()
        Terminal.writeError("\nstopped\n")
    }

    /// The listening port, or the error that stopped the server from listening (a port in use
    /// fails at once rather than after the listening timeout).
    private static func firstOf(listening server: PreviewServer, serving: Task<Void, any Error>) async -> Result<UInt16?, any Error> {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let port = await server.listeningPort() { return .success(port) }
            if serving.isCancelled { break }
            if let failure = await server.failure() { return .failure(failure) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return .failure(CancellationError())
    }

    /// One line per rebuild, the problems above it.
    private func report(_ outcome: Result<BuildResult, BuildError>, in duration: Duration, vault: String) {
        switch outcome {
        case .success(let result):
            let renderer = DiagnosticRenderer(colour: Terminal.colour(for: STDERR_FILENO))
            let sources = SourceFiles(root: vault, displayPrefix: VaultLocation.displayPrefix(for: vault))
            for diagnostic in result.diagnostics {
                Terminal.writeError(renderer.render(diagnostic.prefixingFile(with: VaultLocation.displayPrefix(for: vault)),
                                                    source: diagnostic.location.flatMap { sources.text($0.file) }))
            }
            let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
            Terminal.writeError("rebuilt in \(milliseconds) ms: \(result.summary)\n")
        case .failure(let error):
            Terminal.writeError("error: \(error); still serving the last site that built\n")
        }
    }
}
