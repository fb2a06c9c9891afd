internal import CLibXML2

/// Process-wide libxml2 set-up, done once before the first parse from any thread.
///
/// libxml2 2.9 wants `xmlInitParser()` before it is used from several threads. We also replace the external
/// entity loader with one that refuses everything, so no option left on by mistake can make a carrier page
/// reach the network or the file system (XXE).
enum LibXML2 {
    static let initialized: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        // Nothing from a carrier page or a definition is printed by libxml2 itself; errors are returned instead.
        shiptrack_xml_silence_generic_errors()
    }()

    /// Parser options shared by both parsers: no network, no error printing. Entity substitution
    /// (`XML_PARSE_NOENT`), DTD loading (`XML_PARSE_DTDLOAD`) and `XML_PARSE_HUGE` are deliberately absent.
    static let commonOptions: Int32 =
        Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        | Int32(XML_PARSE_COMPACT.rawValue)
}
