import FlyingFox
import Foundation

/// The WebSocket an open page listens on (`/_qed/live?after=N`): the server sends the site's
/// generation as text as soon as a rebuild passes N, and the page reloads. The long-poll
/// `/_qed/changes` stays for clients without WebSockets.
struct ReloadChannel: WSMessageHandler {
    let site: PreviewSite
    /// The generation the page was served at.
    let after: Int

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        let generations = site.generations()
        let current = site.generation
        let forward = Task {
            // A rebuild that finished between serving the page and opening the socket.
            if current > after { continuation.yield(.text("\(current)")) }
            for await generation in generations where generation > after {
                continuation.yield(.text("\(generation)"))
            }
            continuation.finish()
        }
        // The page went away: stop listening.
        Task {
            for await _ in client {}
            forward.cancel()
            continuation.finish()
        }
        return messages
    }
}
