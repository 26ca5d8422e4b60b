// A catalogue of bad input for the corpus loader (issue 9): each case names the exact error expected
// (where and what) and bounds the time and memory the load may take. test_loader.cpp covers the
// single errors of ordinary mistakes; this file covers every field's wrong type and the hostile cases
// (huge, deep, malformed), none of which may crash, hang or exhaust memory.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/corpus_loader.h"

using namespace nhsx;
using json = nlohmann::ordered_json;  // keeps the sections in the order written

namespace {

// Sanitizer builds (tools/sanitize.sh) run several times slower and keep shadow memory.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlow = 12, kFat = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSlow = 12, kFat = 4;
#else
constexpr double kSlow = 1, kFat = 1;
#endif
#else
constexpr double kSlow = 1, kFat = 1;
#endif

// Resident memory from /proc/self/status, in MB ("VmRSS:", "VmHWM:").
double statusMb(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stod(line.substr(field.size())) / 1024.0;
  }
  return 0;
}

struct Measured {
  LoadResult result;
  double seconds = 0;  // CPU time of the process: the machine is shared, so wall time says little
  double peakMb = 0;  // growth of peak resident memory during the load
  std::vector<std::string> errors;
};

// Loads with the clock running and the peak-RSS counter reset (writing 5 to clear_refs resets VmHWM).
Measured measure(std::string_view text) {
  { std::ofstream("/proc/self/clear_refs") << "5"; }
  const double before = statusMb("VmRSS:");
  const std::clock_t t0 = std::clock();
  Measured m;
  m.result = loadCorpus(text);
  m.seconds = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
  m.peakMb = statusMb("VmHWM:") - before;
  for (const Diagnostic& d : m.result.errors) m.errors.push_back(formatDiagnostic("c.json", d));
  return m;
}

// Every case: at most `seconds` of CPU and `mb` of extra peak memory (scaled for sanitizer builds).
Measured bounded(std::string_view text, double seconds = 2, double mb = 64) {
  Measured m = measure(text);
  INFO("load took " << m.seconds << " s, peak memory grew " << m.peakMb << " MB");
  CHECK(m.seconds < seconds * kSlow);
  CHECK(m.peakMb < mb * kFat);
  return m;
}

// Exactly one error, this one.
void onlyError(const Measured& m, const std::string& expected) {
  REQUIRE(m.errors.size() == 1);
  CHECK(m.errors[0] == expected);
}

const json kCite = json::array({{{"source", "src-a"}, {"quote", "q"}}});

// A valid corpus with every section and every field. The second source and entity and the only
// relation, event and story are referenced by nothing, so breaking one gives exactly one error.
json fullCorpus() {
  json c = {{"format", "1.0"}, {"title", "T"}, {"description", "D"}};
  c["sources"] = {{{"id", "src-a"}, {"title", "A"}, {"publisher", "P"}},
                  {{"id", "src-spare"}, {"title", "S"}, {"publisher", "P"}, {"url", "https://example.org"},
                   {"seed", "s.txt"}, {"note", "n"}, {"external", true}, {"date", "2014-07-28"}}};
  c["entities"] = {
      {{"id", "org-a"}, {"kind", "organisation"}, {"type", "charity"}, {"name", "A"}, {"citations", kCite}},
      {{"id", "org-spare"}, {"kind", "organisation"}, {"type", "charity"}, {"name", "S"},
       {"aliases", {"Spare"}}, {"description", "d"}, {"date", "2014"}, {"dateNote", "n"}, {"collective", false},
       {"order", 1},
       {"figures", {{{"label", "members"}, {"value", 2000}, {"qualifier", "over"}, {"unit", "members"},
                     {"date", "2014"}, {"citations", kCite}}}},
       {"citations", kCite}}};
  c["relations"] = {{{"id", "rel-1"}, {"type", "works-with"}, {"from", "org-a"}, {"to", "org-a"}, {"role", "r"},
                     {"description", "d"}, {"date", "2014"}, {"citations", kCite}}};
  c["events"] = {{{"id", "ev-1"}, {"type", "launch"}, {"name", "L"}, {"description", "d"},
                  {"date", "2014-07-28"}, {"entities", {"org-a"}}, {"citations", kCite}}};
  c["stories"] = {{{"id", "story-1"}, {"title", "S"}, {"description", "d"},
                   {"steps", {{{"title", "one"}, {"narration", "n"}, {"view", "graph"}, {"asOf", "2014"},
                               {"window", "2012/2015"}, {"focus", {"org-a"}}, {"kinds", {"organisation"}},
                               {"citations", kCite}}}}}};
  return c;
}

