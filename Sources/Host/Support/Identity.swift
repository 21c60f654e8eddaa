import LotseCore
import Synchronization

/// The user logged in at the kiosk, for the commands typed there. Outside the kiosk it
/// is nil and commands act as the lotse user mapped to the operating-system account.
enum Identity {
    private static let loggedIn = Mutex<Principal?>(nil)

    static var kioskUser: Principal? { loggedIn.withLock { $0 } }

    static func login(_ principal: Principal?) { loggedIn.withLock { $0 = principal } }
}
