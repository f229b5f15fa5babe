import Foundation

/// The unit of an information quantity: the base of the logarithm.
///
/// Every function computes in nats (natural log) and converts at the end, so a result in bits
/// is the nats value divided by ln 2, rounded once.
public enum LogBase: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// Natural logarithm (the default everywhere).
    case nats
    /// Base-2 logarithm (shannons).
    case bits
    /// Base-10 logarithm (hartleys, also called dits).
    case bans

    /// ln(base): the number of nats in one unit.
    public var natsPerUnit: Double {
        switch self {
        case .nats: return 1
        case .bits: return 0.693147180559945309417232121458176568  // ln 2
        case .bans: return 2.302585092994045684017991454684364208  // ln 10
        }
    }

    /// Converts a value in nats into this unit.
    @inlinable
    public func fromNats(_ value: Double) -> Double {
        self == .nats ? value : value / natsPerUnit
    }

    /// Converts a value in this unit into nats.
    @inlinable
    public func toNats(_ value: Double) -> Double {
        self == .nats ? value : value * natsPerUnit
    }

    /// The unit's short name as shown next to a value ("nats", "bits", "bans").
    public var description: String { rawValue }
}
