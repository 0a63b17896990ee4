// The libpng interface actplot uses: the simplified png_image API, which reports
// errors through a status instead of longjmp-ing through Swift frames.
#include <png.h>
