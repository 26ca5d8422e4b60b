#include "core/view_link.h"

#include <cstdio>

#include "core/actions.h"

namespace nhsx {

namespace {
std::string idOf(const Corpus& c, int entity) {
  return entity >= 0 && static_cast<size_t>(entity) < c.entities.size() ? c.entities[static_cast<size_t>(entity)].id
                                                                         : std::string();
}

int entityOf(const Corpus& c, const std::string& id, const char* field, std::vector<std::string>* warnings) {
  if (id.empty()) return -1;
  const int e = c.findEntity(id);
  if (e < 0 && warnings) warnings->push_back(std::string(field) + ": no entity \"" + id + "\" in this corpus; ignored");
  return e;
}
}  // namespace

uint32_t parseAccent(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return 0;
  uint32_t v = 0;
  for (size_t i = 1; i < 7; ++i) {
    const char ch = hex[i];
    const int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
    if (d < 0) return 0;
    v = v * 16 + static_cast<uint32_t>(d);
  }
  return v | 0x1000000u;
}

UrlState toUrlState(const ViewState& s, const Corpus& c) {
  UrlState u;
  u.view = viewName(s.view);
  u.selected = idOf(c, s.selected);
  u.pathTo = u.selected.empty() ? std::string() : idOf(c, s.pathTo);
  if (s.windowTo > s.windowFrom) { u.windowFrom = s.windowFrom; u.windowTo = s.windowTo; }
  u.asOf = s.asOf;
  u.filter = s.filter;
  if (s.story >= 0 && static_cast<size_t>(s.story) < c.stories.size()) {
    u.story = c.stories[static_cast<size_t>(s.story)].id;
    u.storyStep = s.storyStep;
  }
  u.embed = s.embed;
  u.presentation = s.presentation;
  u.theme = s.dark ? "dark" : "";
  if (s.accent) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", s.accent & 0xffffffu);
    u.accent = buf;
  }
  return u;
}

ViewState fromUrlState(const UrlState& u, const Corpus& c, std::vector<std::string>* warnings) {
  ViewState s;
  View v = View::Overview;
  s.view = u.view.empty() || !parseView(u.view, v) ? View::Overview : v;
  s.selected = entityOf(c, u.selected, "sel", warnings);
  s.pathTo = s.selected >= 0 ? entityOf(c, u.pathTo, "path", warnings) : -1;
  s.asOf = u.asOf;
  s.filter = u.filter;
  if (u.hasWindow()) { s.windowFrom = u.windowFrom; s.windowTo = u.windowTo; }
  if (!u.story.empty()) {
    for (size_t i = 0; i < c.stories.size(); ++i) {
      if (c.stories[i].id != u.story) continue;
      s.story = static_cast<int>(i);
      const int steps = static_cast<int>(c.stories[i].steps.size());
      s.storyStep = u.storyStep < 0 ? 0 : u.storyStep >= steps ? steps - 1 : u.storyStep;
    }
    if (s.story < 0 && warnings) warnings->push_back("story: no story \"" + u.story + "\" in this corpus; ignored");
  }
  s.embed = u.embed;
  s.presentation = u.presentation;
  s.dark = u.theme == "dark";
  s.accent = parseAccent(u.accent);
  return s;
}

std::string encodeViewLink(const ViewState& s, const Corpus& c) { return encodeUrlState(toUrlState(s, c)); }

ViewState decodeViewLink(std::string_view text, const Corpus& c, std::vector<std::string>* warnings, bool* hasWindow) {
  const UrlState u = decodeUrlState(text, warnings);
  if (hasWindow) *hasWindow = u.hasWindow();
  return fromUrlState(u, c, warnings);
}

void applyUrlState(const UrlState& u, const Corpus& c, AppState& s, std::vector<std::string>* warnings) {
  applyAction(c, s, act::OpenLink{fromUrlState(u, c, warnings), u.hasWindow()});
}

}  // namespace nhsx
