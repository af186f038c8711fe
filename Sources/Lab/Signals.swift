import Foundation
import Shell
import Models

/// Ctrl-C never ends the shell: at the prompt it clears the line (LineReader notices), during
/// training it asks the loop to stop at its next step (`Interrupt`), keeping everything computed
/// so far. A script run with `lab run` stops training the same way, but a second Ctrl-C before
/// the first was noticed ends the script, since nobody is waiting at a prompt.
enum Signals {
    static func installInterruptHandler(secondPressExits: Bool = false) {
        var action = sigaction()
        // Handlers may only do async-signal-safe work: an atomic flag, and at most _exit.
        if secondPressExits {
            action.__sigaction_handler.sa_handler = { _ in
                if Interrupt.isRequested { _exit(130) } else { Interrupt.request() }
            }
        } else {
            action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
        }
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
