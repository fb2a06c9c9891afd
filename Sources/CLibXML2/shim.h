#ifndef SHIPTRACK_CLIBXML2_SHIM_H
#define SHIPTRACK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes the system's ICU headers. Foundation on Linux
 * carries its own ICU (_FoundationICU) whose `UErrorCode` differs, and a Swift module that imports both Foundation
 * and this one (ShipTrackXML, for JSONSerialization) then fails to build on a clean build ("'UErrorCode' has
 * different definitions in different modules"). Nothing of ours touches libxml2's ICU converters: hiding them only
 * drops two trailing pointers from `xmlCharEncodingHandler`, a struct we never allocate or read. */
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 refuses to read from concurrent code; this
/// fixed function calls it for us.
static inline void shiptrack_xml_free(void *pointer) { xmlFree(pointer); }

/// libxml2 prints some errors (an unknown XPath function) through its generic error function, which is variadic and
/// so cannot be written in Swift: this one discards them; our errors carry the context instead.
static inline void shiptrack_xml_discard_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Installs the discarding generic error function for this thread and as the default of threads to come.
static inline void shiptrack_xml_silence_generic_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, shiptrack_xml_discard_error);
    xmlSetGenericErrorFunc(NULL, shiptrack_xml_discard_error);
}

#endif
