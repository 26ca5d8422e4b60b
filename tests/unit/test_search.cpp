// Search: folding, ranking tiers, typos, prefixes while typing, aliases, quotes, limits, and agreement
// with a slow linear scan on a generated corpus.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "core/corpus_gen.h"
#include "core/corpus_loader.h"
#include "core/search.h"
#include "core/text_fold.h"

using namespace nhsx;

namespace {

std::string entity(const std::string& id, const std::string& name, const std::string& extra = "",
                   const std::string& quote = "q") {
  return R"({"id": ")" + id + R"(", "kind": "organisation", "type": "charity", "name": ")" + name + "\"" + extra +
         R"(, "citations": [{"source": "src-a", "quote": ")" + quote + R"("}]})";
}

std::string relation(const std::string& id, const std::string& from, const std::string& to,
                     const std::string& quote = "q") {
  return R"({"id": ")" + id + R"(", "type": "works-with", "from": ")" + from + R"(", "to": ")" + to +
         R"(", "citations": [{"source": "src-a", "quote": ")" + quote + R"("}]})";
}

const Corpus& small() {
  static LoadResult r = loadCorpus(R"({"format": "1.0", "title": "T",
    "sources": [{"id": "src-a", "title": "A", "publisher": "P"}],
    "entities": [)" +
      entity("org-nhse", "NHS England", R"(, "aliases": ["NHSE"], "description": "Leads the NHS.")") + "," +
      entity("org-nhse-team", "NHS England Regional Team") + "," +
      entity("org-partners", "Partners of England and the NHS") + "," +
      entity("org-ncb", "NHS Commissioning Board", R"(, "aliases": ["England's NHS board"])") + "," +
      entity("org-typo", "NHS Englend Archive") + "," +
      entity("org-hf", "Health Foundation", R"(, "description": "A charity working with NHS England.")") + "," +
      entity("org-mac", "Macmillan Cancer Support", R"(, "aliases": ["Macmillan"])",
             "Macmillan works with NHS England on a vision for partnership") + "," +
      entity("org-alpha", "Alpha Trust") + "," + entity("org-beta", "Beta Trust") + "," +
      entity("org-gamma", "Gamma Trust") + "," +
      entity("person-renee", "Renée Dupont") + "," +
      entity("org-women", "Women’s Health Network") + "," +
      entity("org-acevo", "Association of Chief Executives of Voluntary Organisations", R"(, "aliases": ["ACEVO"])") +
      R"(],
    "relations": [)" +
      relation("rel-1", "org-beta", "org-hf", "a unique xylophone agreement") + "," +
      relation("rel-2", "person-renee", "org-beta") + R"(],
    "events": []})");
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("small", d));
  REQUIRE(r.ok());
  return r.corpus;
}

const SearchIndex& smallIndex() {
  static SearchIndex ix = [] {
    SearchIndex i;
    i.build(small());
    return i;
  }();
  return ix;
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& h : hits) out.push_back(small().entities[h.entity].id);
  return out;
}

std::string top(std::string_view q) {
  auto hits = smallIndex().query(q);
  return hits.empty() ? "" : small().entities[hits[0].entity].id;
}

SearchTier tierOf(std::string_view q, const std::string& id) {
  for (const SearchHit& h : smallIndex().query(q))
    if (small().entities[h.entity].id == id) return h.tier;
  FAIL("no hit for " << id << " on query \"" << q << "\"");
  return SearchTier::Quote;
}
}  // namespace

TEST_CASE("folding lowers case, removes accents, joins apostrophes and breaks on punctuation", "[search]") {
  CHECK(foldText("Côte-d’Ivoire  NHS") == "cote divoire nhs");
  CHECK(foldText("Œuvre Straße Łódź ÆSIR") == "oeuvre strasse lodz aesir");
  CHECK(foldText("Women's — “quoted”… 2025/26") == "womens quoted 2025 26");
  CHECK(foldText("  ,;  ") == "");
  CHECK(foldText("bad\xff" "byte") == "bad byte");
  CHECK(foldText("Ελλάδα") == "Ελλάδα");  // kept as it is
}

