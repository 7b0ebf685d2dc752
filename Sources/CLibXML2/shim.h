#ifndef PSYSCREEN_CLIBXML2_SHIM_H
#define PSYSCREEN_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would then pull in the system ICU, whose enums clash with
   Foundation's bundled copy. Nothing here needs the ICU members of the encoding handler struct. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>

/// `xmlFree` is a global function pointer variable, which Swift 6 rejects as shared mutable state.
static inline void psyscreen_xmlFree(void *pointer) { xmlFree(pointer); }

/// libxml2's generic error channel prints straight to stderr with no file or line; psyscreen reads every problem
/// through the structured handlers instead. The callback is variadic, which Swift cannot define.
static void psyscreen_ignoreGenericError(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void psyscreen_silenceGenericErrors(void) { xmlSetGenericErrorFunc(NULL, psyscreen_ignoreGenericError); }

#endif
