// Checks that every citation of a seed source quotes the seed text verbatim.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/corpus_loader.h"

namespace nhsx {

// Collapses each run of white space (including non-breaking spaces) to one space and trims the ends,
// so a quote may be wrapped differently from its source but is otherwise verbatim.
std::string collapseWhitespace(std::string_view text);

enum class MissingSeed { Report, Skip };

// seedTexts maps a source's `seed` file name to that file's text. Quotes of sources whose seed is
// missing from the map are reported too, unless `missing` is Skip (for a caller that has reported the
// missing text itself, see readSeedTexts). The corpus must have loaded without errors.
std::vector<Diagnostic> checkQuotes(const Corpus& corpus, const std::map<std::string, std::string>& seedTexts,
                                    MissingSeed missing = MissingSeed::Report);

}  // namespace nhsx
