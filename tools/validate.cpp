// explorer-validate: checks a corpus file and prints every problem with its location.
//   explorer-validate [--seeds DIR] [--report] FILE
//   explorer-validate --citations SECOND [--same-as WHOLE] FIRST     a corpus in two parts (the site's)
// Exit status: 0 valid, 1 problems found, 2 usage or unreadable file.
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "core/corpus_loader.h"
#include "core/coverage.h"
#include "core/export.h"
#include "core/quote_check.h"
#include "core/seed_texts.h"
#include "core/text_file.h"

int main(int argc, char** argv) {
  std::string file, seeds, second, whole;
  bool report = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seeds" && i + 1 < argc) seeds = argv[++i];
    else if (a == "--report") report = true;
    else if (a == "--citations" && i + 1 < argc) second = argv[++i];
    else if (a == "--same-as" && i + 1 < argc) whole = argv[++i];
    else if (a == "-h" || a == "--help") file.clear(), i = argc;
    else file = a;
  }
  if (file.empty()) {
    std::fprintf(stderr, "usage: explorer-validate [--seeds DIR] [--report] FILE\n"
                         "  Checks a corpus (docs/corpus-format.md); with --seeds, also that each seed document is in\n"
                         "  DIR and is the text the corpus was modelled from (its seedSha256), and that every\n"
                         "  quote of a seed source is verbatim in it. --report prints its coverage: per kind, how many\n"
                         "  items, how many dated, citing a seed or only external sources; per source, its citations.\n"
                         "  --citations SECOND: FILE is the first part of a corpus split in two (tools/split-corpus.mjs)\n"
                         "  and SECOND its citations and sources, attached as the page does; --same-as WHOLE: and the\n"
                         "  two together are the corpus WHOLE, item for item.\n");
    return 2;
  }
  std::string text;
  if (!nhsx::readTextFile(file, text)) {
    std::fprintf(stderr, "%s: cannot read the file\n", file.c_str());
    return 2;
  }
  nhsx::LoadResult r = second.empty() ? nhsx::loadCorpus(text) : nhsx::loadCorpusView(text);
  std::vector<nhsx::Diagnostic> errors = r.errors;
  if (r.ok() && !second.empty()) {
    std::string part;
    if (!nhsx::readTextFile(second, part)) {
      std::fprintf(stderr, "%s: cannot read the file\n", second.c_str());
      return 2;
    }
    for (nhsx::Diagnostic& d : nhsx::attachCitations(r.corpus, part)) {
      d.where = std::filesystem::path(second).filename().string() + ": " + d.where;  // which of the two files
      errors.push_back(std::move(d));
    }
  }
  if (errors.empty() && !whole.empty()) {
    std::string wholeText;
    if (!nhsx::readTextFile(whole, wholeText)) {
      std::fprintf(stderr, "%s: cannot read the file\n", whole.c_str());
      return 2;
    }
    const nhsx::LoadResult w = nhsx::loadCorpus(wholeText);
    if (!w.ok() || nhsx::exportWholeCorpus(w.corpus) != nhsx::exportWholeCorpus(r.corpus))
      errors.push_back({"", "the two parts together are not the corpus " + whole});
  }
  if (r.ok() && !seeds.empty()) {
    std::map<std::string, std::string> seedTexts;
    errors = nhsx::readSeedTexts(r.corpus, seeds, seedTexts);
    // A missing text is reported once above, not again for each of its quotes.
    auto q = nhsx::checkQuotes(r.corpus, seedTexts, nhsx::MissingSeed::Skip);
    errors.insert(errors.end(), q.begin(), q.end());
  }
  const std::string name = std::filesystem::path(file).filename().string();
  for (const nhsx::Diagnostic& d : errors) std::printf("%s\n", nhsx::formatDiagnostic(name, d).c_str());
  if (!errors.empty()) {
    std::printf("%zu problem%s found\n", errors.size(), errors.size() == 1 ? "" : "s");
    return 1;
  }
  const nhsx::Corpus& c = r.corpus;
  std::printf("%s: valid corpus \"%s\" (format %s)\n", name.c_str(), c.title.c_str(), c.format.c_str());
  for (int k = 0; k < nhsx::kKindCount; ++k) {
    std::printf("  %-14s %u\n", std::string(nhsx::kindPlural(static_cast<nhsx::Kind>(k))).c_str(), c.countByKind[k]);
  }
  std::printf("  %-14s %zu\n  %-14s %zu\n  %-14s %zu\n  %-14s %zu\n", "Relations", c.relations.size(), "Events",
              c.events.size(), "Sources", c.sources.size(), "Stories", c.stories.size());
  if (report) std::printf("\n%s", nhsx::formatCoverage(nhsx::coverageOf(c)).c_str());
  return 0;
}