// The full corpus with the value at a JSON pointer replaced.
std::string with(const std::string& pointer, const json& value) {
  json c = fullCorpus();
  c[json::json_pointer(pointer)] = value;
  return c.dump();
}

// A corpus around one entity's extra fields, as text (for values JSON DOMs cannot hold).
std::string entityWith(const std::string& fields) {
  return R"({"format": "1.0", "title": "T", "sources": [{"id": "src-a", "title": "A", "publisher": "P"}],
  "entities": [{"id": "org-a", "kind": "organisation", "type": "charity", "citations": [{"source": "src-a", "quote": "q"}], )" +
         fields + "}]}";
}

struct WrongType {
  const char* pointer;
  json value;
  const char* expected;  // without the "c.json: " prefix
  bool alone = true;     // the only error (a whole section of the wrong type also orphans references)
};

}  // namespace

TEST_CASE("the full catalogue corpus is valid, so each case below breaks one thing", "[bad-input]") {
  Measured m = bounded(fullCorpus().dump());
  CHECK(m.errors.empty());
  CHECK(m.result.corpus.stories.size() == 1);
}

TEST_CASE("a wrong type in any field of any section is reported at its path", "[bad-input]") {
  const std::vector<WrongType> cases = {
      // top level
      {"/format", 1, "/format: expected a string, found number"},
      {"/title", json::array(), "/title: expected a string, found array"},
      {"/description", 1, "/description: expected a string, found number"},
      {"/sources", "x", "/sources: expected an array, found string", false},
      {"/entities", 1, "/entities: expected an array, found number", false},
      {"/relations", json::object(), "/relations: expected an array, found object"},
      {"/events", true, "/events: expected an array, found boolean"},
      {"/stories", nullptr, "/stories: expected an array, found null"},
      // sources
      {"/sources/1", 5, "/sources/1: expected an object, found number"},
      {"/sources/1/id", 5, "/sources/1/id: expected a string, found number"},
      {"/sources/1/title", 5, "/sources/1/title: expected a string, found number"},
      {"/sources/1/publisher", false, "/sources/1/publisher: expected a string, found boolean"},
      {"/sources/1/url", 5, "/sources/1/url: expected a string, found number"},
      {"/sources/1/seed", json::array(), "/sources/1/seed: expected a string, found array"},
      {"/sources/1/note", 5, "/sources/1/note: expected a string, found number"},
      {"/sources/1/external", "yes", "/sources/1/external: expected true or false, found \"yes\""},
      {"/sources/1/date", 2014, "/sources/1/date: expected a string, found number"},
      // entities
      {"/entities/1", json::array(), "/entities/1: expected an object, found array"},
      {"/entities/1/id", 5, "/entities/1/id: expected a string, found number"},
      {"/entities/1/kind", 5, "/entities/1/kind: expected a string, found number"},
      {"/entities/1/type", 5, "/entities/1/type: expected a string, found number"},
      {"/entities/1/name", nullptr, "/entities/1/name: expected a string, found null"},
      {"/entities/1/aliases", "Spare", "/entities/1/aliases: expected an array of strings, found \"Spare\""},
      {"/entities/1/aliases/0", 5, "/entities/1/aliases/0: expected a string, found number"},
      {"/entities/1/description", 5, "/entities/1/description: expected a string, found number"},
      {"/entities/1/date", 2014, "/entities/1/date: expected a string, found number"},
      {"/entities/1/dateNote", 5, "/entities/1/dateNote: expected a string, found number"},
      {"/entities/1/collective", "no", "/entities/1/collective: expected true or false, found \"no\""},
      {"/entities/1/order", "1", "/entities/1/order: expected a whole number from 0 to 100000, found \"1\""},
      {"/entities/1/figures", json::object(), "/entities/1/figures: expected an array of figures, found object"},
      {"/entities/1/figures/0", "f", "/entities/1/figures/0: expected a figure object, found \"f\""},
      {"/entities/1/figures/0/label", 5, "/entities/1/figures/0/label: expected a string, found number"},
      {"/entities/1/figures/0/value", "2000", "/entities/1/figures/0/value: expected a number, found \"2000\""},
      {"/entities/1/figures/0/qualifier", 5, "/entities/1/figures/0/qualifier: expected a string, found number"},
      {"/entities/1/figures/0/unit", 5, "/entities/1/figures/0/unit: expected a string, found number"},
      {"/entities/1/figures/0/date", 5, "/entities/1/figures/0/date: expected a string, found number"},
      {"/entities/1/figures/0/citations", json::object(),
       "/entities/1/figures/0/citations: expected an array of citations, found object"},
      {"/entities/1/citations", "c", "/entities/1/citations: expected an array of citations, found \"c\""},
      {"/entities/1/citations/0", 5, "/entities/1/citations/0: expected a citation object {source, quote}, found number"},
      {"/entities/1/citations/0/source", 5, "/entities/1/citations/0/source: expected a string, found number"},
      {"/entities/1/citations/0/quote", 5, "/entities/1/citations/0/quote: expected a string, found number"},
      {"/entities/1/citations/0/note", 5, "/entities/1/citations/0/note: expected a string, found number"},
      // relations
      {"/relations/0", "r", "/relations/0: expected an object, found \"r\""},
      {"/relations/0/id", 5, "/relations/0/id: expected a string, found number"},
      {"/relations/0/type", 5, "/relations/0/type: expected a string, found number"},
      {"/relations/0/from", 5, "/relations/0/from: expected an entity id, found number"},
      {"/relations/0/to", json::array({"org-a"}), "/relations/0/to: expected an entity id, found array"},
      {"/relations/0/role", 5, "/relations/0/role: expected a string, found number"},
      {"/relations/0/description", 5, "/relations/0/description: expected a string, found number"},
      {"/relations/0/date", 5, "/relations/0/date: expected a string, found number"},
      {"/relations/0/citations", 5, "/relations/0/citations: expected an array of citations, found number"},
      // events
      {"/events/0", nullptr, "/events/0: expected an object, found null"},
      {"/events/0/id", 5, "/events/0/id: expected a string, found number"},
      {"/events/0/type", 5, "/events/0/type: expected a string, found number"},
      {"/events/0/name", 5, "/events/0/name: expected a string, found number"},
      {"/events/0/description", 5, "/events/0/description: expected a string, found number"},
      {"/events/0/date", 5, "/events/0/date: expected a string, found number"},
      {"/events/0/entities", "org-a", "/events/0/entities: expected an array of entity ids, found \"org-a\""},
      {"/events/0/entities/0", 5, "/events/0/entities/0: expected an entity id, found number"},
      {"/events/0/citations", 5, "/events/0/citations: expected an array of citations, found number"},
      // stories
      {"/stories/0", 5, "/stories/0: expected an object, found number"},
      {"/stories/0/id", 5, "/stories/0/id: expected a string, found number"},
      {"/stories/0/title", 5, "/stories/0/title: expected a string, found number"},
      {"/stories/0/description", 5, "/stories/0/description: expected a string, found number"},
      {"/stories/0/steps", json::object(), "/stories/0/steps: expected an array of steps, found object"},
      {"/stories/0/steps/0", 5, "/stories/0/steps/0: expected a step object, found number"},
      {"/stories/0/steps/0/title", 5, "/stories/0/steps/0/title: expected a string, found number"},
      {"/stories/0/steps/0/narration", 5, "/stories/0/steps/0/narration: expected a string, found number"},
      {"/stories/0/steps/0/view", 5, "/stories/0/steps/0/view: expected a string, found number"},
      {"/stories/0/steps/0/asOf", 5, "/stories/0/steps/0/asOf: expected a string, found number"},
      {"/stories/0/steps/0/window", 5, "/stories/0/steps/0/window: expected a string, found number"},
      {"/stories/0/steps/0/focus", "org-a", "/stories/0/steps/0/focus: expected an array of entity ids, found \"org-a\""},
      {"/stories/0/steps/0/focus/0", 5, "/stories/0/steps/0/focus/0: expected an entity id, found number"},
      {"/stories/0/steps/0/kinds", "person", "/stories/0/steps/0/kinds: expected an array of entity kinds, found \"person\""},
      {"/stories/0/steps/0/kinds/0", 5, "/stories/0/steps/0/kinds/0: expected an entity kind, found number"},
      {"/stories/0/steps/0/citations", 5, "/stories/0/steps/0/citations: expected an array of citations, found number"},
  };
  for (const WrongType& w : cases) {
    INFO(w.pointer << " = " << w.value.dump());
    Measured m = bounded(with(w.pointer, w.value));
    if (w.alone) onlyError(m, std::string("c.json: ") + w.expected);
    else CHECK(m.errors.at(0) == std::string("c.json: ") + w.expected);
  }
}

