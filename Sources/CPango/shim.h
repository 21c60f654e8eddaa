#ifndef LOTSE_CPANGO_SHIM_H
#define LOTSE_CPANGO_SHIM_H
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>

/* pango and cairo set lotse's printed documents (agreements, reports as PDF). They are
   opened on first use, as libzip is (see CZip): linking them would load GLib, HarfBuzz,
   fontconfig and FreeType at every start of every command. The few functions lotse
   calls are declared here with their C types, so no header (and no include path) is
   needed to build; the pointers are opaque. The libraries are Debian's libpangocairo-
   1.0-0, libpango-1.0-0, libcairo2 and libgobject-2.0-0. */

/* The libraries, by the names Debian's packages give them (packaging/build-deb reads these lines). */
#define LOTSE_CAIRO_LIBRARY "libcairo.so.2"
#define LOTSE_PANGO_LIBRARY "libpango-1.0.so.0"
#define LOTSE_PANGOCAIRO_LIBRARY "libpangocairo-1.0.so.0"
#define LOTSE_GOBJECT_LIBRARY "libgobject-2.0.so.0"
#define LOTSE_FONTCONFIG_LIBRARY "libfontconfig.so.1"
#define LOTSE_GLIB_LIBRARY "libglib-2.0.so.0"

typedef struct _cairo lotse_cairo_t;
typedef struct _cairo_surface lotse_cairo_surface_t;
typedef struct _PangoLayout lotse_pango_layout_t;
typedef struct _PangoFontDescription lotse_pango_font_t;
typedef struct _PangoContext lotse_pango_context_t;
typedef struct _PangoLanguage lotse_pango_language_t;
typedef struct _PangoLayoutIter lotse_pango_iter_t;

/* Each library's functions, as (library, name, return type, parameters). */
#define LOTSE_PANGO_FUNCTIONS(F) \
    F(cairo, cairo_pdf_surface_create, lotse_cairo_surface_t *, (const char *file, double width, double height)) \
    F(cairo, cairo_pdf_surface_set_metadata, void, (lotse_cairo_surface_t *surface, int metadata, const char *text)) \
    F(cairo, cairo_surface_status, int, (lotse_cairo_surface_t *surface)) \
    F(cairo, cairo_surface_finish, void, (lotse_cairo_surface_t *surface)) \
    F(cairo, cairo_surface_destroy, void, (lotse_cairo_surface_t *surface)) \
    F(cairo, cairo_create, lotse_cairo_t *, (lotse_cairo_surface_t *surface)) \
    F(cairo, cairo_destroy, void, (lotse_cairo_t *cr)) \
    F(cairo, cairo_status, int, (lotse_cairo_t *cr)) \
    F(cairo, cairo_show_page, void, (lotse_cairo_t *cr)) \
    F(cairo, cairo_move_to, void, (lotse_cairo_t *cr, double x, double y)) \
    F(cairo, cairo_line_to, void, (lotse_cairo_t *cr, double x, double y)) \
    F(cairo, cairo_rectangle, void, (lotse_cairo_t *cr, double x, double y, double width, double height)) \
    F(cairo, cairo_set_line_width, void, (lotse_cairo_t *cr, double width)) \
    F(cairo, cairo_set_source_rgb, void, (lotse_cairo_t *cr, double red, double green, double blue)) \
    F(cairo, cairo_stroke, void, (lotse_cairo_t *cr)) \
    F(cairo, cairo_fill, void, (lotse_cairo_t *cr)) \
    F(pangocairo, pango_cairo_create_layout, lotse_pango_layout_t *, (lotse_cairo_t *cr)) \
    F(pangocairo, pango_cairo_show_layout, void, (lotse_cairo_t *cr, lotse_pango_layout_t *layout)) \
    F(pango, pango_font_description_from_string, lotse_pango_font_t *, (const char *text)) \
    F(pango, pango_font_description_free, void, (lotse_pango_font_t *font)) \
    F(pango, pango_layout_set_font_description, void, (lotse_pango_layout_t *layout, const lotse_pango_font_t *font)) \
    F(pango, pango_layout_set_text, void, (lotse_pango_layout_t *layout, const char *text, int length)) \
    F(pango, pango_layout_set_width, void, (lotse_pango_layout_t *layout, int width)) \
    F(pango, pango_layout_set_wrap, void, (lotse_pango_layout_t *layout, int wrap)) \
    F(pango, pango_layout_set_alignment, void, (lotse_pango_layout_t *layout, int alignment)) \
    F(pango, pango_layout_get_pixel_size, void, (lotse_pango_layout_t *layout, int *width, int *height)) \
    F(pango, pango_layout_get_unknown_glyphs_count, int, (lotse_pango_layout_t *layout)) \
    F(pango, pango_layout_get_context, lotse_pango_context_t *, (lotse_pango_layout_t *layout)) \
    F(pango, pango_layout_context_changed, void, (lotse_pango_layout_t *layout)) \
    F(pango, pango_layout_set_auto_dir, void, (lotse_pango_layout_t *layout, int automatic)) \
    F(pango, pango_context_set_base_dir, void, (lotse_pango_context_t *context, int direction)) \
    F(pango, pango_context_set_language, void, (lotse_pango_context_t *context, lotse_pango_language_t *language)) \
    F(pango, pango_language_from_string, lotse_pango_language_t *, (const char *tag)) \
    F(pango, pango_layout_get_iter, lotse_pango_iter_t *, (lotse_pango_layout_t *layout)) \
    F(pango, pango_layout_iter_get_run_readonly, void *, (lotse_pango_iter_t *iter)) \
    F(pango, pango_layout_iter_next_run, int, (lotse_pango_iter_t *iter)) \
    F(pango, pango_layout_iter_free, void, (lotse_pango_iter_t *iter)) \
    F(gobject, g_object_unref, void, (void *object)) \
    F(fontconfig, FcConfigCreate, void *, (void)) \
    F(fontconfig, FcConfigParseAndLoad, int, (void *config, const unsigned char *file, int complain)) \
    F(fontconfig, FcConfigBuildFonts, int, (void *config)) \
    F(fontconfig, FcConfigSetCurrent, int, (void *config))

