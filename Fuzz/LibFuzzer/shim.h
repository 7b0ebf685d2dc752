// libFuzzer's entry point for programs that have their own main (compiler-rt, FuzzerInterface.h).
// Linked in by -sanitize=fuzzer; only the fuzz targets (built with PSYSCREEN_FUZZ set) import this module.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
