import TeXMath
print(TeXMathConverter().convert(CommandLine.arguments.dropFirst().first ?? "x", display: false).mathML)
