/// The files `qed init` writes and the note `qed new` starts from, when the vault has no
/// `templates/note.md` of its own.
enum StarterFiles {
    static let config = """
        # QED settings for this vault. Every key is optional; remove the '#' to use one.
        title: My verified notes
        # base_url: https://example.org/notes/   # the site's public address (http(s):// or /path)
        # tolerance: 1.0e-9                      # default relative tolerance of ≈ claims
        # raw_html: false                        # true passes raw HTML in notes through
        # formulas: true                         # false stops checking the relations in formulas
        # allow_outside: []                      # folders outside the vault symlinks may lead to
        # limits: {note_bytes: 8388608}          # resource limits (see the README)
        #
        # templates/note.md is what `qed new` starts a note from; edit it freely. To change how
        # pages look, copy the default theme's templates into a folder of your own and build with
        # `qed build --templates THAT_FOLDER` (only the files you copy are overridden).
        ignore: ["templates/"]

        """

    /// `{{title}}` and `{{date}}` are filled in by `qed new`.
    static let noteTemplate = """
        ---
        title: "{{title}}"
        brief: ""
        created: "{{date}}"
        updated: "{{date}}"
        tags: []
        ---
        # {{title}}


        """

    static func welcome(date: String) -> String {
        """
        ---
        title: "Welcome to QED"
        brief: "Entropy and cross-entropy, with every number computed and every claim checked."
        type: concept
        created: "\(date)"
        updated: "\(date)"
        tags:
          - getting-started
        ---
        # Welcome to QED

        Notes are Markdown with front matter, `$…$` math and `[[wiki-links]]`. QED checks the
        relations your formulas state and runs the `qed` cells, then publishes a site.

        ## Entropy

        The entropy of a distribution $P$ is

        $$H(P) = -\\sum_x P(x) \\log P(x)$$

        and cross-entropy splits into entropy plus a divergence:
        $H(P, Q) = H(P) + D_{\\text{KL}}(P \\| Q)$. QED verifies that formula over random
        distributions and marks it ✓ on the page.

        ```qed
        P = [0.5, 0.25, 0.25]
        Q = [0.4, 0.4, 0.2]
        H(P)                              // an output, in nats
        check H(P, Q) ≈ H(P) + KL(P ‖ Q)  // a claim: ✓ or a located failure
        forall P, Q in simplex(4): check KL(P ‖ Q) ≥ 0
        ```

        The entropy of P is `= H(P)`: computed when the site is built, so it never goes stale.

        Next: `qed new ideas/first-note.md`, then `qed check` and `qed build`.

        """
    }
}
