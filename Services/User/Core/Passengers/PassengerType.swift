/// Who a passenger travels as: the train document's 成人 / 儿童 / 学生.
enum PassengerType: String, Sendable, CaseIterable {
    case adult
    case child
    case student

    /// The document's word for the type.
    var documentName: String {
        switch self {
        case .adult: "成人"
        case .child: "儿童"
        case .student: "学生"
        }
    }

    /// Reads the document's word, or the English name.
    init?(text: String) {
        if let type = Self.allCases.first(where: { $0.documentName == text || $0.rawValue == text.lowercased() }) {
            self = type
        } else {
            return nil
        }
    }
}
