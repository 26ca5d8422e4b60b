// The bundled corpus in two parts (tools/split-corpus.mjs): the first part loads only as one, and the
// second is checked as it is attached; a refused second part leaves the first as it was.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../fuzz/fuzz_checks.h"
#include "core/corpus_loader.h"

using namespace nhsx;

namespace {
const std::string kSplit = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// A first part: two entities (one with a figure), a relation, an event and a story, no citations.
std::string view(const std::string& extraTop = "", const std::string& firstEntityExtra = "") {
  return R"({"format": "1.0", "splitFrom": ")" + kSplit + R"(", "title": "T",)" + extraTop + R"(
  "entities": [
    {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A",
     "figures": [{"label": "Staff", "value": 3}])" + firstEntityExtra + R"(},
    {"id": "org-b", "kind": "organisation", "type": "nhs-trust", "name": "B"}],
  "relations": [{"id": "rel-1", "type": "partner-in", "from": "org-a", "to": "org-b"}],
  "events": [{"id": "ev-1", "type": "launch", "name": "L", "date": "2014-07-28", "entities": ["org-b"]}],
  "stories": [{"id": "story-1", "title": "S", "steps": [{"title": "One", "narration": "N", "focus": ["org-a"]}]}]})";
}

const std::string kSources = R"("sources": [{"id": "src-a", "title": "A", "publisher": "P"},
  {"id": "src-ext", "title": "E", "publisher": "P", "external": true}])";
const std::string kQ = R"([{"source": "src-a", "quote": "q"}])";

// A second part; `cited` replaces the list of cited items when given.
std::string citations(const std::string& cited = "", const std::string& split = kSplit,
                      const std::string& sources = kSources) {
  const std::string list = !cited.empty() ? cited : R"([
    {"id": "org-a", "citations": )" + kQ + R"(, "figures": [{"citations": [{"source": "src-ext", "note": "n"}]}]},
    {"id": "org-b", "citations": )" + kQ + R"(},
    {"id": "rel-1", "citations": )" + kQ + R"(},
    {"id": "ev-1", "citations": )" + kQ + R"(},
    {"id": "story-1", "steps": [{"citations": )" + kQ + R"(}]}])";
  return R"({"format": "1.0", "splitFrom": ")" + split + R"(", )" + sources + R"(, "cited": )" + list + "}";
}

std::vector<std::string> texts(const std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  for (const Diagnostic& d : errors) out.push_back(formatDiagnostic("corpus-citations.json", d));
  return out;
}

}  // namespace

TEST_CASE("a first part loads as one, awaiting its citations", "[loader][split]") {
  LoadResult r = loadCorpusView(view());
  REQUIRE(r.ok());
  CHECK(r.corpus.citationsState == CitationsState::Pending);
  CHECK(r.corpus.citationsAbsent() != nullptr);
  CHECK(r.corpus.splitFrom == kSplit);
  CHECK(r.corpus.entities.size() == 2);
  CHECK(nhsx::fuzz::uncited(r.corpus));
}

TEST_CASE("a first part is not a corpus, nor a corpus a first part", "[loader][split]") {
  // Opened as a corpus (?data=, Open data): one clear error, not one per item without citations.
  LoadResult asWhole = loadCorpus(view());
  REQUIRE(asWhole.errors.size() == 1);
  CHECK(asWhole.errors.front().where == "/splitFrom");
  // A user's corpus without citations is refused as before; loading it as a first part needs splitFrom,
  // and a first part may carry neither citations nor sources.
  std::string noSplit = view();
  const size_t at = noSplit.find(R"("splitFrom")");
  noSplit.erase(at, noSplit.find(R"("title")") - at);
  CHECK_FALSE(loadCorpus(noSplit).ok());
  LoadResult withoutSplit = loadCorpusView(noSplit);
  REQUIRE_FALSE(withoutSplit.ok());
  CHECK(texts(withoutSplit.errors).front().find("missing required field \"splitFrom\"") != std::string::npos);
  LoadResult cited = loadCorpusView(view("", R"(, "citations": [{"source": "src-a", "quote": "q"}])"));
  REQUIRE(cited.errors.size() == 1);
  CHECK(cited.errors[0].where == "/entities/0/citations");
  LoadResult withSources = loadCorpusView(view(kSources + ","));
  REQUIRE(withSources.errors.size() == 1);
  CHECK(withSources.errors[0].where == "/sources");
}

TEST_CASE("attaching the second part gives every item its citations", "[loader][split]") {
  LoadResult r = loadCorpusView(view());
  REQUIRE(r.ok());
  Corpus& c = r.corpus;
  const auto errors = attachCitations(c, citations());
  CHECK(texts(errors).empty());
  CHECK(c.citationsState == CitationsState::Present);
  CHECK(c.citationsAbsent() == nullptr);
  REQUIRE(c.sources.size() == 2);
  REQUIRE(c.entities[0].citations.size() == 1);
  CHECK(c.sources[c.entities[0].citations[0].source].id == "src-a");
  CHECK(c.entities[0].citations[0].quote == "q");
  REQUIRE(c.entities[0].figures[0].citations.size() == 1);
  CHECK(c.sources[c.entities[0].figures[0].citations[0].source].id == "src-ext");
  CHECK(c.relations[0].citations.size() == 1);
  CHECK(c.events[0].citations.size() == 1);
  CHECK(c.stories[0].steps[0].citations.size() == 1);
  // Once attached, nothing more is awaited.
  CHECK_FALSE(attachCitations(c, citations()).empty());
  CHECK(c.entities[0].citations.size() == 1);
}

