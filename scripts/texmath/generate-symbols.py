#!/usr/bin/env python3
"""Generates Sources/TeXMath/GeneratedSymbols.swift: TeX symbol name -> character -> class.

Sources, all machine-readable:
  * unicode-math-table.tex from TeX Live (Debian: texlive-latex-recommended, at
    /usr/share/texlive/texmf-dist/tex/latex/unicode-math/unicode-math-table.tex):
    one \\UnicodeMathSymbol{"code}{\\name}{\\class}{description} per symbol;
  * aliases.tsv beside this script: the amssymb, MathJax and KaTeX names that
    unicode-math spells differently (`backepsilon` -> `upbackepsilon`), or that it
    lacks, each mapped to a unicode-math name or to code points and a class;
  * names.txt beside this script: the names that must come out (MathJax's coverage);
    the script fails when one is not resolved.

Usage: scripts/texmath/generate-symbols.py [PATH-TO-unicode-math-table.tex]
Without a path it looks in the Debian location, then unpacks the Debian package
into a temporary folder with `apt-get download` (no installation needed).
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUTPUT = os.path.join(ROOT, "Sources", "TeXMath", "GeneratedSymbols.swift")
TABLE_IN_TEXLIVE = "usr/share/texlive/texmf-dist/tex/latex/unicode-math/unicode-math-table.tex"

# unicode-math class -> the Swift case of GeneratedSymbolClass.
CLASSES = {
    "mathord": "ordinary", "mathalpha": "ordinary", "mathrel": "relation", "mathbin": "binary",
    "mathop": "largeOperator", "mathopen": "opening", "mathclose": "closing",
    "mathfence": "fence", "mathpunct": "punctuation", "mathaccent": "accent",
    "mathaccentwide": "wideAccent", "mathbotaccent": "underAccent",
    "mathbotaccentwide": "wideUnderAccent",
}
SHORT_CLASSES = {"ord": "ordinary", "rel": "relation", "bin": "binary", "op": "largeOperator",
                 "open": "opening", "close": "closing", "fence": "fence", "punct": "punctuation"}
# Letter families of unicode-math (\mitA, \mbfalpha, \Bbbk is kept): MathJax spells these
# \mathit{A} and so on, which the font commands handle.
ALPHABET_PREFIX = re.compile(r"^(mup|mit|mbf|msans|mtt|mscr|mfrak|Bbb(?!k$)|mbfit|mbfsans|mitBbb|up|math)")
SYMBOL = re.compile(r'\\UnicodeMathSymbol\{"([0-9A-Fa-f]+)\}\{\\([A-Za-z]+)\s*\}\{\\([a-z]+)\}')


def find_table(argument):
    if argument:
        return argument
    system = "/" + TABLE_IN_TEXLIVE
    if os.path.exists(system):
        return system
    folder = tempfile.mkdtemp(prefix="unicode-math-")
    subprocess.run(["apt-get", "download", "texlive-latex-recommended"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    deb = next(name for name in os.listdir(folder) if name.endswith(".deb"))
    subprocess.run(["dpkg", "-x", deb, "x"], cwd=folder, check=True)
    return os.path.join(folder, "x", TABLE_IN_TEXLIVE)


def read_unicode_math(path):
    symbols = {}
    with open(path, encoding="utf-8") as table:
        for line in table:
            match = SYMBOL.search(line)
            if not match:
                continue
            code, name, kind = int(match.group(1), 16), match.group(2), match.group(3)
            if kind not in CLASSES:
                continue
            symbols[name] = (chr(code), CLASSES[kind])
    return symbols


def read_aliases(symbols):
    aliases = {}
    with open(os.path.join(HERE, "aliases.tsv"), encoding="utf-8") as table:
        for number, line in enumerate(table, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            name, target = fields[0], fields[1]
            kind = SHORT_CLASSES[fields[2]] if len(fields) > 2 and fields[2] else None
            if target.startswith("\\"):
                if target[1:] not in symbols:
                    sys.exit(f"aliases.tsv:{number}: {target} is not in unicode-math-table.tex")
                text, own = symbols[target[1:]]
                aliases[name] = (text, kind or own)
            else:
                text = "".join(chr(int(part[2:], 16)) for part in target.split())
                if kind is None:
                    sys.exit(f"aliases.tsv:{number}: a code point needs a class")
                aliases[name] = (text, kind)
    return aliases


def swift_string(text):
    return "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "\\u{%X}" % ord(c) for c in text)


def main():
    path = find_table(sys.argv[1] if len(sys.argv) > 1 else None)
    symbols = read_unicode_math(path)
    aliases = read_aliases(symbols)
    table = {}
    for name, (text, kind) in symbols.items():
        if ord(text[0]) < 0x80 or (kind == "ordinary" and ALPHABET_PREFIX.match(name)):
            continue
        table[name] = (text, kind)
    table.update(aliases)
    with open(os.path.join(HERE, "names.txt"), encoding="utf-8") as names:
        wanted = [n for line in names if not line.startswith("#") for n in line.split()]
    missing = [name for name in wanted if name not in table]
    if missing:
        sys.exit("not resolved (add them to aliases.tsv): " + " ".join(missing))
    lines = [
        "// Generated by scripts/texmath/generate-symbols.py from TeX Live's unicode-math-table.tex",
        "// (Debian texlive-latex-recommended) and scripts/texmath/aliases.tsv. Do not edit by hand:",
        "// change the script or its inputs and run it again.",
        "",
        "/// The MathML class of a generated symbol (from unicode-math's \\mathrel, \\mathbin, ...).",
        "enum GeneratedSymbolClass: UInt8, Sendable {",
        "    case ordinary, relation, binary, largeOperator, opening, closing, fence, punctuation",
        "    case accent, wideAccent, underAccent, wideUnderAccent",
        "}",
        "",
        "extension Symbols {",
        f"    /// {len(table)} symbols, sorted by name. Hand-written entries in `Command.table` take precedence.",
        "    static let generated: [(name: String, text: String, kind: GeneratedSymbolClass)] = [",
    ]
    for name in sorted(table):
        text, kind = table[name]
        lines.append(f'        ("{name}", "{swift_string(text)}", .{kind}),')
    lines += ["    ]", "}", ""]
    with open(OUTPUT, "w", encoding="utf-8") as output:
        output.write("\n".join(lines))
    print(f"{OUTPUT}: {len(table)} symbols ({len(aliases)} from aliases.tsv)")


main()
