import CReadline
import Foundation
import LotseCore
import Synchronization

/// What reading one line produced.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C: the line being typed was dropped; ask again.
    case interrupted
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
    /// Nothing was typed within the timeout (kiosk idle logout).
    case timedOut
}
