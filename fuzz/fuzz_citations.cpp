// libFuzzer target: the second part of a split corpus (its citations and sources, fetched by the page
// after the first view) attached to a first part, on arbitrary bytes. What is checked beyond crashes
// and sanitizer reports is checkCitations in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkCitations)
