// libFuzzer target: the embed dialog's choices and the snippet built from them, on arbitrary bytes.
// What is checked beyond crashes and sanitizer reports is in fuzz_checks.h.
#include "fuzz_checks.h"

NHSX_FUZZ_TARGET(nhsx::fuzz::checkEmbedSnippet)