TEST_CASE("numbers out of range", "[bad-input]") {
  const std::string order = "c.json: /entities/0/order: expected a whole number from 0 to 100000, found number ";
  onlyError(bounded(entityWith(R"("name": "A", "order": -1)")), order + "-1");
  onlyError(bounded(entityWith(R"("name": "A", "order": 100001)")), order + "100001");
  onlyError(bounded(entityWith(R"("name": "A", "order": 1.5)")), order + "1.5");
  onlyError(bounded(entityWith(R"("name": "A", "order": 1e2)")), order + "100");
  onlyError(bounded(entityWith(R"("name": "A", "order": 18446744073709551615)")), order + "1.84467e+19");
  onlyError(bounded(entityWith(R"("name": "A", "order": 99999999999999999999999)")), order + "1e+23");
  // A number no double can hold is refused where it stands.
  onlyError(bounded(entityWith(R"("name": "A", "figures": [{"label": "l", "value": 1e400}])")),
            "c.json:2:178: JSON syntax error: number overflow parsing '1e400'");
  // The largest finite values are fine.
  CHECK(bounded(entityWith(R"("name": "A", "figures": [{"label": "l", "value": -1.7976931348623157e308,
                                 "citations": [{"source": "src-a", "quote": "q"}]}])"))
            .errors.empty());
}

