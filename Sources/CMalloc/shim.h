#ifndef PSYSCREEN_CMALLOC_SHIM_H
#define PSYSCREEN_CMALLOC_SHIM_H

/* glibc's allocator settings (mallopt), which Swift's Glibc module leaves out. */
#if __has_include(<malloc.h>) && defined(__linux__)
#include <malloc.h>
#endif

#endif
