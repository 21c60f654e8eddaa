#ifndef LOTSE_CXLSXWRITER_SHIM_H
#define LOTSE_CXLSXWRITER_SHIM_H
#include <dlfcn.h>
#include <xlsxwriter.h>

/* libxlsxwriter is opened on first use, not by the loader at every start: with
   libminizip and OpenSSL's libcrypto it cost every command about 1 ms, though only
   `report --format xlsx` writes a workbook (issue #15). Swift sees xlsxwriter.h's types
   and constants, and calls the functions below through `lotse_xlsx`; the module links
   nothing, so a direct call would not link. */

/* The library matching xlsxwriter.h (libxlsxwriter 1.1, Debian's libxlsxwriter4). */
#define LOTSE_XLSX_LIBRARY "libxlsxwriter.so.4"

#define LOTSE_XLSX_FUNCTIONS(F) \
    F(workbook_new) F(workbook_add_format) F(workbook_add_worksheet) F(workbook_close) \
    F(format_set_bold) F(format_set_num_format) \
    F(worksheet_set_column) F(worksheet_write_string) F(worksheet_write_number) F(lxw_strerror)

/* The functions lotse calls, each with its declared type. */
struct lotse_xlsx {
#define LOTSE_XLSX_FIELD(name) __typeof__(name) *_Nonnull name;
    LOTSE_XLSX_FUNCTIONS(LOTSE_XLSX_FIELD)
#undef LOTSE_XLSX_FIELD
};

/* Opens the library and finds every function; NULL when it cannot (dlerror() says why). */
static inline const struct lotse_xlsx *_Nullable lotse_xlsx_open(void) {
    static struct lotse_xlsx functions;
    void *library = dlopen(LOTSE_XLSX_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return NULL;
#define LOTSE_XLSX_FIND(name) if ((functions.name = (__typeof__(name) *)dlsym(library, #name)) == NULL) return NULL;
    LOTSE_XLSX_FUNCTIONS(LOTSE_XLSX_FIND)
#undef LOTSE_XLSX_FIND
    return &functions;
}

#endif
