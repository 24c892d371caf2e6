#ifndef JIXIAO_FUZZ_SUPPORT_H
#define JIXIAO_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer): parses the libFuzzer flags in argv and runs
/// `callback` on every input. Declared here because SwiftPM links executables with `--defsym main=<Module>_main`,
/// so libFuzzer's own `main` is never the entry point; the target's `@main` calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
