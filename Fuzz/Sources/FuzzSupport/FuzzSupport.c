// The module only declares libFuzzer's driver (include/FuzzSupport.h); SwiftPM needs one source file.
#include "FuzzSupport.h"
