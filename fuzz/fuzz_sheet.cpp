// libFuzzer target: the forgiving importer (one sheet, or two cut at the first NUL byte) with a small map
// as base, and the merge onto it. What is checked beyond crashes and sanitizer reports is in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkSheet)
