import Foundation
import Lessons

/// Ctrl-C never ends the lab: at the prompt it clears the line (LineReader notices), during a
/// computation it asks the running loop to stop at its next step (`Interrupt`), keeping
/// everything computed so far.
enum Signals {
    static func installInterruptHandler() {
        var action = sigaction()
        // The handler may only do async-signal-safe work: it sets one atomic flag.
        action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
        // SA_RESTART: reads and writes in progress resume instead of failing with EINTR.
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (the mask is inherited); unblock it,
        // or Ctrl-C would wait unseen.
        var interruptOnly = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interruptOnly, nil)
    }
}
