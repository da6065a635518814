/// A lock's remaining time in the words of the replies: whole minutes under an hour ("15分钟"), else
/// hours and minutes ("1小时30分钟", "24小时"), always rounded up so the words never promise less
/// than the lock in force.
enum LockDuration {
    static func words(seconds: Int) -> String {
        let minutes = max(1, (seconds + 59) / 60)
        guard minutes >= 60 else { return "\(minutes)分钟" }
        let hours = minutes / 60
        let rest = minutes % 60
        return rest == 0 ? "\(hours)小时" : "\(hours)小时\(rest)分钟"
    }
}
