// What each fuzz target checks for one input, shared by the libFuzzer targets (fuzz/fuzz_*.cpp) and
// the unit test that replays saved crashers (tests/unit/test_fuzz_regressions.cpp). Each returns an
// empty string when the input is handled well, else which property broke. Crashes and sanitizer
// reports are caught by the fuzzer and the sanitizer build; these add the properties a crash-free
// run could still break (indices out of range, round trips that change the value).
#pragma once
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus_loader.h"
#include "core/corpus_merge.h"
#include "core/csv_import.h"
#include "core/export.h"
#include "core/sheet_import.h"
#include "core/edtf.h"
#include "core/embed_snippet.h"
#include "core/quote_check.h"
#include "core/story_edit.h"
#include "core/story_link.h"
#include "core/url_state.h"
#include "core/view_link.h"

namespace nhsx::fuzz {

// Every index a loaded corpus holds is in range: the views index with them unchecked.
inline std::string corpusInvariants(const Corpus& c) {
  const size_t n = c.entities.size();
  auto citesOk = [&](const std::vector<Citation>& cits) {
    for (const Citation& cit : cits)
      if (cit.source >= c.sources.size()) return false;
    return true;
  };
  if (c.outStart.size() != n + 1 || c.inStart.size() != n + 1) return "index arrays not sized to the entities";
  for (const Entity& e : c.entities) {
    if (!citesOk(e.citations)) return "entity " + e.id + " cites a source out of range";
    for (const Figure& f : e.figures)
      if (!citesOk(f.citations)) return "a figure of " + e.id + " cites a source out of range";
  }
  for (const Relation& r : c.relations)
    if (r.from >= n || r.to >= n || !citesOk(r.citations)) return "relation " + r.id + " has an index out of range";
  for (const Event& ev : c.events) {
    for (uint32_t e : ev.entities)
      if (e >= n) return "event " + ev.id + " names an entity out of range";
    if (!citesOk(ev.citations)) return "event " + ev.id + " cites a source out of range";
  }
  for (const Story& s : c.stories)
    for (const StoryStep& st : s.steps) {
      for (const auto* refs : {&st.focus, &st.themes, &st.pathTo})
        for (uint32_t e : *refs)
          if (e >= n) return "story " + s.id + " names an entity out of range";
      if (!citesOk(st.citations)) return "story " + s.id + " cites a source out of range";
    }
  return "";
}

// Errors quote long values by their start and size, so a message stays readable whatever the input.
constexpr size_t kMaxMessageBytes = 2048;

// The loader and the validator's checks: every error says what, briefly; a loaded corpus is
// consistent; the quote check runs (the input itself stands in for every seed document).
inline std::string checkLoader(std::string_view text) {
  LoadResult r = loadCorpus(text, false);
  for (const Diagnostic& d : r.errors) {
    if (d.message.empty()) return "an error without a message at " + d.where;
    if (d.message.size() > kMaxMessageBytes) {
      return "a message of " + std::to_string(d.message.size()) + " bytes at " + d.where + ": " + d.message.substr(0, 80);
    }
    (void)formatDiagnostic("f.json", d);
  }
  if (!r.ok()) return "";
  if (std::string e = corpusInvariants(r.corpus); !e.empty()) return e;
  std::map<std::string, std::string> seeds;
  for (const Source& s : r.corpus.sources)
    if (!s.seed.empty()) seeds[s.seed] = std::string(text);
  (void)checkQuotes(r.corpus, seeds);
  return "";
}

// A date that parses prints, covers a day range, and its canonical EDTF text parses back to itself.
inline std::string checkEdtf(std::string_view text) {
  DateParse p = parseEdtf(text);
  if (!p.ok) return p.error.empty() ? "refused without an error" : "";
  const Date& d = p.date;
  if (d.firstDay() > d.lastDay()) return "first day after last day";
  (void)formatUk(d);
  (void)describePrecision(d);
  const std::string canonical = toEdtf(d);
  DateParse again = parseEdtf(canonical);
  if (!again.ok) return "canonical form '" + canonical + "' does not parse: " + again.error;
  if (toEdtf(again.date) != canonical) return "canonical form '" + canonical + "' changes when read back";
  if (again.date.firstDay() != d.firstDay() || again.date.lastDay() != d.lastDay()) return "day range changes";
  return "";
}

// A decoded link encodes to a text that decodes without warnings to the same state (from the first
// encoding on: the encoder keeps the window to the minute).
inline std::string checkUrlState(std::string_view text) {
  std::vector<std::string> warnings;
  const UrlState first = decodeUrlState(text, &warnings);
  for (const std::string& w : warnings)
    if (w.empty()) return "an empty warning";
  if (first.has("sel") && !isValidId(first.get("sel"))) return "kept a selection that is not an id";
  const std::string encoded = encodeUrlState(first);
  std::vector<std::string> again;
  const UrlState second = decodeUrlState(encoded, &again);
  if (!again.empty()) return "its own encoding '" + encoded + "' warns: " + again[0];
  if (encodeUrlState(second) != encoded) return "encoding '" + encoded + "' changes when read back";
  // The view it describes (in a corpus with nothing in it): a comparison has both dates, in order, and
  // is written back as read.
  static const Corpus kEmpty = [] { Corpus c; c.buildIndex(); return c; }();
  const ViewState v = fromUrlState(first, kEmpty, nullptr);
  if ((v.compareFirst == kNoDay) != (v.compareSecond == kNoDay)) return "a comparison with one date";
  if (v.comparing() && v.compareFirst > v.compareSecond) return "a comparison out of order";
  if (toUrlState(v, kEmpty).get("cmp") != first.get("cmp")) return "the comparison '" + first.get("cmp") + "' changes in the view";
  return "";
}

// The embed dialog's choices read from any text (the page sends them; the base is the page's address):
// the snippet stays one iframe element whatever the address holds, with only its six quoted attributes,
// and its address has nothing that could end the attribute or start a tag.
inline std::string checkEmbedSnippet(std::string_view text) {
  std::vector<std::string> warnings;
  const EmbedOptions o = parseEmbedOptions(text, &warnings);
  for (const std::string& w : warnings)
    if (w.empty()) return "an empty warning";
  const std::string url = embedUrl(o);
  for (char ch : url) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f || ch == '"' || ch == '\'' || ch == '<' || ch == '>' || ch == '`')
      return "the address holds byte " + std::to_string(c);
  }
  const std::string snippet = embedSnippet(o);
  size_t quotes = 0, lt = 0;
  for (char ch : snippet) {
    quotes += ch == '"';
    lt += ch == '<';
  }
  if (quotes != 12) return "the snippet has " + std::to_string(quotes) + " quotes";
  if (lt != 2 || snippet.rfind("<iframe src=\"", 0) != 0) return "the snippet is not one iframe element";
  if (!o.select.empty() && url.find("select=" + o.select) == std::string::npos) return "the selection is not in the address";
  return "";
}

