// giflib 5 (Debian: libgif-dev). Imaging writes training timelapses as animated GIFs with it.
#include <gif_lib.h>
