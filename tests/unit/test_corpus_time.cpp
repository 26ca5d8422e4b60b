// The bundled corpus carries time (issue 20): bodies have lifespans, successions are dated and run
// one way, mandates are the periods they govern, and the corpus's words are its own.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "bundled_corpus.h"
#include "core/coverage.h"
#include "core/corpus_loader.h"

using namespace nhsx;

namespace {
bool isSuccession(const Relation& r) {
  const std::string_view t = relationTypes()[r.type].id;
  return t == "renamed-to" || t == "merged-into" || t == "succeeded-by";
}

// Lower-case words of `text` (letters and digits; apostrophes and other marks split nothing else).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch >= 0x80) {
      w += static_cast<char>(std::tolower(ch));
    } else if (!w.empty() && ch != '\'') {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

constexpr size_t kRun = 9;  // runs of this many words or more may not be copied

std::set<std::string> runsOf(const std::vector<std::string>& w) {
  std::set<std::string> runs;
  for (size_t i = 0; i + kRun <= w.size(); ++i) {
    std::string key;
    for (size_t k = 0; k < kRun; ++k) key += w[i + k] + ' ';
    runs.insert(std::move(key));
  }
  return runs;
}
}  // namespace

TEST_CASE("every organisation that is one body is dated or says why not", "[corpus][time]") {
  const Corpus& c = bundledCorpus();
  for (const Entity& e : c.entities) {
    if (e.kind != Kind::Organisation || e.collective) continue;
    INFO(e.id);
    CHECK((e.date.present() || !e.date.note.empty()));
  }
}

TEST_CASE("succession relations are dated and never lead back", "[corpus][time]") {
  const Corpus& c = bundledCorpus();
  size_t successions = 0;
  for (const Relation& r : c.relations) {
    if (!isSuccession(r)) continue;
    ++successions;
    INFO(r.id);
    CHECK(r.date.present());
    // Follow successions from r's target: r's source is never reached again.
    std::vector<uint32_t> stack{r.to};
    std::set<uint32_t> seen;
    while (!stack.empty()) {
      const uint32_t at = stack.back();
      stack.pop_back();
      REQUIRE(at != r.from);
      if (!seen.insert(at).second) continue;
      for (uint32_t k = c.outStart[at]; k < c.outStart[at + 1]; ++k) {
        if (isSuccession(c.relations[c.outRel[k]])) stack.push_back(c.relations[c.outRel[k]].to);
      }
    }
  }
  CHECK(successions >= 5);  // DH -> DHSC, FTN -> NHS Providers, Monitor/TDA -> NHSI -> NHSE, CCGs -> ICBs
}

TEST_CASE("every mandate is the period it governs", "[corpus][time]") {
  const Corpus& c = bundledCorpus();
  size_t dated = 0;
  for (const Entity& e : c.entities) {
    if (e.kind != Kind::Document || e.type != "mandate") continue;
    INFO(e.id);
    if (!e.date.present()) {  // a mandate announced but not yet published says so
      CHECK(!e.description.empty());
      continue;
    }
    CHECK(e.date.value.interval);
    ++dated;
  }
  CHECK(dated >= 3);
}

TEST_CASE("no description or narration repeats nine words of a seed document", "[corpus][seeds]") {
  const Corpus& c = bundledCorpus();
  std::set<std::string> seedRuns;
  for (const auto& [name, text] : bundledSeedTexts()) {
    auto r = runsOf(words(text));
    seedRuns.insert(r.begin(), r.end());
  }
  auto check = [&](const std::string& where, const std::string& text) {
    for (const std::string& run : runsOf(words(text))) {
      INFO(where << ": \"" << run << "\"");
      CHECK(seedRuns.count(run) == 0);
    }
  };
  for (const Entity& e : c.entities) check(e.id, e.description);
  for (const Relation& r : c.relations) check(r.id, r.description);
  for (const Event& e : c.events) check(e.id, e.description);
  for (const Story& s : c.stories) {
    check(s.id, s.description);
    for (const StoryStep& step : s.steps) check(s.id + ": " + step.title, step.narration);
  }
}

TEST_CASE("coverage counts items, dates and sources", "[coverage]") {
  LoadResult r = loadCorpus(R"({"format":"1.0","title":"t","sources":[
    {"id":"src-a","title":"A","publisher":"P","seed":"a.txt"},
    {"id":"src-x","title":"X","publisher":"P","external":true}],
    "entities":[
      {"id":"org-a","kind":"organisation","type":"charity","name":"A","date":"1987",
       "citations":[{"source":"src-a","quote":"q"}]},
      {"id":"org-b","kind":"organisation","type":"charity","name":"B",
       "citations":[{"source":"src-x","note":"n"}]}],
    "relations":[{"id":"rel-1","type":"works-with","from":"org-a","to":"org-b",
       "citations":[{"source":"src-x","note":"n"},{"source":"src-a","quote":"q"}]}]})");
  REQUIRE(r.ok());
  const Coverage cov = coverageOf(r.corpus);
  const CoverageRow& orgs = cov.rows[static_cast<int>(Kind::Organisation)];
  CHECK(orgs.items == 2);
  CHECK(orgs.dated == 1);
  CHECK(orgs.citeSeed == 1);
  CHECK(orgs.externalOnly == 1);
  const CoverageRow& rels = cov.rows[kKindCount];
  CHECK(rels.label == "Relations");
  CHECK(rels.items == 1);
  CHECK(rels.citeSeed == 1);
  CHECK(rels.externalOnly == 0);
  REQUIRE(cov.sources.size() == 2);
  CHECK(cov.sources[0].citations == 2);
  CHECK(cov.sources[1].citations == 2);
  CHECK(formatCoverage(cov).find("| Organisations | 2 | 1 | 1 | 1 |") != std::string::npos);
}