// The CSV importer on two files cut from one input (at the first NUL byte, if any): errors say where
// and what, and an imported corpus is consistent.
inline std::string checkCsv(std::string_view text) {
  const size_t cut = text.find('\0');
  const std::string_view entities = text.substr(0, cut);
  const std::string_view relations = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
  CsvImportResult r = importCsv(entities, "entities.csv", relations, "relations.csv");
  for (const Diagnostic& d : r.errors) {
    if (d.message.empty()) return "an error without a message at " + d.where;
    (void)formatCsvDiagnostic(d);
  }
  return r.ok() ? corpusInvariants(r.corpus) : "";
}

// A small map for the forgiving importer to find names on and merge onto: a body with an alias, a body
// known by an abbreviation, and a merger the imported relations can close a cycle with.
inline const Corpus& sheetBase() {
  static const LoadResult base = loadCorpus(R"({"format": "1.0", "title": "map",
    "sources": [{"id": "src-map", "title": "Map", "publisher": "P", "external": true}],
    "entities": [
      {"id": "org-nhs-england", "kind": "organisation", "type": "arms-length-body", "name": "NHS England",
       "aliases": ["NHSE"], "citations": [{"source": "src-map", "note": "n"}]},
      {"id": "org-acevo", "kind": "organisation", "type": "membership-body", "name": "Association of Chief Executives of Voluntary Organisations",
       "aliases": ["ACEVO"], "shortName": "ACEVO", "citations": [{"source": "src-map", "note": "n"}]},
      {"id": "org-monitor", "kind": "organisation", "type": "regulator", "name": "Monitor", "citations": [{"source": "src-map", "note": "n"}]},
      {"id": "org-nhs-improvement", "kind": "organisation", "type": "regulator", "name": "NHS Improvement", "citations": [{"source": "src-map", "note": "n"}]}],
    "relations": [{"id": "rel-monitor-merged", "type": "merged-into", "from": "org-monitor", "to": "org-nhs-improvement",
                   "citations": [{"source": "src-map", "note": "n"}]}]})",
                                            false);
  return base.corpus;
}