TEST_CASE("nesting 100k levels deep neither overflows the stack nor lingers", "[bad-input]") {
  const size_t n = 100000;
  const std::string arrays = std::string(n, '[') + std::string(n, ']');
  std::string objects;
  for (size_t i = 0; i < n; ++i) objects += "{\"a\":";
  objects += "1" + std::string(n, '}');
  // In a field the loader skips, it loads.
  CHECK(bounded(R"({"format": "1.0", "title": "T", "sources": [], "entities": [], "x-deep": )" + arrays + "}").errors.empty());
  // As an item, and as a field's value, it is the wrong type.
  onlyError(bounded(R"({"format": "1.0", "title": "T", "sources": [], "entities": [)" + arrays + "]}"),
            "c.json: /entities/0: expected an object, found array");
  onlyError(bounded(entityWith(R"("name": )" + objects)), "c.json: /entities/0/name: expected a string, found object");
  // Never closed: one syntax error at the end.
  onlyError(bounded("{\"x\": " + std::string(n, '[')),
            "c.json:1:100007: JSON syntax error: syntax error while parsing value - unexpected end of input; expected "
            "'[', '{', or a literal");
}

TEST_CASE("a 50 MB string loads, and is quoted short in errors", "[bad-input]") {
  const size_t mb50 = 50u << 20;
  const std::string big(mb50, 'A');
  // As a description it is just text: the load holds a few copies at once (the lexer's buffer as it
  // grows, the recorded item, the model), no more.
  Measured ok = bounded(entityWith(R"("name": "A", "description": ")" + big + "\""), 2, 8 * 50);
  CHECK(ok.errors.empty());
  CHECK(ok.result.corpus.entities.at(0).description.size() == mb50);
  // As an id, a date or an unterminated string it is an error, whose message stays short.
  const std::string shown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...\" (52428800 bytes)";
  Measured id = bounded(R"({"format": "1.0", "title": "T", "sources": [], "entities": [{"id": ")" + big + "\"}]}", 2, 8 * 50);
  REQUIRE(id.errors.size() >= 1);
  CHECK(id.errors[0] == "c.json: /entities/0/id: expected an id of lower-case letters, digits and '-' starting with a "
                        "letter; found \"" + shown);
  onlyError(bounded(entityWith(R"("name": "A", "date": ")" + big + "\""), 2, 8 * 50),
            "c.json: /entities/0/date: invalid EDTF date '" + std::string(57, 'A') +
                "...' (52428800 bytes): expected a four-digit year (YYYY), found 'A'");
  Measured cut = bounded(R"({"format": "1.0", "title": ")" + big, 2, 8 * 50);
  REQUIRE(cut.errors.size() == 1);
  CHECK(cut.errors[0].size() < 300);
  CHECK(cut.errors[0].rfind("c.json:1:52428829: JSON syntax error: syntax error while parsing value - invalid string: "
                            "missing closing quote",
                            0) == 0);
  for (const std::string& e : id.errors) CHECK(e.size() < 400);
}

