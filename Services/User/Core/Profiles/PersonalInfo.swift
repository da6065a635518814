import Foundation
import ServiceKit

/// The personal information a member saves (mobile `member/saveinfo`), checked field by field.
struct PersonalInfo: Sendable, Equatable {
    let nickname: String
    let realName: String
    /// 1 male, 2 female.
    let sex: Int
    /// `yyyy-MM-dd`; nil when the call leaves it out (allowed once it is set).
    let birthday: String?
    let idNumber: ResidentIDNumber

    /// Reads the mobile document's `tmMemberNickname`, `tmRealName`, `tmSex` (M/W), `tmBirthday` and
    /// `tmIdCard`.
    init(mobile parameters: Parameters, today: Date = Date()) throws(InputProblem) {
        nickname = try parameters.required("tmMemberNickname", maxLength: 50)
        let realName = try parameters.required("tmRealName", maxLength: PersonName.maximumLength)
        guard PersonName.isValid(realName) else {
            throw InputProblem("tmRealName", .malformed("须为 2-30 个汉字或字母"))
        }
        self.realName = realName
        switch try parameters.required("tmSex", maxLength: 1).uppercased() {
        case "M", "1": sex = 1
        case "W", "F", "2": sex = 2
        default: throw InputProblem("tmSex", .malformed("须为 M（男）或 W（女）"))
        }
        if let text = try parameters.text("tmBirthday", maxLength: 10) {
            guard let day = Self.day(text, today: today) else {
                throw InputProblem("tmBirthday", .malformed("须为 1900-01-01 至今天之间的日期 yyyy-MM-dd"))
            }
            birthday = day
        } else {
            birthday = nil
        }
        let idText = try parameters.required("tmIdCard", maxLength: 18)
        do {
            idNumber = try ResidentIDNumber(idText, today: today)
        } catch {
            throw InputProblem("tmIdCard", .malformed("须为有效的 18 位居民身份证号码"))
        }
    }

    /// `yyyy-MM-dd` (also written `yyyy/MM/dd` or `yyyyMMdd`) when it is a real day up to `today`.
    static func day(_ text: String, today: Date) -> String? {
        let compact = text.filter { $0 != "-" && $0 != "/" }
        guard compact.count == 8, text.count == 8 || text.count == 10 else { return nil }
        return ResidentIDNumber.birthDate(compact, today: today)
    }
}