TEST_CASE("citations may come before their sources", "[loader][split]") {
  LoadResult r = loadCorpusView(view());
  REQUIRE(r.ok());
  // The same items, "cited" first and "sources" last.
  const std::string whole = citations();
  const size_t s = whole.find(R"("sources")"), c = whole.find(R"("cited")");
  const std::string text = whole.substr(0, s) + whole.substr(c, whole.size() - 1 - c) + ", " + kSources + "}";
  const auto errors = attachCitations(r.corpus, text);
  CHECK(texts(errors).empty());
  CHECK(r.corpus.sources[r.corpus.relations[0].citations[0].source].id == "src-a");
}

TEST_CASE("a bad second part is refused where it is wrong, and the first stays as it was", "[loader][split]") {
  struct Case {
    std::string text, where, says;
  };
  const std::string q = kQ;
  const std::vector<Case> cases = {
      {citations("", std::string(64, 'f')), "/splitFrom", "another corpus"},
      {R"({"format": "1.0", "splitFrom": ")" + kSplit + R"(", "sources": [], "cited": [)", "1:", "JSON syntax error"},
      {"[1]", "", "expected a JSON object"},
      {R"({"format": "2.0"})", "/format", "unsupported corpus format"},
      {citations(R"([{"id": "org-a", "citations": )" + q + R"(, "figures": [{"citations": )" + q + R"(}]}])"), "/cited",
       "no citations given for entity \"org-b\""},
      {citations(R"([{"id": "org-zzz", "citations": )" + q + "}]"), "/cited/0/id", "unknown id \"org-zzz\""},
      {citations(R"([{"id": "src-a", "citations": )" + q + "}]"), "/cited/0/id", "unknown id \"src-a\""},
      {citations(R"([{"id": "rel-1", "citations": [{"source": "src-nope", "quote": "q"}]}])"), "/cited/0/citations/0/source",
       "unknown source \"src-nope\""},
      {citations(R"([{"id": "rel-1", "citations": [{"source": "src-a"}]}])"), "/cited/0/citations/0",
       "missing required field \"quote\""},
      {citations(R"([{"id": "rel-1", "citations": []}])"), "/cited/0/citations", "at least one citation"},
      {citations(R"([{"id": "rel-1", "citations": )" + q + R"(}, {"id": "rel-1", "citations": )" + q + "}]"),
       "/cited/1/id", "given twice (first at /cited/0)"},
      {citations(R"([{"id": "org-a", "citations": )" + q + "}]"), "/cited/0", "missing required field \"figures\""},
      {citations(R"([{"id": "story-1", "steps": []}])"), "/cited/0/steps", "expected 1 (one per step"},
      {citations("", kSplit, R"("sources": [{"id": "org-a", "title": "A", "publisher": "P"}])"), "/sources/0/id",
       "duplicate id \"org-a\""},
      {citations("", kSplit, R"("sources": {})"), "/sources", "expected an array"},
  };
  for (const Case& k : cases) {
    LoadResult r = loadCorpusView(view());
    REQUIRE(r.ok());
    const auto errors = attachCitations(r.corpus, k.text);
    INFO(k.text);
    REQUIRE_FALSE(errors.empty());
    bool found = false;
    for (const Diagnostic& d : errors) found = found || (d.where.rfind(k.where, 0) == 0 && d.message.find(k.says) != std::string::npos);
    INFO(texts(errors).front());
    CHECK(found);
    CHECK(r.corpus.citationsState == CitationsState::Pending);
    CHECK(nhsx::fuzz::uncited(r.corpus));
    // ... and the right part is still taken after a wrong one.
    CHECK(attachCitations(r.corpus, citations()).empty());
  }
}

TEST_CASE("a whole corpus awaits no second part", "[loader][split]") {
  LoadResult r = loadCorpusView(view());
  REQUIRE(r.ok());
  REQUIRE(attachCitations(r.corpus, citations()).empty());
  Corpus whole;
  CHECK_FALSE(attachCitations(whole, citations()).empty());
  CHECK(whole.citationsState == CitationsState::Present);
}

TEST_CASE("the citations fuzz target's checks hold on its seeds", "[loader][split][fuzz]") {
  namespace fs = std::filesystem;
  size_t n = 0;
  for (const auto& f : fs::directory_iterator(fs::path(SOURCE_DIR) / "fuzz/corpus/citations")) {
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO(f.path().string());
    CHECK(nhsx::fuzz::checkCitations(text.str()).empty());
    ++n;
  }
  CHECK(n >= 2);
  // The valid seed is taken; the other is refused, and the first part stays as it was.
  std::ifstream in(fs::path(SOURCE_DIR) / "fuzz/corpus/citations/valid.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  LoadResult r = loadCorpusView(nhsx::fuzz::kCitationsFirstPart);
  REQUIRE(r.ok());
  CHECK(attachCitations(r.corpus, text.str()).empty());
}
