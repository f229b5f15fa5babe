import ArgumentParser
import Foundation

/// `qed init`: a new vault with settings, a welcome note and a note template.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new vault: qed.yml, a welcome note and templates/note.md.",
        discussion: "Refuses a folder that already holds visible files unless --force; never overwrites a file.")

    @Argument(help: "The vault folder (created if missing).", completion: .directory)
    var folder: String = "."

    @Flag(help: "Add the starter files to a folder that is not empty (existing files are kept).")
    var force = false

    func run() throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            Terminal.writeError("error: cannot create \(folder): \(error.localizedDescription)\n")
            throw ExitStatus.usage
        }
        let visible = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
        if !visible.isEmpty && !force {
            Terminal.writeError("error: \(folder) is not empty (\(visible.sorted().prefix(3).joined(separator: ", "))…); "
                                + "choose an empty folder, or add the starter files with --force\n")
            throw ExitStatus.usage
        }
        let files = [
            ("qed.yml", StarterFiles.config),
            ("welcome.md", StarterFiles.welcome(date: NoteFile.today())),
            ("templates/note.md", StarterFiles.noteTemplate),
        ]
        var written: [String] = []
        for (path, text) in files {
            switch NoteFile.create(folder + "/" + path, text) {
            case .created: written.append(path)
            case .exists: Terminal.writeError("kept the existing \(path)\n")
            case .failed(let reason):
                Terminal.writeError("error: cannot write \(folder)/\(path): \(reason)\n")
                throw ExitStatus.usage
            }
        }
        Terminal.write("created a vault in \(folder): \(written.joined(separator: ", "))\n"
                       + "next: qed check \(folder)   ·   qed new \(folder == "." ? "" : folder + "/")my-note.md   ·   qed build \(folder)\n")
    }
}

/// Writing a new file without ever replacing one.
enum NoteFile {
    enum Outcome: Equatable { case created, exists, failed(String) }

    /// Creates `path` (and its folders) holding `text`; an existing file is left alone.
    static func create(_ path: String, _ text: String) -> Outcome {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                return .failed(error.localizedDescription)
            }
        }
        // O_EXCL: if the file appears between a check and the write, it is still not replaced.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 { return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == bytes.count ? .created : .failed(String(cString: strerror(errno)))
    }

    /// Today's date as YYYY-MM-DD in the local time zone (what a note's `created:` means).
    static func today() -> String {
        if let fixed = ProcessInfo.processInfo.environment["QED_TODAY"] { return fixed }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
