// libFuzzer target: the corpus loader and the validator's checks, on arbitrary bytes. What is
// checked beyond crashes and sanitizer reports is in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkLoader)
