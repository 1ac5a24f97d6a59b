#ifndef ANKETA_CLIBQRENCODE_SHIM_H
#define ANKETA_CLIBQRENCODE_SHIM_H
#include <qrencode.h>

/* Encodes with a fixed mask pattern (0...7). Declared in libqrencode's qrencode_inner.h (the
   header its own tests use) and exported by the shared library since 3.x; Anketa uses it only to
   compare symbols with other encoders' reference symbols at the same mask. */
extern QRcode *QRcode_encodeMask(QRinput *input, int mask);
#endif
