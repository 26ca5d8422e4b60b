// libFuzzer target: the CSV importer on arbitrary bytes, cut at the first NUL byte into an entities
// and a relations file. What is checked beyond crashes and sanitizer reports is in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkCsv)