TEST_CASE("search ranks exact name, name prefix, name words, alias, typo, description, quote", "[search]") {
  const auto hits = smallIndex().query("nhs england");
  CHECK(ids(hits) == std::vector<std::string>{"org-nhse", "org-nhse-team", "org-partners", "org-ncb", "org-typo",
                                              "org-hf", "org-mac"});
  REQUIRE(hits.size() == 7);
  const SearchTier want[] = {SearchTier::ExactName, SearchTier::NamePrefix, SearchTier::NameWords, SearchTier::Alias,
                             SearchTier::NameTypo,  SearchTier::Description, SearchTier::Quote};
  const SearchField field[] = {SearchField::Name, SearchField::Name, SearchField::Name, SearchField::Alias,
                               SearchField::Name, SearchField::Description, SearchField::Quote};
  for (size_t i = 0; i < hits.size(); ++i) {
    INFO("hit " << i);
    CHECK(hits[i].tier == want[i]);
    CHECK(hits[i].field == field[i]);
    if (i) CHECK(hits[i].score < hits[i - 1].score);
  }
}

TEST_CASE("search breaks ties by degree, then by name", "[search]") {
  // Beta has two relations, Alpha and Gamma none: Beta first, then Alpha before Gamma.
  CHECK(ids(smallIndex().query("trust")) == std::vector<std::string>{"org-beta", "org-alpha", "org-gamma"});
}

TEST_CASE("search tolerates one typo in short words and two in long ones", "[search]") {
  CHECK(top("cancor") == "org-mac");    // substitution
  CHECK(top("cnacer") == "org-mac");    // transposition
  CHECK(top("cancr ") == "org-mac");    // missing letter, word finished
  CHECK(top("macmilan") == "org-mac");  // missing letter
  CHECK(top("mcamillna") == "org-mac"); // two swaps in a 9-letter word
  CHECK(tierOf("cancor", "org-mac") == SearchTier::NameTypo);
  CHECK(smallIndex().query("cnacr ").empty());  // two edits in a 5-letter word is too many
  CHECK(smallIndex().query("nsh ").empty());    // 3-letter words must be exact
  CHECK(smallIndex().query("trust 2").empty()); // nothing has a word starting with 2
}

TEST_CASE("search matches the last word as a prefix while typing", "[search]") {
  CHECK(top("macm") == "org-mac");
  CHECK(tierOf("macm", "org-mac") == SearchTier::NamePrefix);
  CHECK(tierOf("macmillan canc", "org-mac") == SearchTier::NamePrefix);
  CHECK(tierOf("cancer sup", "org-mac") == SearchTier::NameWords);
  CHECK(top("mcam") == "org-mac");  // a swap inside the typed prefix
  CHECK(tierOf("mcam", "org-mac") == SearchTier::NameTypo);
  CHECK(smallIndex().query("macm ").empty());  // a finished word is not a prefix
  CHECK(ids(smallIndex().query("nhs e")).at(0) == "org-nhse");
}

TEST_CASE("search ignores case and accents and treats curly apostrophes as straight", "[search]") {
  CHECK(top("renee") == "person-renee");
  CHECK(top("RENÉE DUPONT") == "person-renee");
  CHECK(tierOf("Renée Dupont", "person-renee") == SearchTier::ExactName);
  CHECK(top("women's health") == "org-women");
  CHECK(top("Women’s") == "org-women");
  CHECK(top("womens") == "org-women");
}

TEST_CASE("search finds aliases and cited quotes, including those of relations", "[search]") {
  const auto acevo = smallIndex().query("acevo");
  REQUIRE(acevo.size() == 1);
  CHECK(ids(acevo)[0] == "org-acevo");
  CHECK(acevo[0].tier == SearchTier::Alias);
  CHECK(acevo[0].field == SearchField::Alias);
  CHECK(ids(smallIndex().query("vision for partnership")) == std::vector<std::string>{"org-mac"});
  CHECK(tierOf("vision", "org-mac") == SearchTier::Quote);
  // The relation rel-1 (Beta works with Health Foundation) is quoted "a unique xylophone agreement".
  auto xylo = ids(smallIndex().query("xylophone"));
  std::sort(xylo.begin(), xylo.end());
  CHECK(xylo == std::vector<std::string>{"org-beta", "org-hf"});
  SearchIndex own;  // without the quotes of relations and events
  own.build(small(), false);
  CHECK(own.query("xylophone").empty());
  CHECK(own.query("vision").size() == 1);
}

