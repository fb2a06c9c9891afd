import CarrierSimulator

/// The simulator's calendar day. ShipTrackEstimate has its own `CalendarDay`, and the module name is shadowed by
/// the `CarrierSimulator` class, so this file (which imports only the simulator) names it for the tests.
typealias SimulatedDay = CalendarDay
