#ifndef LOTSE_CXML_SHIM_H
#define LOTSE_CXML_SHIM_H
#include <dlfcn.h>
#include <stddef.h>

/* libxml2 reads and validates the xdomea messages lotse receives. It is opened on first
   use, as libzip and pango are (see CZip): only `handover import|verify|confirm` of an
   xdomea package needs it. The few functions lotse calls are declared here with their C
   types, so no header and no include path is needed to build. A node is read through the
   first fields of libxml2's struct _xmlNode, which have been the same since libxml2 2.0
   (tree.h: "End of common part" and the two after it). Debian's package: libxml2. */

/* The library, by the name Debian's package gives it (packaging/build-deb reads this line). */
#define LOTSE_XML_LIBRARY "libxml2.so.2"

/* Parser options (parser.h): never fetch a URL, say nothing on stderr. Entities are
   neither substituted (no XML_PARSE_NOENT) nor loaded (no XML_PARSE_DTDLOAD); lotse
   refuses a document type declaration before it parses. */
#define LOTSE_XML_NONET (1 << 11)
#define LOTSE_XML_NOERROR (1 << 5)
#define LOTSE_XML_NOWARNING (1 << 6)
#define LOTSE_XML_NOCDATA (1 << 14)
#define LOTSE_XML_ELEMENT_NODE 1
#define LOTSE_XML_TEXT_NODE 3
#define LOTSE_XML_CDATA_NODE 4

typedef struct lotse_xml_ns {
    struct lotse_xml_ns *next;
    int type;
    const unsigned char *href;
    const unsigned char *prefix;
} lotse_xml_ns;

typedef struct lotse_xml_node {
    void *private_;
    int type;
    const unsigned char *name;
    struct lotse_xml_node *children;
    struct lotse_xml_node *last;
    struct lotse_xml_node *parent;
    struct lotse_xml_node *next;
    struct lotse_xml_node *prev;
    void *doc;
    lotse_xml_ns *ns;
    unsigned char *content;
} lotse_xml_node;

typedef struct lotse_xml_doc lotse_xml_doc;
typedef struct lotse_xml_schema lotse_xml_schema;
typedef struct lotse_xml_schema_parser lotse_xml_schema_parser;
typedef struct lotse_xml_schema_validator lotse_xml_schema_validator;

/* The functions lotse calls, as (name, return type, parameters). */
#define LOTSE_XML_FUNCTIONS(F) \
    F(xmlReadMemory, lotse_xml_doc *, (const char *buffer, int size, const char *url, const char *encoding, int options)) \
    F(xmlFreeDoc, void, (lotse_xml_doc *doc)) \
    F(xmlDocGetRootElement, lotse_xml_node *, (lotse_xml_doc *doc)) \
    F(xmlSchemaNewParserCtxt, lotse_xml_schema_parser *, (const char *url)) \
    F(xmlSchemaParse, lotse_xml_schema *, (lotse_xml_schema_parser *parser)) \
    F(xmlSchemaFreeParserCtxt, void, (lotse_xml_schema_parser *parser)) \
    F(xmlSchemaNewValidCtxt, lotse_xml_schema_validator *, (lotse_xml_schema *schema)) \
    F(xmlSchemaValidateDoc, int, (lotse_xml_schema_validator *validator, lotse_xml_doc *doc)) \
    F(xmlSchemaFreeValidCtxt, void, (lotse_xml_schema_validator *validator)) \
    F(xmlSchemaFree, void, (lotse_xml_schema *schema)) \
    F(xmlSetStructuredErrorFunc, void, (void *context, void (*handler)(void *, void *))) \
    F(xmlSetGenericErrorFunc, void, (void *context, void (*handler)(void *, const char *, ...))) \
    F(xmlSchemaSetParserStructuredErrors, void, (lotse_xml_schema_parser *parser, void (*handler)(void *, void *), void *context)) \
    F(xmlSchemaSetValidStructuredErrors, void, (lotse_xml_schema_validator *validator, void (*handler)(void *, void *), void *context))

struct lotse_xml {
#define LOTSE_XML_FIELD(name, result, parameters) result (*_Nonnull name) parameters;
    LOTSE_XML_FUNCTIONS(LOTSE_XML_FIELD)
#undef LOTSE_XML_FIELD
};

/* Where libxml2 would print a message: nowhere (lotse says in its own words what was wrong). */
static void lotse_xml_quiet_structured(void *context, void *error) { (void)context; (void)error; }
static void lotse_xml_quiet_generic(void *context, const char *format, ...) { (void)context; (void)format; }

/* Opens the library, finds every function and silences its messages; NULL when it cannot. */
static inline const struct lotse_xml *_Nullable lotse_xml_open(void) {
    static struct lotse_xml functions;
    void *library = dlopen(LOTSE_XML_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return NULL;
#define LOTSE_XML_FIND(name, result, parameters) if ((*(void **)&functions.name = dlsym(library, #name)) == NULL) return NULL;
    LOTSE_XML_FUNCTIONS(LOTSE_XML_FIND)
#undef LOTSE_XML_FIND
    functions.xmlSetStructuredErrorFunc(NULL, lotse_xml_quiet_structured);
    functions.xmlSetGenericErrorFunc(NULL, lotse_xml_quiet_generic);
    return &functions;
}

/* Counts a validation error (the context is an int). */
static void lotse_xml_count_error(void *context, void *error) { (void)error; *(int *)context += 1; }
static inline void (*_Nonnull lotse_xml_counter(void))(void *, void *) { return lotse_xml_count_error; }

#endif
