#include <catch2/catch_test_macros.hpp>

#include "core/corpus_gen.h"
#include "core/corpus_loader.h"

using namespace nhsx;

namespace {
// A small valid corpus; tests break one thing at a time.
std::string base(const std::string& entitiesExtra = "", const std::string& relations = "[]",
                 const std::string& events = "[]") {
  return R"({"format": "1.0", "title": "T",
  "sources": [{"id": "src-a", "title": "A", "publisher": "P"},
              {"id": "src-ext", "title": "E", "publisher": "P", "external": true}],
  "entities": [
    {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "date": "1987~",
     "citations": [{"source": "src-a", "quote": "A is a charity"}]},
    {"id": "org-b", "kind": "organisation", "type": "nhs-trust", "name": "B", "date": "2013-04-01/..",
     "citations": [{"source": "src-ext", "note": "B's founding date"}]})" +
         entitiesExtra + R"(],
  "relations": )" + relations + R"(,
  "events": )" + events + "}";
}

std::vector<std::string> errorsOf(const std::string& text) {
  LoadResult r = loadCorpus(text);
  std::vector<std::string> out;
  for (const Diagnostic& d : r.errors) out.push_back(formatDiagnostic("c.json", d));
  return out;
}

const std::string kCite = R"("citations": [{"source": "src-a", "quote": "q"}])";
}  // namespace

TEST_CASE("a valid corpus loads and is indexed", "[loader]") {
  LoadResult r = loadCorpus(base("", R"([{"id": "rel-1", "type": "partner-in", "from": "org-a", "to": "org-b", )" +
                                         kCite + "}]",
                                 R"([{"id": "ev-1", "type": "launch", "name": "L", "date": "2014-07-28",
                                      "entities": ["org-b"], )" + kCite + "}]"));
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  CHECK(c.title == "T");
  CHECK(c.entities.size() == 2);
  CHECK(c.countByKind[static_cast<int>(Kind::Organisation)] == 2);
  CHECK(c.findEntity("org-b") == 1);
  CHECK(c.findEntity("nope") == -1);
  REQUIRE(c.relations.size() == 1);
  CHECK(c.outStart[1] - c.outStart[0] == 1);  // org-a has one outgoing relation
  CHECK(c.inStart[2] - c.inStart[1] == 1);    // org-b has one incoming relation
  CHECK(c.datedEntities == std::vector<uint32_t>{0, 1});
  CHECK(c.events.at(0).entities == std::vector<uint32_t>{1});
  CHECK(c.firstDay == daysFromCivil(1987, 1, 1));
}

TEST_CASE("JSON syntax errors give line and column", "[loader]") {
  auto e = errorsOf("{\n  \"format\": \"1.0\",\n  \"title\": \n}");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "c.json:4:1: JSON syntax error: syntax error while parsing value - unexpected '}'; expected '[', "
                "'{', or a literal");
  auto t = errorsOf("{\"format\": \"1.0\"");
  REQUIRE(t.size() == 1);
  CHECK(t[0].rfind("c.json:1:17: JSON syntax error: syntax error while parsing object - unexpected end of input; expected '}'", 0) == 0);
}

TEST_CASE("invalid UTF-8 is a syntax error with its position", "[loader]") {
  auto e = errorsOf("{\"format\": \"1.0\", \"title\": \"a\xff\"}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("c.json:1:30: JSON syntax error: syntax error while parsing value - invalid string: ill-formed UTF-8 byte", 0) == 0);
}

TEST_CASE("an unknown major format version is refused", "[loader]") {
  auto e = errorsOf(R"({"format": "2.0", "title": "T", "sources": [], "entities": []})");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "c.json: /format: unsupported corpus format version 2.0 (major version 2); this explorer reads version 1.x");
  auto f = errorsOf(R"({"format": "one", "title": "T", "sources": [], "entities": []})");
  CHECK(f.at(0) == "c.json: /format: expected a version \"MAJOR.MINOR\" such as \"1.0\", found \"one\"");
  CHECK(loadCorpus(R"({"format": "1.7", "title": "T", "sources": [], "entities": []})").ok());
}

