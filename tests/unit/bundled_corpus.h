// The bundled corpus (data/corpus.json), loaded once for every test that reads it.
#pragma once
#include "core/corpus.h"

// Fails the calling test (listing every load error) when the corpus does not load.
const nhsx::Corpus& bundledCorpus();
