// libpng 1.6 (Debian: libpng-dev). Imaging uses its simplified API and text chunks.
#include <png.h>
// zlib (Debian: zlib1g-dev, a dependency of libpng-dev): inflating compressed text chunks (zTXt, iTXt).
#include <zlib.h>
