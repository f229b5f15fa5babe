import ArgumentParser

/// The Cells module exports its syntax tree (`Argument` is a call's argument there); in this
/// module `@Argument` always means the command-line one.
typealias Argument = ArgumentParser.Argument