TEST_CASE("invalid UTF-8 and bad escapes are syntax errors at their byte", "[bad-input]") {
  auto title = [](const std::string& t) { return R"({"format": "1.0", "title": ")" + t + R"(", "sources": [], "entities": []})"; };
  const std::string prefix = "JSON syntax error: syntax error while parsing value - invalid string: ";
  onlyError(bounded(title("\xc0\xaf")), "c.json:1:29: " + prefix + "ill-formed UTF-8 byte; last read: '\"\xc0'");
  onlyError(bounded(title("ok\xed\xa0\x80")), "c.json:1:32: " + prefix + "ill-formed UTF-8 byte; last read: '\"ok\xed\xa0'");
  onlyError(bounded(title("\xe2\x82")), "c.json:1:31: " + prefix + "ill-formed UTF-8 byte; last read: '\"\xe2\x82\"'");
  onlyError(bounded(title("\xf5\x80\x80\x80")), "c.json:1:29: " + prefix + "ill-formed UTF-8 byte; last read: '\"\xf5'");
  onlyError(bounded(title("\\ud800")),
            "c.json:1:35: " + prefix + "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'");
  onlyError(bounded(title("\\udc00")),
            "c.json:1:34: " + prefix + "surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\udc00'");
  onlyError(bounded(title("\\x41")),
            "c.json:1:30: " + prefix + "forbidden character after backslash; last read: '\"\\x'");
  onlyError(bounded(title("tab\there")),
            "c.json:1:32: " + prefix + "control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"tab<U+0009>'");
  // In a key.
  onlyError(bounded("{\"format\": \"1.0\", \"ti\xfftle\": \"T\"}"),
            "c.json:1:22: JSON syntax error: syntax error while parsing object key - invalid string: ill-formed UTF-8 "
            "byte; last read: '\"ti\xff'; expected string literal");
}

TEST_CASE("a UTF-8 byte order mark is skipped at the start only", "[bad-input]") {
  const std::string body = R"({"format": "1.0", "title": "T", "sources": [], "entities": []})";
  CHECK(bounded("\xEF\xBB\xBF" + body).errors.empty());
  onlyError(bounded("\xEF\xBB\xBF\xEF\xBB\xBF" + body),  // the second one, at byte 4
            "c.json:1:4: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\xEF\xBB\xBF\xEF'");
  onlyError(bounded("\xFF\xFE" + body),
            "c.json:1:1: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\xFF'");
  onlyError(bounded(" \xEF\xBB\xBF" + body),
            "c.json:1:2: JSON syntax error: syntax error while parsing value - invalid literal; last read: ' \xEF'");
}

TEST_CASE("truncated JSON: every prefix of a corpus gives one located syntax error", "[bad-input]") {
  const std::string text = fullCorpus().dump(1);
  size_t line = 0, column = 0;
  for (size_t cut = 0; cut < text.size(); ++cut) {
    const std::string prefix = text.substr(0, cut);
    LoadResult r = loadCorpus(prefix);
    INFO("cut at byte " << cut);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.rfind("JSON syntax error: ", 0) == 0);
    // Located just past the end of what is there.
    lineColumn(prefix, cut, line, column);
    CHECK(r.errors[0].where == std::to_string(line) + ":" + std::to_string(column));
  }
  // Two exact ones: cut inside a string, and after a key.
  const std::string base = R"({"format": "1.0", "title": "T", "sources": [], "entities": [{"id": "org-a", "name)";
  onlyError(bounded(base), "c.json:1:82: JSON syntax error: syntax error while parsing object key - invalid string: "
                           "missing closing quote; last read: '\"name'; expected string literal");
  onlyError(bounded(base + "\":"), "c.json:1:84: JSON syntax error: syntax error while parsing value - unexpected end "
                                   "of input; expected '[', '{', or a literal");
}

