#ifndef LOTSE_CZIP_SHIM_H
#define LOTSE_CZIP_SHIM_H
#include <dlfcn.h>
#include <stdio.h>
#include <zip.h>

/* libzip is opened on first use, not by the loader at every start: it brings OpenSSL's
   libcrypto with it, and loading both cost every command about 2 ms, though only
   handover bundles and backups of them need a zip (issue #15). Swift sees zip.h's types
   and constants, and calls the functions below through `lotse_zip`; the module links
   nothing, so a direct call would not link. */

/* The library matching zip.h (libzip 1.7, Debian's libzip4). */
#define LOTSE_ZIP_LIBRARY "libzip.so.4"

#define LOTSE_ZIP_FUNCTIONS(F) \
    F(zip_open) F(zip_close) F(zip_discard) F(zip_get_error) \
    F(zip_get_num_entries) F(zip_stat_init) F(zip_stat_index) F(zip_file_get_external_attributes) \
    F(zip_source_buffer) F(zip_source_file) F(zip_source_free) F(zip_file_add) \
    F(zip_set_file_compression) F(zip_file_set_encryption) \
    F(zip_fopen_index) F(zip_fopen_index_encrypted) F(zip_fread) F(zip_fclose) \
    F(zip_file_get_error) F(zip_error_code_zip)

/* The functions lotse calls, each with its declared type. */
struct lotse_zip {
#define LOTSE_ZIP_FIELD(name) __typeof__(name) *_Nonnull name;
    LOTSE_ZIP_FUNCTIONS(LOTSE_ZIP_FIELD)
#undef LOTSE_ZIP_FIELD
};

/* Opens the library and finds every function; NULL when it cannot (dlerror() says why). */
static inline const struct lotse_zip *_Nullable lotse_zip_open(void) {
    static struct lotse_zip functions;
    void *library = dlopen(LOTSE_ZIP_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return NULL;
#define LOTSE_ZIP_FIND(name) if ((functions.name = (__typeof__(name) *)dlsym(library, #name)) == NULL) return NULL;
    LOTSE_ZIP_FUNCTIONS(LOTSE_ZIP_FIND)
#undef LOTSE_ZIP_FIND
    return &functions;
}

#endif