// A corpus exported whole loads again without errors: it passes every corpus rule.
inline std::string reloads(const Corpus& c, const char* what) {
  const std::vector<uint8_t> ev(c.entities.size(), 1), rv(c.relations.size(), 1);
  LoadResult back = loadCorpus(exportJson(c, ev, rv), false);
  if (!back.ok()) return std::string(what) + " does not load back: " + back.errors[0].where + " " + back.errors[0].message;
  if (back.corpus.entities.size() != c.entities.size() || back.corpus.relations.size() != c.relations.size()) {
    return std::string(what) + " loads back with other counts";
  }
  return "";
}

// The forgiving importer on one sheet, or on two cut at the first NUL byte, with the small map as base;
// then the merge onto it. Messages are short and say what; an import that succeeds, and its merge, pass
// the loader's rules and hold only indices in range; the map's entities keep their places.
inline std::string checkSheet(std::string_view text) {
  const Corpus& base = sheetBase();
  if (base.entities.size() != 4) return "the fuzz map does not load";
  const size_t cut = text.find('\0');
  SheetImportOptions o;
  o.base = &base;
  SheetImportResult r = cut == std::string_view::npos
                            ? importTable({text, "table.csv"}, o)
                            : importSheets({text.substr(0, cut), "entities.csv"}, {text.substr(cut + 1), "relations.csv"}, o);
  for (const std::vector<Diagnostic>* list : {&r.errors, &r.warnings}) {
    if (list->size() > 40 * 14) return "too many messages: " + std::to_string(list->size());
    for (const Diagnostic& d : *list) {
      if (d.message.empty()) return "a message without text at " + d.where;
      if (d.message.size() + d.where.size() > kMaxMessageBytes) return "a message of " + std::to_string(d.message.size()) + " bytes";
    }
  }
  if (r.review.summary.size() > 16384) return "a review of " + std::to_string(r.review.summary.size()) + " bytes";
  if (!r.ok()) return r.corpus.entities.empty() ? "" : "a failed import kept entities";
  const Corpus& c = r.corpus;
  if (std::string e = corpusInvariants(c); !e.empty()) return "import: " + e;
  if (r.entityWhere.size() != c.entities.size() || r.relationWhere.size() != c.relations.size()) return "locations not one per item";
  for (const Entity& e : c.entities) {
    if (e.noSource() && !e.own) return "entity " + e.id + " is not the user's and cites nothing";
  }
  if (std::string e = reloads(c, "the import"); !e.empty()) return e;
  MergeResult m = mergeImport(base, r);
  if (!m.ok()) return m.corpus.entities.empty() ? "" : "a failed merge kept entities";
  if (std::string e = corpusInvariants(m.corpus); !e.empty()) return "merge: " + e;
  for (size_t i = 0; i < base.entities.size(); ++i) {
    if (m.corpus.entities[i].id != base.entities[i].id) return "the map's entity " + base.entities[i].id + " moved";
  }
  if (m.entityIndex.size() != c.entities.size()) return "merge: entity map not one per entity";
  for (uint32_t e : m.entityIndex) {
    if (e >= m.corpus.entities.size()) return "merge: an entity mapped out of range";
  }
  return reloads(m.corpus, "the merge");
}

// A shared story's link ("tour=..."), on the map of sheetBase(): the input as the link's value, and as
// the text its value encodes (so the story's JSON is reached too). A refused link says why; an accepted
// story names only the map's entities and sources, and its own link reads back the same story.
inline std::string checkStoryLink(std::string_view text) {
  const Corpus& c = sheetBase();
  for (const std::string& value : {std::string(text), link::base64UrlEncode(text)}) {
    const StoryLinkResult r = decodeStoryLink(value, c);
    for (const std::string& w : r.warnings)
      if (w.empty()) return "an empty warning";
    if (!r.ok) {
      if (r.warnings.empty()) return "a story link refused without a warning";
      continue;
    }
    const size_t n = c.entities.size();
    for (const StoryStep& st : r.story.steps) {
      for (const auto* refs : {&st.focus, &st.themes, &st.pathTo})
        for (uint32_t e : *refs)
          if (e >= n) return "a shared story names an entity out of range";
      for (const Citation& cit : st.citations)
        if (cit.source >= c.sources.size()) return "a shared story cites a source out of range";
    }
    const StoryLinkResult again = decodeStoryLink(encodeStoryLink(c, r.story), c);
    if (!again.ok) return "a story's own link is refused: " + (again.warnings.empty() ? "" : again.warnings[0]);
    if (writeStory(c, again.story) != writeStory(c, r.story)) return "a story changes when its link is read back";
  }
  return "";
}

