// Reading the seed documents a corpus was modelled from, checked against the fingerprints the corpus
// records, so a quote check never runs silently against the wrong text or against nothing.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/corpus_loader.h"

namespace nhsx {

// Reads the text of every seed source of `corpus` from `dir`/<seed> into `out` (keyed by the seed's
// file name). Reports, located at the source: a folder that does not exist, a seed file that is
// missing, and a text whose sha256 differs from the source's `seedSha256`. A text read is kept in
// `out` even when its fingerprint differs, so its quotes can still be checked and reported.
std::vector<Diagnostic> readSeedTexts(const Corpus& corpus, const std::string& dir,
                                      std::map<std::string, std::string>& out);

}  // namespace nhsx
