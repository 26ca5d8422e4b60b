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
#include "core/csv_import.h"
#include "core/edtf.h"
#include "core/quote_check.h"
#include "core/url_state.h"

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
      for (uint32_t e : st.focus)
        if (e >= n) return "story " + s.id + " focuses an entity out of range";
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