TEST_CASE("shape errors name the JSON path, expected and found", "[loader]") {
  auto e = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": 5, )" + kCite + "}"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "c.json: /entities/2/name: expected a string, found number");
  auto m = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", )" + kCite + "}"));
  CHECK(m.at(0) == "c.json: /entities/2: missing required field \"name\"");
  auto top = errorsOf("[1,2]");
  CHECK(top.at(0) == "c.json: expected a JSON object at the top level, found array");
  auto arr = errorsOf(R"({"format": "1.0", "title": "T", "sources": {}, "entities": []})");
  CHECK(arr.at(0) == "c.json: /sources: expected an array, found object");
}

TEST_CASE("unknown kinds, types and relation types are listed with the choices", "[loader]") {
  auto k = errorsOf(base(R"(, {"id": "org-c", "kind": "organisaton", "type": "charity", "name": "C", )" + kCite + "}"));
  CHECK(k.at(0) == "c.json: /entities/2/kind: expected one of organisation, person, document, programme, "
                   "partnership, part or theme; found \"organisaton\"");
  auto t = errorsOf(base(R"(, {"id": "org-c", "kind": "theme", "type": "charity", "name": "C", )" + kCite + "}"));
  CHECK(t.at(0) == "c.json: /entities/2/type: expected one of theme; found \"charity\"");
  auto r = errorsOf(base("", R"([{"id": "rel-1", "type": "friends-with", "from": "org-a", "to": "org-b", )" + kCite + "}]"));
  REQUIRE(r.size() == 1);
  CHECK(r[0].rfind("c.json: /relations/0/type: unknown relation type \"friends-with\"; expected one of leads, ", 0) == 0);
}

TEST_CASE("duplicate ids are reported with the first use", "[loader]") {
  auto e = errorsOf(base(R"(, {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A2", )" + kCite + "}"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "c.json: /entities/2/id: duplicate id \"org-a\" (first used at /entities/0/id)");
  auto s = errorsOf(base(R"(, {"id": "src-a", "kind": "organisation", "type": "charity", "name": "A2", )" + kCite + "}"));
  CHECK(s.at(0) == "c.json: /entities/2/id: duplicate id \"src-a\" (first used at /sources/0/id)");
  auto bad = errorsOf(base(R"(, {"id": "Org C", "kind": "organisation", "type": "charity", "name": "C", )" + kCite + "}"));
  CHECK(bad.at(0) == "c.json: /entities/2/id: expected an id of lower-case letters, digits and '-' starting with a letter; found \"Org C\"");
}

TEST_CASE("dangling references are reported", "[loader]") {
  auto e = errorsOf(base("", R"([{"id": "rel-1", "type": "partner-in", "from": "org-a", "to": "org-x", )" + kCite + "}]",
                         R"([{"id": "ev-1", "type": "launch", "name": "L", "date": "2014", "entities": ["org-y", "src-a"], )" +
                             kCite + "}]"));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "c.json: /relations/0/to: unknown entity id \"org-x\"");
  CHECK(e[1] == "c.json: /events/0/entities/0: unknown entity id \"org-y\"");
  CHECK(e[2] == "c.json: /events/0/entities/1: unknown entity id \"src-a\" (that id is not an entity)");
}

TEST_CASE("impossible dates are reported with the date error", "[loader]") {
  auto e = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "date": "2014-02-31", )" + kCite + "}"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "c.json: /entities/2/date: invalid EDTF date '2014-02-31': day 31 does not exist in Feb 2014");
  auto i = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "date": "2015/2014", )" + kCite + "}"));
  CHECK(i.at(0) == "c.json: /entities/2/date: invalid EDTF date '2015/2014': interval ends (2014) before it starts (2015)");
}

TEST_CASE("citation problems: none, empty quote, unknown source, missing quote", "[loader]") {
  auto none = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "citations": []})"));
  CHECK(none.at(0) == "c.json: /entities/2/citations: expected at least one citation, found none");
  auto missing = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C"})"));
  CHECK(missing.at(0) == "c.json: /entities/2: missing required field \"citations\"");
  auto empty = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "citations": [{"source": "src-a", "quote": "  "}]})"));
  CHECK(empty.at(0) == "c.json: /entities/2/citations/0/quote: empty quote: a citation quotes its source verbatim");
  auto unknown = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "citations": [{"source": "src-q", "quote": "x"}]})"));
  CHECK(unknown.at(0) == "c.json: /entities/2/citations/0/source: unknown source \"src-q\" (not listed in /sources)");
  auto noQuote = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "citations": [{"source": "src-a"}]})"));
  CHECK(noQuote.at(0) == "c.json: /entities/2/citations/0: missing required field \"quote\" (only citations of external sources may omit it)");
  auto noNote = errorsOf(base(R"(, {"id": "org-c", "kind": "organisation", "type": "charity", "name": "C", "citations": [{"source": "src-ext"}]})"));
  CHECK(noNote.at(0) == "c.json: /entities/2/citations/0: a citation without a quote needs a \"note\" saying what the source supports");
}