TEST_CASE("search handles empty, blank, very long and repeated queries and limits", "[search]") {
  CHECK(smallIndex().query("").empty());
  CHECK(smallIndex().query("   ").empty());
  CHECK(smallIndex().query("— … ,").empty());
  CHECK(smallIndex().query(std::string(100000, 'a')).empty());
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "nhs england ";
  CHECK(ids(smallIndex().query(many)) == ids(smallIndex().query("nhs england ")));
  CHECK(smallIndex().query("nhs england", 0).empty());
  CHECK(ids(smallIndex().query("nhs england", 2)) == std::vector<std::string>{"org-nhse", "org-nhse-team"});
  SearchIndex empty;
  CHECK(empty.query("nhs").empty());
}

// A slow reference: every entity's folded texts, every token compared with a plain edit distance.
namespace {
int osaDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// Does a word (last: typed as a prefix) match token exactly (0), with a typo (1), or not (-1)?
int wordMatches(std::string_view w, std::string_view token, bool last) {
  if (token == w || (last && token.substr(0, w.size()) == w)) return 0;
  const int budget = w.find_first_of("0123456789") != std::string_view::npos ? 0 : w.size() >= 8 ? 2 : w.size() >= 4 ? 1 : 0;
  if (budget == 0) return -1;
  if (osaDistance(w, token) <= budget) return 1;
  if (last)
    for (size_t k = 0; k <= token.size(); ++k)
      if (osaDistance(w, token.substr(0, k)) <= budget) return 1;
  return -1;
}

std::vector<std::string> words(const std::string& folded) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    out.push_back(folded.substr(i, j - i));
    i = j + 1;
  }
  return out;
}
}  // namespace

TEST_CASE("search agrees with a linear scan on a generated corpus", "[search]") {
  GenOptions o;
  o.entities = 400;
  o.relations = 800;
  LoadResult r = loadCorpus(generateCorpus(o));
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  SearchIndex ix;
  ix.build(c);
  // Per entity, the words of each field (relations' quotes count as the entity's quotes).
  std::vector<std::array<std::vector<std::string>, 4>> text(c.entities.size());
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    const Entity& en = c.entities[e];
    text[e][0] = words(foldText(en.name));
    for (const std::string& a : en.aliases) for (auto& w : words(foldText(a))) text[e][1].push_back(w);
    text[e][2] = words(foldText(en.description));
    for (const Citation& ci : en.citations) for (auto& w : words(foldText(ci.quote))) text[e][3].push_back(w);
  }
  for (const Relation& rel : c.relations)
    for (uint32_t e : {rel.from, rel.to})
      for (const Citation& ci : rel.citations) for (auto& w : words(foldText(ci.quote))) text[e][3].push_back(w);

  const char* queries[] = {"helth", "cancre", "mental helth trsut", "prevenion", "foundatoin 12", "e12", "supp",
                           "digtal care", "comunity network", "hosptal", "partnersihp charity", "regional"};
  for (const char* q : queries) {
    INFO("query " << q);
    const auto ws = words(foldText(q));
    // Expected: entity -> worst word cost (0 name, 1 alias, 2 typo in name/alias, 3 description, 4 quote).
    std::map<uint32_t, int> expected;
    for (uint32_t e = 0; e < c.entities.size(); ++e) {
      int worst = 0;
      for (size_t wi = 0; wi < ws.size() && worst >= 0; ++wi) {
        int best = 99;
        for (int f = 0; f < 4; ++f)
          for (const std::string& t : text[e][f]) {
            const int m = wordMatches(ws[wi], t, wi + 1 == ws.size());
            if (m < 0) continue;
            best = std::min(best, f == 0 ? (m ? 2 : 0) : f == 1 ? (m ? 2 : 1) : f + 1);
          }
        worst = best == 99 ? -1 : std::max(worst, best);
      }
      if (worst >= 0) expected[e] = worst;
    }
    const auto hits = ix.query(q, c.entities.size());
    std::map<uint32_t, int> got;
    for (const SearchHit& h : hits)
      got[h.entity] = std::max(0, static_cast<int>(h.tier) - static_cast<int>(SearchTier::NameWords));
    CHECK(got == expected);
    CHECK(!expected.empty());
    for (size_t i = 1; i < hits.size(); ++i) CHECK(hits[i - 1].tier <= hits[i].tier);
  }
}

