#ifndef LOTSE_CZIP_SHIM_H
#define LOTSE_CZIP_SHIM_H
#include <stdio.h>
#include <zip.h>

/// libzip's version string, so `lotse doctor` and `--version` can report it.
static inline const char *lotse_zip_version(void) { return zip_libzip_version(); }

#endif
