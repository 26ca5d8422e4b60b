// libFuzzer target: the deep-link decoder on arbitrary bytes, with a shared story's ("tour="). What is checked beyond crashes and
// sanitizer reports is in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkDeepLink)