// The deep-link target: the link's fields, then a shared story in it.
inline std::string checkDeepLink(std::string_view text) {
  std::string problem = checkUrlState(text);
  return problem.empty() ? checkStoryLink(text) : problem;
}

// The first part of a small split corpus (an entity with a figure, one of the user's own, a relation,
// an event, a story and an own story): the second parts the fuzzer makes are attached to it.
inline constexpr std::string_view kCitationsFirstPart = R"({"format": "1.0", "title": "T",
  "splitFrom": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "entities": [
    {"id": "org-a", "kind": "organisation", "type": "charity", "name": "A", "figures": [{"label": "Staff", "value": 3}]},
    {"id": "org-b", "kind": "organisation", "type": "nhs-trust", "name": "B"},
    {"id": "org-own", "kind": "organisation", "type": "charity", "name": "Mine", "own": true}],
  "relations": [{"id": "rel-1", "type": "partner-in", "from": "org-a", "to": "org-b"}],
  "events": [{"id": "ev-1", "type": "launch", "name": "L", "date": "2014-07-28", "entities": ["org-b"]}],
  "stories": [{"id": "story-1", "title": "S", "steps": [{"title": "One", "narration": "N", "focus": ["org-a"]}]},
              {"id": "story-own", "title": "Mine", "own": true, "steps": [{"title": "One", "narration": "N"}]}]})";

// No citation and no source anywhere: a first part as loaded, or after a refused second part.
inline bool uncited(const Corpus& c) {
  bool none = c.sources.empty();
  for (const Entity& e : c.entities) {
    none = none && e.citations.empty();
    for (const Figure& f : e.figures) none = none && f.citations.empty();
  }
  for (const Relation& r : c.relations) none = none && r.citations.empty();
  for (const Event& e : c.events) none = none && e.citations.empty();
  for (const Story& s : c.stories) for (const StoryStep& st : s.steps) none = none && st.citations.empty();
  return none;
}

// A second part attached to the first (core/corpus_loader.h, attachCitations): every error says what,
// briefly; refused, the first part is as it was (awaiting, no citation, no source) and takes a second
// part again; taken, every item that must cite has its citations, each of a listed source.
inline std::string checkCitations(std::string_view text) {
  LoadResult r = loadCorpusView(kCitationsFirstPart);
  if (!r.ok()) return "the first part does not load: " + r.errors[0].where + ": " + r.errors[0].message;
  Corpus& c = r.corpus;
  const std::vector<Diagnostic> errors = attachCitations(c, text);
  for (const Diagnostic& d : errors) {
    if (d.message.empty()) return "an error without a message at " + d.where;
    if (d.message.size() > kMaxMessageBytes)
      return "a message of " + std::to_string(d.message.size()) + " bytes at " + d.where + ": " + d.message.substr(0, 80);
  }
  if (!errors.empty()) {
    if (c.citationsState != CitationsState::Pending) return "a refused second part changed the corpus's state";
    if (!uncited(c)) return "a refused second part left citations or sources behind";
    return "";
  }
  if (c.citationsState != CitationsState::Present) return "a second part taken, yet the corpus still awaits one";
  if (std::string e = corpusInvariants(c); !e.empty()) return e;
  for (const Entity& e : c.entities) {
    if (!e.own && e.citations.empty()) return "entity " + e.id + " has no citation";
    for (const Figure& f : e.figures)
      if (f.citations.empty()) return "a figure of " + e.id + " has no citation";
  }
  for (const Relation& rel : c.relations)
    if (!rel.own && rel.citations.empty()) return "relation " + rel.id + " has no citation";
  for (const Event& ev : c.events)
    if (ev.citations.empty()) return "event " + ev.id + " has no citation";
  for (const Story& s : c.stories)
    for (const StoryStep& st : s.steps)
      if (!s.own && st.citations.empty()) return "a step of story " + s.id + " has no citation";
  if (attachCitations(c, text).empty()) return "a second part was taken twice";
  return "";
}

}  // namespace nhsx::fuzz

// The libFuzzer entry point of a target that runs one of the checks above: a broken property traps, so
// libFuzzer saves the input like any crash.
#define NHSX_FUZZ_TARGET(check)                                                                   \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {                       \
    const std::string problem = check(std::string_view(reinterpret_cast<const char*>(data), size)); \
    if (!problem.empty()) {                                                                       \
      std::fprintf(stderr, "fuzz check failed: %s\n", problem.c_str());                          \
      __builtin_trap();                                                                           \
    }                                                                                             \
    return 0;                                                                                     \
  }
