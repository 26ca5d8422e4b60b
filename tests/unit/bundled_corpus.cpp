#include "bundled_corpus.h"

#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>

#include "core/corpus_loader.h"
#include "core/seed_texts.h"
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

std::string seedFolder() {
  if (const char* env = std::getenv("EXPLORER_SEEDS_DIR"); env && *env) return env;
  return SEEDS_DIR_DEFAULT;
}

const std::map<std::string, std::string>& bundledSeedTexts() {
  const std::string dir = seedFolder();
  if (dir.empty()) {
    SKIP("the seed documents are not here: set EXPLORER_SEEDS_DIR (or the CMake option of that name) "
         "to their folder to check every quote against them");
  }
  static std::map<std::string, std::string> texts;
  static std::vector<nhsx::Diagnostic> errors;
  static std::string readFrom;
  if (readFrom != dir) {
    texts.clear();
    errors = nhsx::readSeedTexts(bundledCorpus(), dir, texts);
    readFrom = dir;
  }
  for (const nhsx::Diagnostic& d : errors) UNSCOPED_INFO(nhsx::formatDiagnostic("corpus.json", d));
  REQUIRE(errors.empty());
  return texts;
}
