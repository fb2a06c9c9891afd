#ifndef SHIPTRACK_CLIBXML2_SHIM_H
#define SHIPTRACK_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 refuses to read from concurrent code; this
/// fixed function calls it for us.
static inline void shiptrack_xml_free(void *pointer) { xmlFree(pointer); }

#endif
