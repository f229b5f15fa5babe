/// Symbol tables: TeX command name → Unicode character(s), grouped by TeX atom class.
enum Symbols {
    static let greekLower: [(String, String)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"),
        ("epsilon", "\u{03F5}"), ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"),
        ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"),
        ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("omicron", "ο"),
        ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"), ("sigma", "σ"),
        ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "\u{03D5}"),
        ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"), ("digamma", "ϝ"),
    ]

    static let greekUpper: [(String, String)] = [
        ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"),
        ("Pi", "Π"), ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"),
        ("Omega", "Ω"), ("Alpha", "Α"), ("Beta", "Β"), ("Epsilon", "Ε"), ("Zeta", "Ζ"),
        ("Eta", "Η"), ("Iota", "Ι"), ("Kappa", "Κ"), ("Mu", "Μ"), ("Nu", "Ν"),
        ("Omicron", "Ο"), ("Rho", "Ρ"), ("Tau", "Τ"), ("Chi", "Χ"),
    ]

    /// `\varGamma` etc.: italic capitals, as mathematical italic letters.
    static let greekVariantUpper: [(String, String)] = [
        ("varGamma", "\u{1D6E4}"), ("varDelta", "\u{1D6E5}"), ("varTheta", "\u{1D6E9}"),
        ("varLambda", "\u{1D6EC}"), ("varXi", "\u{1D6EF}"), ("varPi", "\u{1D6F1}"),
        ("varSigma", "\u{1D6F4}"), ("varUpsilon", "\u{1D6F6}"), ("varPhi", "\u{1D6F7}"),
        ("varPsi", "\u{1D6F9}"), ("varOmega", "\u{1D6FA}"),
    ]

    static let ordinary: [(String, String)] = [
        ("infty", "∞"), ("partial", "∂"), ("nabla", "∇"), ("forall", "∀"), ("exists", "∃"),
        ("nexists", "∄"), ("emptyset", "∅"), ("varnothing", "∅"), ("ell", "ℓ"),
        ("hbar", "ℏ"), ("hslash", "ℏ"), ("aleph", "ℵ"), ("beth", "ℶ"), ("gimel", "ℷ"),
        ("Re", "ℜ"), ("Im", "ℑ"), ("wp", "℘"), ("top", "⊤"), ("bot", "⊥"), ("angle", "∠"),
        ("measuredangle", "∡"), ("triangle", "△"), ("neg", "¬"), ("lnot", "¬"),
        ("prime", "′"), ("flat", "♭"), ("sharp", "♯"), ("natural", "♮"),
        ("clubsuit", "♣"), ("diamondsuit", "♢"), ("heartsuit", "♡"), ("spadesuit", "♠"),
        ("imath", "ı"), ("jmath", "ȷ"), ("complement", "∁"), ("mho", "℧"), ("eth", "ð"),
        ("surd", "√"), ("Finv", "Ⅎ"), ("Game", "⅁"), ("Bbbk", "𝕜"), ("backprime", "‵"),
        ("varkappa", "ϰ"), ("infin", "∞"), ("R", "ℝ"), ("Reals", "ℝ"), ("reals", "ℝ"),
        ("N", "ℕ"), ("natnums", "ℕ"), ("Z", "ℤ"), ("C", "ℂ"), ("cnums", "ℂ"), ("Complex", "ℂ"),
    ]

    static let uprightOrdinary: [(String, String)] = [
        ("checkmark", "✓"), ("square", "□"), ("Box", "□"), ("blacksquare", "■"),
        ("lozenge", "◊"), ("blacklozenge", "⧫"), ("bigstar", "★"), ("S", "§"), ("P", "¶"),
        ("copyright", "©"), ("circledR", "®"), ("degree", "°"), ("dag", "†"), ("ddag", "‡"),
        ("yen", "¥"), ("pounds", "£"), ("euro", "€"), ("blacktriangle", "▴"),
        ("vartriangle", "△"), ("diagup", "╱"), ("diagdown", "╲"),
    ]

    static let binary: [(String, String)] = [
        ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("ast", "∗"),
        ("star", "⋆"), ("circ", "∘"), ("bullet", "∙"), ("oplus", "⊕"), ("ominus", "⊖"),
        ("otimes", "⊗"), ("oslash", "⊘"), ("odot", "⊙"), ("cup", "∪"), ("cap", "∩"),
        ("sqcup", "⊔"), ("sqcap", "⊓"), ("uplus", "⊎"), ("setminus", "∖"),
        ("smallsetminus", "∖"), ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"),
        ("amalg", "⨿"), ("dagger", "†"), ("ddagger", "‡"), ("wr", "≀"), ("diamond", "⋄"),
        ("triangleleft", "◁"), ("triangleright", "▷"), ("bigtriangleup", "△"),
        ("bigtriangledown", "▽"), ("circledast", "⊛"), ("circledcirc", "⊚"),
        ("boxplus", "⊞"), ("boxminus", "⊟"), ("boxtimes", "⊠"), ("boxdot", "⊡"),
        ("ltimes", "⋉"), ("rtimes", "⋊"), ("centerdot", "⋅"), ("intercal", "⊺"),
        ("dotplus", "∔"), ("bigcirc", "◯"), ("cdotp", "⋅"),
    ]

    static let relations: [(String, String)] = [
        ("lt", "<"), ("gt", ">"), ("leftrightarrows", "⇆"),
        ("ne", "≠"), ("neq", "≠"), ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"),
        ("leqslant", "⩽"), ("geqslant", "⩾"), ("leqq", "≦"), ("geqq", "≧"), ("ll", "≪"),
        ("gg", "≫"), ("lll", "⋘"), ("ggg", "⋙"), ("approx", "≈"), ("approxeq", "≊"),
        ("sim", "∼"), ("simeq", "≃"), ("cong", "≅"), ("equiv", "≡"), ("propto", "∝"),
        ("varpropto", "∝"), ("in", "∈"), ("ni", "∋"), ("owns", "∋"), ("subset", "⊂"),
        ("supset", "⊃"), ("subseteq", "⊆"), ("supseteq", "⊇"), ("subsetneq", "⊊"),
        ("supsetneq", "⊋"), ("sqsubset", "⊏"), ("sqsupset", "⊐"), ("sqsubseteq", "⊑"),
        ("sqsupseteq", "⊒"), ("perp", "⊥"), ("parallel", "∥"), ("coloneqq", "≔"),
        ("coloneq", "≔"), ("eqqcolon", "≕"), ("eqcolon", "≕"), ("triangleq", "≜"),
        ("doteq", "≐"), ("doteqdot", "≑"), ("models", "⊨"), ("vdash", "⊢"), ("dashv", "⊣"),
        ("vDash", "⊨"), ("Vdash", "⊩"), ("prec", "≺"), ("succ", "≻"), ("preceq", "⪯"),
        ("succeq", "⪰"), ("preccurlyeq", "≼"), ("succcurlyeq", "≽"), ("asymp", "≍"),
        ("bowtie", "⋈"), ("lesssim", "≲"), ("gtrsim", "≳"), ("lessgtr", "≶"),
        ("gtrless", "≷"), ("smile", "⌣"), ("frown", "⌢"), ("eqsim", "≂"), ("backsim", "∽"),
        ("bumpeq", "≏"), ("Bumpeq", "≎"), ("circeq", "≗"), ("risingdotseq", "≓"),
        ("fallingdotseq", "≒"), ("thicksim", "∼"), ("thickapprox", "≈"), ("lhd", "⊲"),
        ("rhd", "⊳"), ("unlhd", "⊴"), ("unrhd", "⊵"), ("Colon", "∷"), ("ratio", "∶"),
        ("vcentcolon", "∶"), ("eqdef", "≝"), ("stareq", "≛"), ("between", "≬"),
        ("pitchfork", "⋔"), ("trianglelefteq", "⊴"), ("trianglerighteq", "⊵"),
        ("Subset", "⋐"), ("Supset", "⋑"), ("subseteqq", "⫅"), ("supseteqq", "⫆"),
    ]

    static let negatedRelations: [(String, String)] = [
        ("notin", "∉"), ("nmid", "∤"), ("nparallel", "∦"), ("nleq", "≰"), ("ngeq", "≱"),
        ("nless", "≮"), ("ngtr", "≯"), ("nsim", "≁"), ("ncong", "≇"), ("nsubseteq", "⊈"),
        ("nsupseteq", "⊉"), ("nprec", "⊀"), ("nsucc", "⊁"), ("nvdash", "⊬"),
        ("nvDash", "⊭"), ("nequiv", "≢"), ("lneq", "⪇"), ("gneq", "⪈"),
        ("notni", "∌"),
    ]

    static let arrows: [(String, String)] = [
        ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"),
        ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"),
        ("leftrightarrow", "↔"), ("mapsto", "↦"), ("longmapsto", "⟼"),
        ("longrightarrow", "⟶"), ("longleftarrow", "⟵"), ("Longrightarrow", "⟹"),
        ("Longleftarrow", "⟸"), ("longleftrightarrow", "⟷"), ("Longleftrightarrow", "⟺"),
        ("nearrow", "↗"), ("searrow", "↘"), ("swarrow", "↙"), ("nwarrow", "↖"),
        ("hookrightarrow", "↪"), ("hookleftarrow", "↩"), ("rightharpoonup", "⇀"),
        ("rightharpoondown", "⇁"), ("leftharpoonup", "↼"), ("leftharpoondown", "↽"),
        ("rightleftharpoons", "⇌"), ("leftrightharpoons", "⇋"), ("leadsto", "⇝"),
        ("rightsquigarrow", "⇝"), ("twoheadrightarrow", "↠"), ("twoheadleftarrow", "↞"),
        ("rightrightarrows", "⇉"), ("leftleftarrows", "⇇"), ("rightleftarrows", "⇄"),
        ("leftrightarrows", "⇆"), ("Lsh", "↰"), ("Rsh", "↱"), ("curvearrowright", "↷"),
        ("curvearrowleft", "↶"), ("circlearrowright", "↻"), ("circlearrowleft", "↺"),
        ("nrightarrow", "↛"), ("nleftarrow", "↚"), ("nRightarrow", "⇏"),
        ("nLeftarrow", "⇍"), ("nleftrightarrow", "↮"), ("nLeftrightarrow", "⇎"),
        ("dashrightarrow", "⇢"), ("dashleftarrow", "⇠"), ("Rrightarrow", "⇛"),
        ("Lleftarrow", "⇚"), ("restriction", "↾"), ("multimap", "⊸"),
        ("rightarrowtail", "↣"), ("leftarrowtail", "↢"), ("upharpoonright", "↾"),
        ("upharpoonleft", "↿"), ("downharpoonright", "⇂"), ("downharpoonleft", "⇃"),
    ]

    static let punctuation: [(String, String)] = [("colon", ":"), ("ldotp", ".")]

    static let dots: [(String, String)] = [
        ("ldots", "…"), ("dots", "…"), ("dotsc", "…"), ("dotso", "…"), ("cdots", "⋯"),
        ("dotsb", "⋯"), ("dotsm", "⋯"), ("dotsi", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"),
        ("iddots", "⋰"), ("adots", "⋰"), ("mathellipsis", "…"),
    ]

    static let openers: [(String, String)] = [
        ("{", "{"), ("lbrace", "{"), ("lbrack", "["), ("langle", "⟨"), ("lfloor", "⌊"),
        ("lceil", "⌈"), ("lvert", "|"), ("lVert", "‖"), ("llbracket", "⟦"),
        ("lgroup", "⟮"), ("lmoustache", "⎰"), ("ulcorner", "⌜"), ("llcorner", "⌞"),
        ("lparen", "("),
    ]

    static let closers: [(String, String)] = [
        ("}", "}"), ("rbrace", "}"), ("rbrack", "]"), ("rangle", "⟩"), ("rfloor", "⌋"),
        ("rceil", "⌉"), ("rvert", "|"), ("rVert", "‖"), ("rrbracket", "⟧"),
        ("rgroup", "⟯"), ("rmoustache", "⎱"), ("urcorner", "⌝"), ("lrcorner", "⌟"),
        ("rparen", ")"),
    ]

    /// Delimiters that are neither opening nor closing (TeX ordinary class).
    static let bars: [(String, String)] = [
        ("|", "‖"), ("vert", "|"), ("Vert", "‖"), ("backslash", "\\"),
    ]

    /// Vertical arrows: relations in TeX, and usable after `\left`/`\big`.
    static let verticalArrows: [(String, String)] = [
        ("uparrow", "↑"), ("downarrow", "↓"), ("updownarrow", "↕"), ("Uparrow", "⇑"),
        ("Downarrow", "⇓"), ("Updownarrow", "⇕"),
    ]

    static let largeOperators: [(String, String)] = [
        ("sum", "∑"), ("prod", "∏"), ("coprod", "∐"), ("bigcup", "⋃"), ("bigcap", "⋂"),
        ("bigvee", "⋁"), ("bigwedge", "⋀"), ("bigoplus", "⨁"), ("bigotimes", "⨂"),
        ("bigodot", "⨀"), ("biguplus", "⨄"), ("bigsqcup", "⨆"), ("bigsqcap", "⨅"),
    ]

    static let integrals: [(String, String)] = [
        ("int", "∫"), ("iint", "∬"), ("iiint", "∭"), ("oint", "∮"), ("oiint", "∯"),
        ("oiiint", "∰"), ("intop", "∫"), ("smallint", "∫"),
    ]

    static let functions: [String] = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh",
        "tanh", "coth", "sech", "csch", "arcsin", "arccos", "arctan", "arccot", "dim",
        "ker", "deg", "hom", "sgn", "tr", "Tr", "rank", "diag", "erf", "cosec",
    ]

    static let limitFunctions: [String] = [
        "max", "min", "lim", "sup", "inf", "det", "gcd", "Pr", "lcm",
    ]

    static let spelledFunctions: [(String, String)] = [
        ("liminf", "lim inf"), ("limsup", "lim sup"), ("argmax", "arg max"),
        ("argmin", "arg min"), ("injlim", "inj lim"), ("projlim", "proj lim"),
        ("varliminf", "lim inf"), ("varlimsup", "lim sup"), ("esssup", "ess sup"),
        ("essinf", "ess inf"),
    ]

    static let spaces: [(String, String)] = [
        (",", "0.1667em"), ("thinspace", "0.1667em"), (":", "0.2222em"), (">", "0.2222em"),
        ("medspace", "0.2222em"), (";", "0.2778em"), ("thickspace", "0.2778em"),
        ("!", "-0.1667em"), ("negthinspace", "-0.1667em"), ("negmedspace", "-0.2222em"),
        ("negthickspace", "-0.2778em"), ("quad", "1em"), ("qquad", "2em"),
        ("enspace", "0.5em"), ("enskip", "0.5em"),
    ]

    /// Spacing (non-combining) accent characters: Chromium centres them over the base.
    static let accents: [(String, String)] = [
        ("hat", "\u{02C6}"), ("bar", "\u{02C9}"), ("tilde", "\u{02DC}"), ("dot", "\u{02D9}"),
        ("ddot", "\u{00A8}"), ("check", "\u{02C7}"), ("breve", "\u{02D8}"), ("acute", "\u{00B4}"),
        ("grave", "\u{0060}"), ("mathring", "\u{02DA}"), ("dddot", "\u{20DB}"),
    ]

    /// Accents that grow with their base (the math font supplies wider variants).
    /// `\widetilde` is U+2053 (swung dash): Chromium stretches it with Latin Modern Math,
    /// while U+02DC and U+0303 stay one letter wide there.
    static let wideAccents: [(String, String)] = [
        ("widehat", "\u{0302}"), ("widetilde", "\u{2053}"), ("widecheck", "\u{02C7}"),
        ("vec", "\u{20D7}"),
    ]

    static let escapes: [(String, String)] = [
        ("$", "$"), ("%", "%"), ("#", "#"), ("_", "_"), ("&", "&"),
        ("textbackslash", "\\"), ("textasciitilde", "~"), ("textasciicircum", "^"),
    ]

    /// `\not` followed by these makes the precomposed negation.
    static let negations: [String: String] = [
        "=": "≠", "∈": "∉", "<": "≮", ">": "≯", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉",
        "≡": "≢", "∼": "≁", "≈": "≉", "≤": "≰", "≥": "≱", "∣": "∤", "∥": "∦", "∃": "∄",
        "∋": "∌", "≅": "≇", "≃": "≄", "≺": "⊀", "≻": "⊁", "⊢": "⊬", "⊨": "⊭", "→": "↛",
        "←": "↚",
    ]
}