TEST_CASE("duplicate ids across sections point at the first use", "[bad-input]") {
  Measured m = bounded(with("/relations/0/id", "org-a"));
  onlyError(m, "c.json: /relations/0/id: duplicate id \"org-a\" (first used at /entities/0/id)");
  onlyError(bounded(with("/events/0/id", "rel-1")), "c.json: /events/0/id: duplicate id \"rel-1\" (first used at /relations/0/id)");
  onlyError(bounded(with("/stories/0/id", "src-a")), "c.json: /stories/0/id: duplicate id \"src-a\" (first used at /sources/0/id)");
  json c = fullCorpus();
  c["sources"][1]["id"] = "src-a";
  c["entities"][1]["id"] = "src-a";
  Measured three = bounded(c.dump());
  const std::vector<std::string> expected = {
      "c.json: /sources/1/id: duplicate id \"src-a\" (first used at /sources/0/id)",
      "c.json: /entities/1/id: duplicate id \"src-a\" (first used at /sources/0/id)"};
  CHECK(three.errors == expected);
}

TEST_CASE("dangling references of every kind", "[bad-input]") {
  onlyError(bounded(with("/relations/0/from", "org-nowhere")), "c.json: /relations/0/from: unknown entity id \"org-nowhere\"");
  onlyError(bounded(with("/relations/0/to", "src-a")),
            "c.json: /relations/0/to: unknown entity id \"src-a\" (that id is not an entity)");
  onlyError(bounded(with("/stories/0/steps/0/focus/0", "org-x")),
            "c.json: /stories/0/steps/0/focus/0: unknown entity id \"org-x\"");
  onlyError(bounded(with("/entities/1/figures/0/citations/0/source", "org-a")),
            "c.json: /entities/1/figures/0/citations/0/source: unknown source \"org-a\" (not listed in /sources)");
  onlyError(bounded(with("/stories/0/steps/0/citations/0/source", "src-x")),
            "c.json: /stories/0/steps/0/citations/0/source: unknown source \"src-x\" (not listed in /sources)");
  // A reference to a section that never comes.
  json c = fullCorpus();
  c.erase("entities");
  Measured m = bounded(c.dump());
  REQUIRE(m.errors.size() >= 2);
  CHECK(m.errors[0] == "c.json: missing required field \"entities\"");
  CHECK(m.errors[1] == "c.json: /relations/0/from: unknown entity id \"org-a\"");
}