/* A run's glyphs: PangoGlyphItem starts with its PangoItem and PangoGlyphString
   pointers; a PangoGlyphString with its count and its PangoGlyphInfo array, each info
   starting with the glyph id (PangoGlyph, 32 bits) and 20 bytes long. Read only to
   check shaping (PDFWriter.glyphs). */
static inline int lotse_pango_run_glyphs(const void *_Nonnull run, unsigned int *_Nonnull ids, int capacity) {
    struct glyph_info { unsigned int glyph; int width, x_offset, y_offset; unsigned int attributes; };
    struct glyph_string { int count; struct glyph_info *glyphs; };
    struct glyph_item { void *item; struct glyph_string *glyphs; };
    const struct glyph_string *string = ((const struct glyph_item *)run)->glyphs;
    int count = string->count < capacity ? string->count : capacity;
    for (int index = 0; index < count; index++) ids[index] = string->glyphs[index].glyph;
    return string->count;
}

#define LOTSE_PANGO_FIELD(library, name, result, parameters) result (*_Nonnull name) parameters;
struct lotse_pango {
    LOTSE_PANGO_FUNCTIONS(LOTSE_PANGO_FIELD)
};
#undef LOTSE_PANGO_FIELD

/* Opens the libraries and finds every function; NULL when it cannot (dlerror() says why). */
/* Where GLib would print a warning of pango's ("failed to choose a font"): nowhere. A
   kiosk's standard error is its crash log, and lotse says what went wrong with a document
   itself (a glyph its fonts lack is counted and the document refused, see PDFWriter).
   GLib's structured-log writer, G_LOG_WRITER_HANDLED (1). */
static int lotse_glib_quiet(int level, const void *fields, size_t count, void *data) {
    (void)level; (void)fields; (void)count; (void)data;
    return 1;
}

static inline const struct lotse_pango *_Nullable lotse_pango_open(void) {
    static struct lotse_pango functions;
    void *cairo = dlopen(LOTSE_CAIRO_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    void *pango = dlopen(LOTSE_PANGO_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    void *pangocairo = dlopen(LOTSE_PANGOCAIRO_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    void *gobject = dlopen(LOTSE_GOBJECT_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    void *fontconfig = dlopen(LOTSE_FONTCONFIG_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (cairo == NULL || pango == NULL || pangocairo == NULL || gobject == NULL || fontconfig == NULL) return NULL;
#define LOTSE_PANGO_FIND(library, name, result, parameters) \
    if ((functions.name = (result (*) parameters)dlsym(library, #name)) == NULL) return NULL;
    LOTSE_PANGO_FUNCTIONS(LOTSE_PANGO_FIND)
#undef LOTSE_PANGO_FIND
    void *glib = dlopen(LOTSE_GLIB_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    void (*set_writer)(int (*)(int, const void *, size_t, void *), void *, void (*)(void *)) =
        glib == NULL ? NULL : (void (*)(int (*)(int, const void *, size_t, void *), void *, void (*)(void *)))dlsym(glib, "g_log_set_writer_func");
    if (set_writer != NULL) set_writer(lotse_glib_quiet, NULL, NULL);
    /* A configuration named in FONTCONFIG_FILE (the shared installation names lotse's own)
       is loaded here, before pango makes its font map: fontconfig itself ignores the
       variable in a setuid program and would read the system's fonts.conf, whose
       conf.d includes the user's ~/.fonts.conf with lotse's rights. */
    const char *file = getenv("FONTCONFIG_FILE");
    if (file != NULL && *file != 0) {
        void *config = functions.FcConfigCreate();
        if (config == NULL || !functions.FcConfigParseAndLoad(config, (const unsigned char *)file, 1)
            || !functions.FcConfigBuildFonts(config) || !functions.FcConfigSetCurrent(config)) return NULL;
    }
    return &functions;
}

#endif
