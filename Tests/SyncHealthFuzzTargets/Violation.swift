/// A broken fuzz invariant: a bug to fix (libFuzzer reports it as a crash,
/// `FuzzCorpusTests` as a failure).
package struct Violation: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
