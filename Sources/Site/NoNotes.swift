import Foundation

/// The words for a vault that holds no notes, shared by `qed build` and `qed check` so both
/// say where they looked and how to proceed.
public enum NoNotes {
    /// "no notes found in /path/vault: …", naming the folder searched and the ways out.
    public static func message(vault: String) -> String {
        "no notes found in \(vault): looked for .md files in it and its subfolders (hidden folders, "
            + "the output folder and qed.yml ignore: globs are skipped). Name the vault folder, "
            + "or pass --allow-empty if an empty vault is expected."
    }
}

extension SiteBuilder {
    /// Whether `output` holds a site a previous build wrote (it carries QED's marker file), so
    /// a failed build can say truthfully whether a previous site was kept.
    public static func holdsSite(at output: String) -> Bool {
        FileManager.default.fileExists(atPath: OutputFolder.resolve(output) + "/" + OutputFolder.marker)
    }
}
