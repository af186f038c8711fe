// OpenBLAS's CBLAS interface (Debian: libopenblas-dev). Only Engine/BLAS.swift imports this.
#include <cblas.h>
