#ifndef ANKETA_CLIBXLSXWRITER_SHIM_H
#define ANKETA_CLIBXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
