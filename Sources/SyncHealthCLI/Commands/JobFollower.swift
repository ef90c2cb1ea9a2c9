import Foundation
import SyncHealthClient
import SyncHealthWire

/// Follows a retry job until it ends, drawing a progress bar with counts and
/// rate: redrawn in place on a terminal, one line every few seconds otherwise.
struct JobFollower {
    let api: any SyncHealthAPI
    let output: any CLIOutput
    let time: TimeText
    var interval: Duration = .milliseconds(500)

    func follow(jobId: String) async throws -> RetryJob {
        let interactive = isatty(STDOUT_FILENO) == 1
        let started = ContinuousClock.now
        var lastPrinted = ContinuousClock.now - .seconds(60)
        while true {
            let job = try await api.getRetryJob(GetRetryJobRequest(jobId: jobId)).job ?? RetryJob(jobId: jobId)
            let elapsed = ContinuousClock.now - started
            let line = Self.progressLine(job, elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            let done = Self.isFinal(job.state)
            if interactive {
                output.write("\r\u{1B}[2K" + line)
                if done { output.write("\n") }
            } else if done || ContinuousClock.now - lastPrinted >= .seconds(5) {
                output.line(line)
                lastPrinted = ContinuousClock.now
            }
            if done {
                output.line(RetryRendering(time: time).job(job))
                return job
            }
            try await Task.sleep(for: interval)
        }
    }

    static func isFinal(_ state: RetryJobState) -> Bool {
        switch state {
        case .succeeded, .partiallyFailed, .failed, .cancelled: return true
        default: return false
        }
    }

    /// "[██████░░░░]  60%  120/200 · 110 ok · 10 failed · 80 pending · 35.2 items/s · running".
    static func progressLine(_ job: RetryJob, elapsedSeconds: Double, width: Int = 24) -> String {
        let c = job.counts ?? RetryCounts()
        // `total` counts the items the job retries; skipped ones are outside it.
        let toDo = c.total
        let done = c.succeeded + c.failed
        let fraction = toDo == 0 ? 1 : min(1, Double(done) / Double(toDo))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        return "[\(bar)] \(percent)  \(done)/\(toDo) · \(c.succeeded) ok · \(c.failed) failed · \(c.pending) pending · "
            + String(format: "%.1f items/s", rate) + " · \(RetryRendering.word(job.state))"
    }
}
