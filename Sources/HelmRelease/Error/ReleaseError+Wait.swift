import KubeAPI

// Errors of ResourceWaiter; each names the object and why.
extension ReleaseError {
    static func waitTimedOut(goal: String, timeout: Duration, pending: Int, first: WaitTarget, reason: String)
        -> ReleaseError
    {
        let others = pending > 1 ? " (and \(pending - 1) more not \(goal))" : ""
        return ReleaseError(
            code: .timeout,
            message: "timed out after \(goDurationText(timeout)) waiting for \(first.displayName) to be \(goal): "
                + reason + others)
    }

    static func resourceFailed(_ target: WaitTarget, _ reason: String) -> ReleaseError {
        ReleaseError(code: .failed, message: reason)
    }

    static func hookFailed(_ target: WaitTarget, _ reason: String) -> ReleaseError {
        ReleaseError(code: .hookFailed, message: "hook \(reason)")
    }

    static func waitReadFailed(_ target: WaitTarget, _ error: KubeAPIError) -> ReleaseError {
        ReleaseError(
            code: .resourceFailed, message: "cannot read \(target.displayName) while waiting: \(error.message)",
            cause: error)
    }
}