TEST_CASE("cycles where none may be", "[bad-input]") {
  json two = fullCorpus();
  two["relations"] = {{{"id", "rel-1"}, {"type", "renamed-to"}, {"from", "org-a"}, {"to", "org-spare"}, {"citations", kCite}},
                      {{"id", "rel-2"}, {"type", "renamed-to"}, {"from", "org-spare"}, {"to", "org-a"}, {"citations", kCite}}};
  onlyError(bounded(two.dump()), "c.json: /relations/1: cycle of \"renamed-to\" relations: org-a \u2192 org-spare \u2192 org-a");
  onlyError(bounded(with("/relations/0/type", "merged-into")),
            "c.json: /relations/0: cycle of \"merged-into\" relations: org-a \u2192 org-a");
  onlyError(bounded(with("/relations/0/type", "part-of")), "c.json: /relations/0: cycle of \"part-of\" relations: org-a \u2192 org-a");

  // A chain of 100k successions is no cycle (and no deep recursion); closing it makes one, reported
  // once, with the chain shortened.
  const int n = 100000;
  std::string ents, rels;
  for (int i = 0; i < n; ++i) {
    ents += (i ? ",\n" : "") + std::string(R"({"id": "e)") + std::to_string(i) +
            R"(", "kind": "theme", "type": "theme", "name": "x", "citations": [{"source": "s", "quote": "q"}]})";
    if (i + 1 < n)
      rels += (i ? ",\n" : "") + std::string(R"({"id": "r)") + std::to_string(i) + R"(", "type": "succeeded-by", "from": "e)" +
              std::to_string(i) + R"(", "to": "e)" + std::to_string(i + 1) + R"(", "citations": [{"source": "s", "quote": "q"}]})";
  }
  auto corpus = [&](const std::string& relations) {
    return R"({"format": "1.0", "title": "T", "sources": [{"id": "s", "title": "S", "publisher": "P"}], "entities": [)" +
           ents + "], \"relations\": [" + relations + "]}";
  };
  CHECK(bounded(corpus(rels), 2, 256).errors.empty());
  Measured loop = bounded(corpus(rels + R"(, {"id": "r-back", "type": "succeeded-by", "from": "e99999", "to": "e0",
                                             "citations": [{"source": "s", "quote": "q"}]})"),
                          2, 256);
  REQUIRE(loop.errors.size() == 1);
  CHECK(loop.errors[0] == "c.json: /relations/99999: cycle of \"succeeded-by\" relations: e0 \u2192 e1 \u2192 e2 \u2192 "
                          "e3 \u2192 \u2026 (99992 more) \u2192 e99996 \u2192 e99997 \u2192 e99998 \u2192 e99999 \u2192 e0");
}