TEST_CASE("cycles in succession or containment are refused", "[loader]") {
  auto self = errorsOf(base("", R"([{"id": "rel-1", "type": "succeeded-by", "from": "org-a", "to": "org-a", )" + kCite + "}]"));
  REQUIRE(self.size() == 1);
  CHECK(self[0] == "c.json: /relations/0: cycle of \"succeeded-by\" relations: org-a \u2192 org-a");
  auto loop = errorsOf(base("", R"([{"id": "rel-1", "type": "part-of", "from": "org-a", "to": "org-b", )" + kCite +
                                    R"(}, {"id": "rel-2", "type": "part-of", "from": "org-b", "to": "org-a", )" + kCite + "}]"));
  REQUIRE(loop.size() == 1);
  CHECK(loop[0] == "c.json: /relations/1: cycle of \"part-of\" relations: org-a \u2192 org-b \u2192 org-a");
  // The same shape with a relation type that may loop is fine.
  CHECK(loadCorpus(base("", R"([{"id": "rel-1", "type": "works-with", "from": "org-a", "to": "org-b", )" + kCite +
                                R"(}, {"id": "rel-2", "type": "works-with", "from": "org-b", "to": "org-a", )" + kCite + "}]"))
            .ok());
}

TEST_CASE("every problem is reported, not just the first", "[loader]") {
  auto e = errorsOf(base(R"(, {"id": "org-a", "kind": "x", "name": "", "citations": []},
                            {"id": "org-d", "kind": "person", "type": "role", "name": "D", "date": "2014-13", "citations": [{"source": "src-a", "quote": ""}]})",
                         R"([{"id": "rel-1", "type": "partner-in", "from": "org-zz", "to": "org-b", )" + kCite + "}]"));
  const std::vector<std::string> expected = {
      "c.json: /entities/2/id: duplicate id \"org-a\" (first used at /entities/0/id)",
      "c.json: /entities/2/kind: expected one of organisation, person, document, programme, partnership, part or theme; found \"x\"",
      "c.json: /entities/2/name: expected a non-empty string, found \"\"",
      "c.json: /entities/2/citations: expected at least one citation, found none",
      "c.json: /entities/3/date: invalid EDTF date '2014-13': month 13 is out of range (01-12, or 21-24 for seasons)",
      "c.json: /entities/3/citations/0/quote: empty quote: a citation quotes its source verbatim",
      "c.json: /relations/0/from: unknown entity id \"org-zz\""};
  CHECK(e == expected);
}

TEST_CASE("an empty corpus and one with no relations load", "[loader]") {
  LoadResult empty = loadCorpus(R"({"format": "1.0", "title": "Empty", "sources": [], "entities": []})");
  REQUIRE(empty.ok());
  CHECK(empty.corpus.entities.empty());
  CHECK(empty.corpus.outStart.size() == 1);
  CHECK(loadCorpus(base()).ok());
}

TEST_CASE("top-level fields may come in any order; late references resolve", "[loader]") {
  // Alphabetical key order, as some tools write JSON: entities and events before sources.
  const std::string text = R"({"entities": [
      {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "citations": [{"source": "src-a", "quote": "q"}]},
      {"id": "org-b", "kind": "organisation", "type": "charity", "name": "B", "citations": [{"source": "src-x", "note": "n"}]}],
    "events": [{"id": "ev-1", "type": "launch", "name": "L", "date": "2014", "entities": ["org-b"],
                "citations": [{"source": "src-a", "quote": "q"}]}],
    "format": "1.0",
    "relations": [{"id": "rel-1", "type": "works-with", "from": "org-b", "to": "org-a",
                   "citations": [{"source": "src-a", "quote": "q"}]}],
    "sources": [{"id": "src-a", "title": "A", "publisher": "P"}, {"id": "src-x", "title": "X", "publisher": "P", "external": true}],
    "title": "T"})";
  LoadResult r = loadCorpus(text);
  for (const Diagnostic& d : r.errors) UNSCOPED_INFO(formatDiagnostic("c.json", d));
  REQUIRE(r.ok());
  CHECK(r.corpus.entities[1].citations[0].source == 1);
  CHECK(r.corpus.relations[0].from == 1);
  CHECK(r.corpus.relations[0].to == 0);

  // Relations before entities: a reference that never resolves is still reported at its path.
  auto e = errorsOf(R"({"format": "1.0", "title": "T",
    "relations": [{"id": "rel-1", "type": "works-with", "from": "org-a", "to": "org-q", "citations": [{"source": "src-a", "quote": "q"}]}],
    "entities": [{"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "citations": [{"source": "src-a"}]}],
    "sources": [{"id": "src-a", "title": "A", "publisher": "P"}]})");
  const std::vector<std::string> expected = {
      "c.json: /relations/0/to: unknown entity id \"org-q\"",
      "c.json: /entities/0/citations/0: missing required field \"quote\" (only citations of external sources may omit it)"};
  CHECK(e == expected);
}

