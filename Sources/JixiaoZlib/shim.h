// The system zlib (Debian: zlib1g-dev), for writing OOXML packages at a chosen compression level.
#ifndef jixiao_zlib_shim_h
#define jixiao_zlib_shim_h
#include <zlib.h>
#endif
