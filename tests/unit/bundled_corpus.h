// The bundled corpus (data/corpus.json), loaded once for every test that reads it, and the seed
// documents it was modelled from, for the tests that check quotes against them.
#pragma once
#include <map>
#include <string>

#include "core/corpus.h"

// Fails the calling test (listing every load error) when the corpus does not load.
const nhsx::Corpus& bundledCorpus();

// The folder of the seed documents: the environment variable EXPLORER_SEEDS_DIR when set, else the
// build's default (the CMake cache option of the same name, or a sibling shared/seeds folder found
// at configure time); empty when neither names one.
std::string seedFolder();

// The bundled corpus's seed texts, keyed by file name. With no folder configured the calling test is
// SKIPPED, with the setting to use; a folder named but missing, a missing text or a text that is not
// the one the corpus was modelled from (its seedSha256) fails the calling test.
const std::map<std::string, std::string>& bundledSeedTexts();
