import ServiceKit

/// Reads a merchant's fields from an admin body. Creating needs `oper_id`, `category_id`, `name`,
/// `address`, `lng`, `lat` and `lowest_amount` (yuan, `"80.00"`); the rest may be left out. An update
/// takes only what it sends: a required field may not be emptied, an optional one is cleared with `""`.
enum MerchantInput {
    static func draft(_ input: Parameters, creating: Bool) throws -> MerchantDraft {
        var draft = MerchantDraft()
        draft.operID = try input.integer("oper_id", in: 1...Int64.max, required: creating)
        draft.categoryID = try input.integer("category_id", in: 1...Int64.max, required: creating)
        draft.name = try input.name("name", maximum: 100, creating: creating)
        draft.brand = try input.update("brand", maxLength: 100)
        draft.region = try input.integer("region", in: 1...4)
        draft.address = try input.name("address", maximum: 200, creating: creating)
        draft.longitude = try coordinate(input, "lng", creating: creating) { try input.longitude($0) }
        draft.latitude = try coordinate(input, "lat", creating: creating) { try input.latitude($0) }
        switch try input.businessHours() {
        case .some(.some(let hours)): draft.hours = hours
        case .some(.none): throw InputProblem("business_time", .malformed("商户须有营业时间"))
        case .none: break
        }
        draft.logo = try input.url("logo")
        draft.descriptionPicture = try input.url("desc_pic")
        draft.description = try input.adminText("desc", maximum: 5000)
        draft.contacter = try input.update("contacter", maxLength: 50)
        draft.contacterPhone = try phone(input)
        draft.lowestAmount = try input.fen("lowest_amount")
        if creating && draft.lowestAmount == nil { throw InputProblem("lowest_amount", .missing) }
        draft.weight = try input.integer("weight", in: 0...1_000_000)
        return draft
    }

    /// The coordinate as the decimal text sent, once `read` has checked it is within range.
    private static func coordinate(
        _ input: Parameters, _ key: String, creating: Bool, _ read: (String) throws -> Double?
    ) throws -> String? {
        guard try read(key) != nil else {
            if creating { throw InputProblem(key, .missing) }
            return nil
        }
        return try input.text(key, maxLength: 32)
    }

    /// A telephone number: digits with `+`, `-`, spaces or brackets, at most 30 characters.
    private static func phone(_ input: Parameters) throws -> String? {
        guard let phone = try input.update("contacter_phone", maxLength: 30) else { return nil }
        let allowed = phone.utf8.allSatisfy { byte in
            Parameters.isDigit(byte)
                || [
                    UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: " "),
                    UInt8(ascii: "("), UInt8(ascii: ")"),
                ].contains(byte)
        }
        guard allowed else { throw InputProblem("contacter_phone", .malformed("须为数字，可含 +、-、空格或括号")) }
        return phone
    }
}
