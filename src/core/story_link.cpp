#include "core/story_link.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "core/corpus_loader.h"
#include "core/story_edit.h"
#include "core/text_util.h"

namespace nhsx {

namespace link {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
int sextet(char ch) {
  if (ch >= 'A' && ch <= 'Z') return ch - 'A';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
  if (ch >= '0' && ch <= '9') return ch - '0' + 52;
  if (ch == '-') return 62;
  if (ch == '_') return 63;
  return -1;
}
}  // namespace

std::string base64UrlEncode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 63];
  return out;
}

bool base64UrlDecode(std::string_view text, std::string& out, size_t* bad) {
  out.clear();
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const int v = sextet(text[i]);
    if (v < 0) {
      if (text[i] == '=' && i + 2 >= text.size()) break;  // padding some tools add
      if (bad) *bad = i;
      return false;
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return true;
}

}  // namespace link

namespace {

using json = nlohmann::ordered_json;
using KeyMap = std::vector<std::pair<const char*, const char*>>;  // long, short

const KeyMap kStoryKeys = {{"id", "i"}, {"title", "t"}, {"description", "d"}, {"own", "o"}, {"steps", "s"}};
const KeyMap kStepKeys = {{"title", "t"},     {"narration", "n"}, {"view", "v"},          {"asOf", "a"},
                          {"window", "w"},    {"focus", "f"},     {"kinds", "k"},         {"orgTypes", "y"},
                          {"relationTypes", "r"}, {"themes", "h"}, {"origins", "g"},      {"from", "b"},
                          {"to", "e"},        {"pathTo", "p"},    {"citations", "c"},     {"compare", "m"}};
const KeyMap kCitationKeys = {{"source", "s"}, {"quote", "q"}, {"note", "n"}};

json renamed(const json& o, const KeyMap& keys, bool toShort, std::vector<std::string>* unknown) {
  json out = json::object();
  for (auto it = o.begin(); it != o.end(); ++it) {
    bool found = false;
    for (const auto& [l, s] : keys) {
      if (it.key() == (toShort ? l : s)) {
        out[toShort ? s : l] = it.value();
        found = true;
        break;
      }
    }
    if (!found && unknown) unknown->push_back(it.key());
  }
  return out;
}

std::string say(const std::string& where, const std::string& what) {
  return std::string(kStoryLinkKey) + ": " + (where.empty() ? "" : where + ": ") + what;
}

}  // namespace

std::string encodeStoryLink(const Corpus& c, const Story& s) {
  json full = storyToJson(c, s);
  json steps = json::array();
  for (size_t i = 0; i < s.steps.size(); ++i) {
    json st = full["steps"][i];
    json cits = json::array();
    for (size_t k = 0; k < s.steps[i].citations.size() && k < st["citations"].size(); ++k) {
      const std::string ref = refOfCitation(c, s.steps[i].citations[k], s.steps[i]);
      cits.push_back(ref.empty() ? renamed(st["citations"][k], kCitationKeys, true, nullptr) : json(ref));
    }
    if (st.contains("citations")) st["citations"] = cits;
    steps.push_back(renamed(st, kStepKeys, true, nullptr));
  }
  full["steps"] = steps;
  return link::base64UrlEncode(renamed(full, kStoryKeys, true, nullptr).dump(-1, ' ', false, json::error_handler_t::replace));
}

StoryLinkResult decodeStoryLink(std::string_view value, const Corpus& c) {
  StoryLinkResult r;
  constexpr size_t kMaxText = 1u << 20;
  if (value.size() > kMaxText) {
    r.warnings.push_back(say("", "the shared story is too long (" + std::to_string(value.size()) + " characters)"));
    return r;
  }
  std::string text;
  size_t bad = 0;
  if (!link::base64UrlDecode(value, text, &bad)) {
    r.warnings.push_back(say("", "expected the letters, digits, '-' and '_' of a shared story; found " +
                                     quoteValue(value.substr(bad, 1), '"', true) + " at character " + std::to_string(bad + 1)));
    return r;
  }
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    r.warnings.push_back(say("", "the shared story is damaged (its text is not a story); was the link cut short?"));
    return r;
  }
  std::vector<std::string> unknown;
  json full = renamed(j, kStoryKeys, false, &unknown);
  std::vector<std::string> notes;  // what was dropped, located; the story still opens
  if (full.contains("steps") && full["steps"].is_array()) {
    json steps = json::array();
    for (size_t i = 0; i < full["steps"].size(); ++i) {
      const json& st = full["steps"][i];
      if (!st.is_object()) { steps.push_back(st); continue; }
      json step = renamed(st, kStepKeys, false, &unknown);
      if (step.contains("citations") && step["citations"].is_array()) {
        json cits = json::array();
        for (size_t k = 0; k < step["citations"].size(); ++k) {
          const json& cit = step["citations"][k];
          const std::string where = "/steps/" + std::to_string(i) + "/citations/" + std::to_string(k);
          if (cit.is_string()) {
            const Citation* found = citationByRef(c, cit.get<std::string>());
            if (!found || found->source >= c.sources.size()) {
              notes.push_back(say(where, "no citation " + quoteValue(cit.get<std::string>()) + " in this corpus; left out"));
              continue;
            }
            json o = {{"source", c.sources[found->source].id}};
            if (!found->quote.empty()) o["quote"] = found->quote;
            if (!found->note.empty()) o["note"] = found->note;
            cits.push_back(std::move(o));
          } else if (cit.is_object()) {
            cits.push_back(renamed(cit, kCitationKeys, false, &unknown));
          } else {
            cits.push_back(cit);  // the checks say what is wrong with it
          }
        }
        step["citations"] = cits;
      }
      steps.push_back(std::move(step));
    }
    full["steps"] = steps;
  }
  for (const std::string& u : unknown) notes.push_back(say("", "unknown field " + quoteValue(u, '"', true) + " skipped"));
  StoriesResult loaded = loadStories(full.dump(-1, ' ', false, json::error_handler_t::replace), c);
  for (const Diagnostic& d : loaded.errors) r.warnings.push_back(say(d.where, d.message));
  if (!loaded.ok() || loaded.stories.size() != 1) {
    r.warnings.insert(r.warnings.end(), notes.begin(), notes.end());
    if (r.warnings.empty()) r.warnings.push_back(say("", "expected one story"));
    return r;
  }
  r.ok = true;
  r.story = std::move(loaded.stories[0]);
  r.warnings = std::move(notes);
  return r;
}

std::string storyLinkValue(std::string_view text) {
  size_t start = 0;
  const std::string key = std::string(kStoryLinkKey) + "=";
  while (start <= text.size()) {
    size_t end = text.find_first_of("&#?", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = text.substr(start, end - start);
    if (piece.substr(0, key.size()) == key) return std::string(piece.substr(key.size()));
    start = end + 1;
  }
  return {};
}

}  // namespace nhsx
