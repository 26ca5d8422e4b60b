#include "bundled_corpus.h"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>

#include "core/corpus_loader.h"
#include "core/text_file.h"

const nhsx::Corpus& bundledCorpus() {
  static const nhsx::LoadResult r = [] {
    std::string text;
    nhsx::readTextFile((std::filesystem::path(SOURCE_DIR) / "data" / "corpus.json").string(), text);
    return nhsx::loadCorpus(text);
  }();
  for (const nhsx::Diagnostic& d : r.errors) UNSCOPED_INFO(nhsx::formatDiagnostic("corpus.json", d));
  REQUIRE(r.ok());
  return r.corpus;
}
