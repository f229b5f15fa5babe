#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// The `qed` command: verify Markdown notes and publish them as a static site.
@main
struct QED: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "qed",
        abstract: "Turn a vault of Markdown notes into a verified knowledge base.",
        discussion: """
            Every number a note shows is computed by its ```qed cells, every claim is checked, \
            and `qed build` publishes the result as a static site with MathML.

            Exit status: 0 success; 1 a claim failed or an error was found; 2 usage or I/O error.
            """,
        version: version,
        subcommands: [Init.self, New.self, Serve.self, Build.self, Check.self, Run.self, Eval.self, Render.self, MathCommand.self],
        defaultSubcommand: nil)

    /// Parses and runs like `ParsableCommand.main()`, except that usage errors exit with 2,
    /// the status QED documents, rather than the parser's default 64.
    static func main() async {
        StandardStream.claimClosedDescriptors()
        if Supervisor.shouldSupervise(CommandLine.arguments) { Supervisor.run(CommandLine.arguments) }
        Supervisor.startWorkerIfAsked()
        // A closed pipe must be an error return from write(2), not a fatal signal.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.writeError(fullMessage(for: error) + "\n")
                exit(withError: ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}