// ---- Questions: stop words left out, words in any order, most words first when none has them all.
#include "bundled_corpus.h"

TEST_CASE("search leaves out stop words unless the query is nothing else", "[search]") {
  for (const char* w : {"who", "the", "is", "of", "what", "which", "a", "and", "for", "does", "with", "your"})
    CHECK(isStopWord(w));
  for (const char* w : {"sets", "nhs", "england", "new", "no", "not", "health", "trust", "us", "mandate", ""})
    CHECK_FALSE(isStopWord(w));
  CHECK(ids(smallIndex().query("the nhs england")) == ids(smallIndex().query("nhs england")));
  CHECK(tierOf("the NHS England", "org-nhse") == SearchTier::ExactName);
  CHECK(tierOf("the NHS Eng", "org-nhse") == SearchTier::NamePrefix);
  CHECK(top("who is macmillan ") == "org-mac");
  CHECK(top("the england of nhs") == "org-nhse");  // any order
  CHECK(ids(smallIndex().query("england nhs"))[0] == "org-nhse");
  // The whole name still counts as the exact name, stop words and all.
  CHECK(tierOf("Partners of England and the NHS", "org-partners") == SearchTier::ExactName);
  CHECK(top("partners of england and the nhs") == "org-partners");
  // Only stop words: searched as they are (here "the" is in a name).
  CHECK(top("the") == "org-partners");
}

TEST_CASE("a question finds what has most of its words", "[search]") {
  // Nothing has "regional", "macmillan" and "cancer": those with two of the three come, Macmillan
  // (both in its name) before the regional team (one word only: not enough).
  const auto hits = smallIndex().query("regional macmillan cancer");
  REQUIRE(!hits.empty());
  CHECK(ids(hits) == std::vector<std::string>{"org-mac"});
  CHECK(hits[0].missing == 1);
  CHECK(hits[0].score < 0);
  // More words matched rank first, whatever the tier.
  const auto more = ids(smallIndex().query("vision partnership england regional nhs"));
  REQUIRE(more.size() >= 2);
  CHECK(more[0] == "org-mac");  // vision, partnership, england, nhs (quote): 4 of 5
  // Two or three words that something has together: only what has them all.
  for (const SearchHit& h : smallIndex().query("nhs england")) CHECK(h.missing == 0);
  for (const SearchHit& h : smallIndex().query("nhs england regional")) CHECK(h.missing == 0);
  // Two words of which one is unknown: nothing (a half match of two words says little).
  CHECK(smallIndex().query("trust xyzzy").empty());
}

TEST_CASE("who sets NHS England priorities finds the mandate and NHS England", "[search]") {
  SearchIndex ix;
  ix.build(bundledCorpus());
  const Corpus& c = bundledCorpus();
  for (const char* q : {"who sets NHS England priorities", "who sets NHS England priorities?",
                        "priorities NHS England sets"}) {
    INFO(q);
    const auto hits = ix.query(q, 10);
    REQUIRE(!hits.empty());
    std::vector<std::string> top5;
    for (size_t i = 0; i < hits.size() && i < 5; ++i) top5.push_back(c.entities[hits[i].entity].id);
    std::string all;
    for (const auto& id : top5) all += id + " ";
    INFO("top: " << all);
    const bool mandate = std::any_of(top5.begin(), top5.end(), [](const std::string& id) { return id.find("mandate") != std::string::npos; });
    CHECK(mandate);
    CHECK(std::find(top5.begin(), top5.end(), "org-nhs-england") != top5.end());
    CHECK(hits[0].missing == 0);  // what has every word comes first
  }
}
