#ifndef PSYSCREEN_CGLPK_SHIM_H
#define PSYSCREEN_CGLPK_SHIM_H

/* GLPK, the GNU Linear Programming Kit (Debian: libglpk-dev; no pkg-config file), for the disclosure audit. */
#include <glpk.h>

#endif
