// libFuzzer target: the EDTF date parser on arbitrary bytes. What is checked beyond crashes and
// sanitizer reports is in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkEdtf)
