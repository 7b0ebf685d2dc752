import Foundation

/// Carries values into a synchronous parallel loop whose iterations each touch their own part of them (or only
/// read them): the compiler cannot see that, so this box vouches for it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