TEST_CASE("unknown top-level fields are ignored, missing ones reported", "[loader]") {
  CHECK(loadCorpus(R"({"format": "1.0", "title": "T", "x-extra": {"deep": [1, {"a": 2}]}, "sources": [], "entities": []})").ok());
  auto e = errorsOf(R"({"format": "1.0", "title": 3, "entities": []})");
  const std::vector<std::string> expected = {"c.json: /title: expected a string, found number",
                                             "c.json: missing required field \"sources\""};
  CHECK(e == expected);
  CHECK(errorsOf(R"({"title": "T", "sources": [], "entities": []})").at(0) == "c.json: missing required field \"format\"");
  CHECK(errorsOf(R"({"format": "1.0", "title": "T", "sources": [], "entities": [3]})").at(0) ==
        "c.json: /entities/0: expected an object, found number");
}

TEST_CASE("a large corpus read on two threads gives the same result and errors as one", "[loader]") {
  GenOptions o;
  o.entities = 20000;
  o.relations = 60000;
  o.events = 2000;
  std::string text = generateCorpus(o);
  REQUIRE(text.size() > (4u << 20));  // large enough for the threaded path
  LoadResult a = loadCorpus(text, true), b = loadCorpus(text, false);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a.corpus.entities.size() == b.corpus.entities.size());
  REQUIRE(a.corpus.relations.size() == b.corpus.relations.size());
  for (size_t i = 0; i < a.corpus.relations.size(); ++i) {
    REQUIRE(a.corpus.relations[i].from == b.corpus.relations[i].from);
    REQUIRE(a.corpus.relations[i].to == b.corpus.relations[i].to);
  }
  CHECK(a.corpus.datedEntities == b.corpus.datedEntities);
  CHECK(a.corpus.eventsByDate == b.corpus.eventsByDate);

  // Problems late in a large file: a dangling reference, a duplicate id, then a syntax error.
  std::string broken = text;
  const size_t at = broken.find("\"to\": \"e", broken.size() / 2);
  broken.replace(at, 8, "\"to\": \"nowhere-");
  // A second entity with the id e12, just before the last entity (so at /entities/19999).
  broken.insert(broken.find("{\"id\": \"e19999\""),
                "{\"id\": \"e12\", \"kind\": \"theme\", \"type\": \"theme\", \"name\": \"X\", "
                "\"citations\": [{\"source\": \"src-gen\", \"quote\": \"q\"}]},\n");
  LoadResult c = loadCorpus(broken, true), d = loadCorpus(broken, false);
  REQUIRE(c.errors.size() == 2);
  CHECK(formatDiagnostic("c", c.errors[0]) == "c: /entities/19999/id: duplicate id \"e12\" (first used at /entities/12/id)");
  CHECK(c.errors[1].message.rfind("unknown entity id \"nowhere-", 0) == 0);
  REQUIRE(d.errors.size() == c.errors.size());
  for (size_t i = 0; i < c.errors.size(); ++i) CHECK(formatDiagnostic("c", c.errors[i]) == formatDiagnostic("c", d.errors[i]));
  std::string cut = text.substr(0, text.size() - 100);
  LoadResult e = loadCorpus(cut, true);
  REQUIRE(e.errors.size() == 1);
  CHECK(e.errors[0].message.rfind("JSON syntax error: ", 0) == 0);
}
