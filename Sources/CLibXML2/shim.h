#ifndef MIGRATE_CLIBXML2_SHIM_H
#define MIGRATE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers then pull in the system ICU, which clashes with
   Foundation's bundled copy. The parser never needs ICU types, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/encoding.h>
#include <libxml/dict.h>
#include <libxml/globals.h>

/* Helpers for the hardened reader (Sources/Importers/XML). Swift cannot write variadic C callbacks or
   reach libxml2's thread-local error globals (they are macros), so these small functions do it. */

/* An external entity loader that refuses every request: no DTD, entity or XInclude is ever read. */
static inline xmlParserInputPtr migrate_xml_refuse_entity(const char *url, const char *id,
                                                          xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

/* Initialises libxml2 and installs the refusing loader process-wide. Call once (Swift runs it from
   a lazily initialised global, which is thread-safe). */
static inline void migrate_xml_initialize(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(migrate_xml_refuse_entity);
}

/* Swallows libxml2's unstructured (variadic) messages instead of printing them on stderr. */
static inline void migrate_xml_ignore_generic_error(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
}

/* The calling thread's libxml2 error handlers, saved so they can be restored. */
typedef struct {
    xmlStructuredErrorFunc structured;
    void *structuredContext;
    xmlGenericErrorFunc generic;
    void *genericContext;
} migrate_xml_error_handlers;

/* Routes this thread's context-free libxml2 errors (encoding conversion, I/O) to `handler` with
   `context`, silences unstructured messages, and returns the previous handlers. */
static inline migrate_xml_error_handlers migrate_xml_capture_thread_errors(xmlStructuredErrorFunc handler,
                                                                           void *context) {
    migrate_xml_error_handlers saved = { xmlStructuredError, xmlStructuredErrorContext,
                                         xmlGenericError, xmlGenericErrorContext };
    xmlSetStructuredErrorFunc(context, handler);
    xmlSetGenericErrorFunc(NULL, migrate_xml_ignore_generic_error);
    return saved;
}

/* Puts back the handlers returned by migrate_xml_capture_thread_errors. */
static inline void migrate_xml_restore_thread_errors(migrate_xml_error_handlers saved) {
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
}
#endif
