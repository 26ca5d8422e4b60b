#include "core/story_edit.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/edtf.h"

namespace nhsx {

namespace {

DateField dayField(int32_t day) {
  DateField d;
  d.text = isoDay(day);
  d.value = parseEdtf(d.text).date;
  return d;
}

DateField intervalField(int32_t first, int32_t last) {
  DateField d;
  d.text = isoDay(first) + "/" + isoDay(last);
  d.value = parseEdtf(d.text).date;
  return d;
}

}  // namespace

StoryStep captureStep(const Corpus& c, const ViewState& s) {
  StoryStep st;
  st.view = viewName(s.view);
  if (s.selected >= 0 && static_cast<size_t>(s.selected) < c.entities.size()) {
    st.focus.push_back(static_cast<uint32_t>(s.selected));
    if (s.pathTo >= 0 && static_cast<size_t>(s.pathTo) < c.entities.size()) st.pathTo.push_back(static_cast<uint32_t>(s.pathTo));
    st.title = c.entities[static_cast<size_t>(s.selected)].name;
  } else {
    st.title = s.view == View::Timeline ? "The timeline" : s.view == View::Graph ? "The relationships" : "The overview";
  }
  if (s.asOf != kNoDay) st.asOf = dayField(s.asOf);
  if (s.windowTo > s.windowFrom) {
    const int32_t first = static_cast<int32_t>(std::floor(s.windowFrom));
    const int32_t last = std::max(first, static_cast<int32_t>(std::ceil(s.windowTo)) - 1);
    st.window = intervalField(first, last);
  }
  const FilterSpec& f = s.filter;
  st.kinds.assign(f.kinds.begin(), f.kinds.end());
  st.orgTypes.assign(f.orgTypes.begin(), f.orgTypes.end());
  st.relationTypes.assign(f.relationTypes.begin(), f.relationTypes.end());
  for (const std::string& t : f.themes) {
    const int e = c.findEntity(t);
    if (e >= 0) st.themes.push_back(static_cast<uint32_t>(e));  // a theme this corpus lacks filters nothing
  }
  st.origins.assign(f.origins.begin(), f.origins.end());
  if (f.fromDay != Date::kOpenStart) st.from = dayField(f.fromDay);
  if (f.toDay != Date::kOpenEnd) st.to = dayField(f.toDay);
  // Two dates compared, as whole days (following the step compares the same two: each end at its end).
  if (s.comparing()) st.compare = intervalField(s.compareFirst, s.compareSecond);
  return st;
}

void recordInto(StoryStep& step, const StoryStep& captured) {
  StoryStep next = captured;
  next.title = std::move(step.title);
  next.narration = std::move(step.narration);
  next.citations = std::move(step.citations);
  step = std::move(next);
}

bool sameCitation(const Citation& a, const Citation& b) {
  return a.source == b.source && a.quote == b.quote && a.note == b.note;
}

std::vector<OfferedCitation> offeredCitations(const Corpus& c, const StoryStep& step) {
  std::vector<OfferedCitation> out;
  std::vector<uint32_t> items = step.focus;
  items.insert(items.end(), step.pathTo.begin(), step.pathTo.end());
  std::vector<uint8_t> relSeen(c.relations.size(), 0);
  auto addRelation = [&](uint32_t ri) {
    if (ri >= c.relations.size() || relSeen[ri]) return;
    relSeen[ri] = 1;
    const Relation& r = c.relations[ri];
    const std::string label = c.entities[r.from].name + " \xe2\x80\x94 " + std::string(relationTypes()[static_cast<size_t>(r.type)].label) +
                              " \xe2\x86\x92 " + c.entities[r.to].name;
    for (size_t k = 0; k < r.citations.size(); ++k)
      out.push_back({r.id + "#" + std::to_string(k), label, r.citations[k]});
  };
  for (uint32_t e : items) {
    if (e >= c.entities.size()) continue;
    const Entity& en = c.entities[e];
    for (size_t k = 0; k < en.citations.size(); ++k) out.push_back({en.id + "#" + std::to_string(k), en.name, en.citations[k]});
  }
  for (uint32_t e : items) {
    if (e >= c.entities.size() || e + 1 >= c.outStart.size()) continue;
    for (uint32_t i = c.outStart[e]; i < c.outStart[e + 1]; ++i) addRelation(c.outRel[i]);
    for (uint32_t i = c.inStart[e]; i < c.inStart[e + 1]; ++i) addRelation(c.inRel[i]);
  }
  return out;
}

const Citation* citationByRef(const Corpus& c, std::string_view ref) {
  const size_t hash = ref.rfind('#');
  if (hash == std::string_view::npos || hash + 1 >= ref.size() || ref.size() - hash > 7) return nullptr;
  size_t k = 0;
  for (char ch : ref.substr(hash + 1)) {
    if (ch < '0' || ch > '9') return nullptr;
    k = k * 10 + static_cast<size_t>(ch - '0');
  }
  const std::string_view id = ref.substr(0, hash);
  const int e = c.findEntity(id);
  if (e >= 0) {
    const auto& cits = c.entities[static_cast<size_t>(e)].citations;
    return k < cits.size() ? &cits[k] : nullptr;
  }
  for (const Relation& r : c.relations)
    if (r.id == id) return k < r.citations.size() ? &r.citations[k] : nullptr;
  return nullptr;
}

std::string refOfCitation(const Corpus& c, const Citation& cit, const StoryStep& step) {
  for (const OfferedCitation& o : offeredCitations(c, step))
    if (sameCitation(o.citation, cit)) return o.ref;
  return {};
}

nlohmann::ordered_json storyToJson(const Corpus& c, const Story& s) {
  using json = nlohmann::ordered_json;
  auto ids = [&](const std::vector<uint32_t>& v) {
    json a = json::array();
    for (uint32_t e : v) if (e < c.entities.size()) a.push_back(c.entities[e].id);
    return a;
  };
  json j = {{"id", s.id}, {"title", s.title}};
  if (!s.description.empty()) j["description"] = s.description;
  if (s.own) j["own"] = true;
  json steps = json::array();
  for (const StoryStep& p : s.steps) {
    json st = {{"title", p.title}, {"narration", p.narration}};
    if (!p.view.empty()) st["view"] = p.view;
    if (p.asOf.present()) st["asOf"] = p.asOf.text;
    if (p.window.present()) st["window"] = p.window.text;
    if (!p.focus.empty()) st["focus"] = ids(p.focus);
    if (!p.kinds.empty()) {
      json k = json::array();
      for (Kind kind : p.kinds) k.push_back(std::string(kindName(kind)));
      st["kinds"] = k;
    }
    if (!p.orgTypes.empty()) st["orgTypes"] = p.orgTypes;
    if (!p.relationTypes.empty()) {
      json r = json::array();
      for (int t : p.relationTypes)
        if (t >= 0 && static_cast<size_t>(t) < relationTypes().size()) r.push_back(std::string(relationTypes()[static_cast<size_t>(t)].id));
      st["relationTypes"] = r;
    }
    if (!p.themes.empty()) st["themes"] = ids(p.themes);
    if (!p.origins.empty()) {
      json o = json::array();
      for (int g : p.origins) o.push_back(g == kOriginOwn ? "own" : "map");
      st["origins"] = o;
    }
    if (p.from.present()) st["from"] = p.from.text;
    if (p.to.present()) st["to"] = p.to.text;
    if (!p.pathTo.empty() && p.pathTo[0] < c.entities.size()) st["pathTo"] = c.entities[p.pathTo[0]].id;
    if (p.compare.present()) st["compare"] = p.compare.text;
    json cits = json::array();
    for (const Citation& cit : p.citations) {
      if (cit.source >= c.sources.size()) continue;
      json o = {{"source", c.sources[cit.source].id}};
      if (!cit.quote.empty()) o["quote"] = cit.quote;
      if (!cit.note.empty()) o["note"] = cit.note;
      cits.push_back(std::move(o));
    }
    if (!cits.empty() || !s.own) st["citations"] = cits;
    steps.push_back(std::move(st));
  }
  j["steps"] = steps;
  return j;
}

std::string writeStory(const Corpus& c, const Story& s) {
  return storyToJson(c, s).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::vector<Diagnostic> checkStory(const Corpus& c, const Story& s) {
  Story named = s;
  // The story's own id is not a clash with itself when it is already in the corpus.
  for (size_t i = 0; i < c.stories.size(); ++i)
    if (c.stories[i].id == s.id) named.id = freeStoryId(c, s.id.empty() ? "story" : s.id);
  if (named.id.empty()) named.id = freeStoryId(c, "story");
  return loadStories(storyToJson(c, named).dump(), c).errors;
}

// ---- the draft ------------------------------------------------------------------------------------

void StoryDraft::reset(Story s) {
  story_ = std::move(s);
  current_ = story_.steps.empty() ? -1 : 0;
  undo_.clear();
  redo_.clear();
  typing_.clear();
  ++version_;
}

void StoryDraft::setCurrent(int i) {
  if (i < -1 || i >= static_cast<int>(story_.steps.size())) return;
  if (i != current_) typing_.clear();
  current_ = i;
}

StoryStep* StoryDraft::step() {
  return current_ >= 0 && static_cast<size_t>(current_) < story_.steps.size() ? &story_.steps[static_cast<size_t>(current_)]
                                                                              : nullptr;
}

// The undo point of an edit: the draft as it was. Keystrokes in the field being typed into add none.
void StoryDraft::begin(const std::string& typingKey) {
  ++version_;
  if (!typingKey.empty() && typingKey == typing_) return;
  typing_ = typingKey;
  undo_.push_back({story_, current_});
  if (undo_.size() > 200) undo_.erase(undo_.begin());
  redo_.clear();
}

void StoryDraft::record(StoryStep captured) {
  begin();
  const size_t at = current_ < 0 ? story_.steps.size() : static_cast<size_t>(current_) + 1;
  story_.steps.insert(story_.steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(captured));
  current_ = static_cast<int>(at);
}

void StoryDraft::rerecord(const StoryStep& captured) {
  if (!step()) return;
  begin();
  recordInto(*step(), captured);
}

void StoryDraft::move(int delta) {
  const int to = current_ + delta;
  if (!step() || to < 0 || to >= static_cast<int>(story_.steps.size())) return;
  begin();
  std::swap(story_.steps[static_cast<size_t>(current_)], story_.steps[static_cast<size_t>(to)]);
  current_ = to;
}

void StoryDraft::remove() {
  if (!step()) return;
  begin();
  story_.steps.erase(story_.steps.begin() + current_);
  current_ = std::min(current_, static_cast<int>(story_.steps.size()) - 1);
}

void StoryDraft::setTitle(const std::string& t) {
  if (t == story_.title) return;
  begin("title");
  story_.title = t;
}

void StoryDraft::setDescription(const std::string& t) {
  if (t == story_.description) return;
  begin("description");
  story_.description = t;
}

void StoryDraft::setStepTitle(const std::string& t) {
  if (!step() || step()->title == t) return;
  begin("step-title#" + std::to_string(current_));
  step()->title = t;
}

void StoryDraft::setNarration(const std::string& t) {
  if (!step() || step()->narration == t) return;
  begin("narration#" + std::to_string(current_));
  step()->narration = t;
}

void StoryDraft::setCitations(std::vector<Citation> cits) {
  if (!step()) return;
  begin();
  step()->citations = std::move(cits);
}

bool StoryDraft::undo() {
  if (undo_.empty()) return false;
  redo_.push_back({story_, current_});
  story_ = std::move(undo_.back().story);
  current_ = undo_.back().current;
  undo_.pop_back();
  typing_.clear();
  ++version_;
  return true;
}

bool StoryDraft::redo() {
  if (redo_.empty()) return false;
  undo_.push_back({story_, current_});
  story_ = std::move(redo_.back().story);
  current_ = redo_.back().current;
  redo_.pop_back();
  typing_.clear();
  ++version_;
  return true;
}

}  // namespace nhsx
