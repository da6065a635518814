import HTTPCore

/// The small HTML pages the orders service serves to people (the payment simulator's cashier, the O2O
/// bridge): one document shape, the title escaped here, the body escaped by the caller.
enum HTMLDocument {
    static func page(title: String, escapedBody: String) -> String {
        """
        <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>\(HTMLText.escape(title))</title></head><body><h1>\(HTMLText.escape(title))</h1>\(escapedBody)</body></html>
        """
    }
}