TEST_CASE("dates out of range or impossible, in every dated field", "[bad-input]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/entities/1/date", "2014-02-30"},       {"/sources/1/date", "0000"},
      {"/relations/0/date", "10000"},           {"/events/0/date", "2014-02-29"},
      {"/entities/1/figures/0/date", "1900-02-29"}, {"/stories/0/steps/0/window", "2013-21-01/2014"},
      {"/entities/1/date", "-0001"},            {"/entities/1/date", "2014-1-5"},
      {"/entities/1/date", "2014-24/2014-21"},  {"/entities/1/date", "2014/2015/2016"},
      {"/entities/1/date", "../.."},            {"/entities/1/date", "2014-12-32"}};
  const std::vector<std::string> expected = {
      "/entities/1/date: invalid EDTF date '2014-02-30': day 30 does not exist in Feb 2014",
      "/sources/1/date: invalid EDTF date '0000': year 0000 is out of range (0001-9999)",
      "/relations/0/date: invalid EDTF date '10000': expected a four-digit year (YYYY), found '10000'",
      "/events/0/date: invalid EDTF date '2014-02-29': day 29 does not exist in Feb 2014",
      "/entities/1/figures/0/date: invalid EDTF date '1900-02-29': day 29 does not exist in Feb 1900",
      "/stories/0/steps/0/window: invalid EDTF date '2013-21-01/2014': a season (21-24) cannot have a day",
      "/entities/1/date: invalid EDTF date '-0001': expected a four-digit year (YYYY), found '-'",
      "/entities/1/date: invalid EDTF date '2014-1-5': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS, found '2014-1-5'",
      "/entities/1/date: invalid EDTF date '2014-24/2014-21': interval ends (Spring 2014) before it starts (Winter 2014)",
      "/entities/1/date: invalid EDTF date '2014/2015/2016': an interval has exactly one '/'",
      "/entities/1/date: invalid EDTF date '../..': an interval needs at least one known end",
      "/entities/1/date: invalid EDTF date '2014-12-32': day 32 does not exist in Dec 2014"};
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].first << " = " << cases[i].second);
    onlyError(bounded(with(cases[i].first, cases[i].second)), "c.json: " + expected[i]);
  }
  // The edges of the range are fine.
  CHECK(bounded(with("/entities/1/date", "0001-01-01/9999-24")).errors.empty());
  CHECK(bounded(with("/entities/1/date", "2000-02-29")).errors.empty());
}

TEST_CASE("empty input, empty objects and empty corpora", "[bad-input]") {
  onlyError(bounded(""), "c.json:1:1: JSON syntax error: syntax error while parsing value - unexpected end of input; "
                         "expected '[', '{', or a literal");
  onlyError(bounded(" \n\t"), "c.json:2:2: JSON syntax error: syntax error while parsing value - unexpected end of input; "
                              "expected '[', '{', or a literal");
  onlyError(bounded("null"), "c.json: expected a JSON object at the top level, found null");
  onlyError(bounded("{}"), "c.json: missing required field \"format\"");
  const std::vector<std::string> noSections = {"c.json: missing required field \"sources\"",
                                               "c.json: missing required field \"entities\""};
  CHECK(bounded(R"({"format": "1.0", "title": "T"})").errors == noSections);
  // Every section present and empty loads; so does one with entities and no relations at all.
  Measured empty = bounded(R"({"format": "1.0", "title": "T", "sources": [], "entities": [], "relations": [],
                               "events": [], "stories": []})");
  CHECK(empty.errors.empty());
  CHECK(empty.result.corpus.firstDay == 0);
  json noRelations = fullCorpus();
  noRelations.erase("relations");
  noRelations.erase("events");
  noRelations.erase("stories");
  Measured m = bounded(noRelations.dump());
  CHECK(m.errors.empty());
  CHECK(m.result.corpus.outRel.empty());
}

TEST_CASE("a million entities and no relations load in bounded time and memory", "[bad-input]") {
  const int n = 1000000;
  std::string text = R"({"format": "1.0", "title": "T", "sources": [{"id": "s", "title": "S", "publisher": "P"}], "entities": [)";
  text.reserve(100u * n);
  for (int i = 0; i < n; ++i) {
    text += (i ? ",\n{\"id\": \"e" : "\n{\"id\": \"e") + std::to_string(i) +
            R"(", "kind": "theme", "type": "theme", "name": "x", "citations": [{"source": "s", "quote": "q"}]})";
  }
  text += "]}";
  Measured m = bounded(text, 4, 1024);
  CHECK(m.errors.empty());
  CHECK(m.result.corpus.entities.size() == size_t(n));
  CHECK(m.result.corpus.findEntity("e999999") == n - 1);
}
