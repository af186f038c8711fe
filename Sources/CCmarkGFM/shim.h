// cmark-gfm, GitHub's CommonMark parser (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
// The lessons parse their Markdown with it: one syntax tree, with line numbers, feeds both the
// terminal renderer and the HTML export. The extensions add tables and strikethrough.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
