#ifndef LOTSE_CXLSXWRITER_SHIM_H
#define LOTSE_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
