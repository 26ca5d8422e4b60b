#include "core/view_link.h"

#include "core/actions.h"

namespace nhsx {

uint32_t parseAccent(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return 0;
  uint32_t v = 0;
  for (size_t i = 1; i < 7; ++i) {
    const int d = link::hexDigit(hex[i]);
    if (d < 0) return 0;
    v = v * 16 + static_cast<uint32_t>(d);
  }
  return v | 0x1000000u;
}

UrlState toUrlState(const ViewState& s, const Corpus& c) {
  UrlState u;
  for (const ViewField& f : viewFields()) f.write(s, c, u);
  return u;
}

ViewState fromUrlState(const UrlState& u, const Corpus& c, std::vector<std::string>* warnings) {
  ViewState s;
  for (const ViewField& f : viewFields()) f.read(u, c, s, warnings);
  return s;
}

std::string encodeViewLink(const ViewState& s, const Corpus& c) { return encodeUrlState(toUrlState(s, c)); }

unsigned linkNames(const UrlState& u) {
  using namespace act;
  unsigned n = 0;
  if (u.has("view")) n |= kLinkNamesView;
  if (u.has("sel") || u.has("select")) n |= kLinkNamesSelection;
  if (u.has("asof")) n |= kLinkNamesAsOf;
  if (u.has("win")) n |= kLinkNamesWindow;
  if (u.has("cmp")) n |= kLinkNamesCompare;
  for (const char* f : {"kinds", "types", "rels", "themes", "origin", "range"})
    if (u.has(f)) n |= kLinkNamesFilters;
  return n;
}

ViewState decodeViewLink(std::string_view text, const Corpus& c, std::vector<std::string>* warnings, bool* hasWindow,
                         unsigned* named) {
  const UrlState u = decodeUrlState(text, warnings);
  if (hasWindow) *hasWindow = u.has("win");
  if (named) *named = linkNames(u);
  return fromUrlState(u, c, warnings);
}

void applyUrlState(const UrlState& u, const Corpus& c, AppState& s, std::vector<std::string>* warnings) {
  applyAction(c, s, act::OpenLink{fromUrlState(u, c, warnings), u.has("win"), linkNames(u)});
}

}  // namespace nhsx
