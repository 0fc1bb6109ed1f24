#ifndef SITREP_CLIBXML2_SHIM_H
#define SITREP_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers clash with Foundation's ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/parserInternals.h>
#include <zlib.h>

/* Swift 6 rejects libxml2's mutable C globals; reach them through functions. */
static inline void sitrep_xml_free(void *p) { xmlFree(p); }

/* zlib's inflateInit2 is a macro; expose it as a function. */
static inline int sitrep_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

#endif
