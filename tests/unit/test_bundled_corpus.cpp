// The bundled corpus: it validates, every citation names a listed source, every seed quote is verbatim.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/quote_check.h"
#include "core/text_file.h"

using namespace nhsx;

namespace {
}  // namespace

TEST_CASE("the bundled corpus validates", "[corpus]") {
  const Corpus& c = bundledCorpus();
  CHECK(c.entities.size() > 60);
  CHECK(c.relations.size() > 100);
  CHECK(c.events.size() > 10);
  for (int k = 0; k < kKindCount; ++k) {
    INFO(kindName(static_cast<Kind>(k)));
    CHECK(c.countByKind[k] > 0);
  }
}

TEST_CASE("every quote from a seed document is verbatim", "[corpus][seeds]") {
  const Corpus& c = bundledCorpus();
  const auto& seeds = bundledSeedTexts();
  CHECK(seeds.size() == 5);  // all five seed documents are sources
  auto errors = checkQuotes(c, seeds);
  for (const Diagnostic& d : errors) UNSCOPED_INFO(formatDiagnostic("corpus.json", d));
  CHECK(errors.empty());
}

TEST_CASE("every seed source records the fingerprint of its text", "[corpus]") {
  for (const Source& s : bundledCorpus().sources) {
    INFO(s.id);
    CHECK(s.seed.empty() == s.seedSha256.empty());
  }
}

TEST_CASE("seed citations carry quotes, external ones say what they support", "[corpus]") {
  const Corpus& c = bundledCorpus();
  auto check = [&](const std::vector<Citation>& cits, const std::string& id) {
    for (const Citation& cit : cits) {
      const Source& s = c.sources.at(cit.source);
      INFO(id << " cites " << s.id);
      if (s.external) CHECK((!cit.quote.empty() || !cit.note.empty()));
      else CHECK(!cit.quote.empty());
    }
  };
  for (const Entity& e : c.entities) check(e.citations, e.id);
  for (const Relation& r : c.relations) check(r.citations, r.id);
  for (const Event& e : c.events) check(e.citations, e.id);
}

TEST_CASE("the corpus models what the seeds contain", "[corpus]") {
  const Corpus& c = bundledCorpus();
  auto has = [&](const char* id) { return c.findEntity(id) >= 0; };
  // Shared bodies, the mandates and the acts the seeds mention.
  for (const char* id : {"org-nhs-england", "org-dhsc", "org-department-of-health", "org-acevo", "doc-mandate-2012",
                         "doc-mandate-2025", "doc-mandate-2023", "doc-five-year-forward-view", "doc-nhs-act-2006",
                         "doc-health-and-social-care-act-2012", "org-nhs-trusts", "org-nhs-foundation-trusts"}) {
    INFO(id);
    CHECK(has(id));
  }
  // Parts by type: 5 objectives, 3 shifts, 7 principles in the corpus at least.
  std::map<std::string, int> parts;
  for (const Entity& e : c.entities) if (e.kind == Kind::Part) ++parts[e.type];
  CHECK(parts["objective"] >= 5);
  CHECK(parts["shift"] >= 3);
  CHECK(parts["principle"] >= 7);
  CHECK(parts["service"] >= 6);
  // Every theme is connected to something.
  for (uint32_t i = 0; i < c.entities.size(); ++i) {
    if (c.entities[i].kind != Kind::Theme) continue;
    INFO(c.entities[i].id);
    CHECK(c.inStart[i + 1] - c.inStart[i] > 0);
  }
}
