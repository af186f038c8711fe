// libpng 1.6 (Debian: libpng-dev). Imaging uses its simplified API and text chunks.
#include <png.h>
