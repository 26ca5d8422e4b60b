#include "core/outline.h"

#include <nlohmann/json.hpp>

namespace nhsx {

namespace {
// "membership-body" reads "membership body".
std::string words(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch == '-') ch = ' ';
  return out;
}

std::string dateText(const DateField& d) { return d.present() ? formatUk(d.value) : std::string(); }

// Joins the non-empty parts.
std::string joined(std::initializer_list<std::string> parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string relationText(const Corpus& c, const Relation& r, uint32_t self) {
  const std::string reads(relationTypes()[static_cast<size_t>(r.type)].label);
  const std::string text = r.from == self ? reads + " \u2192 " + c.entities[r.to].name
                                          : c.entities[r.from].name + " \u2192 " + reads + " this";
  const std::string extra = joined({r.role, dateText(r.date)}, ", ");
  return extra.empty() ? text : text + " (" + extra + ")";
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
}  // namespace

std::string describeEntity(const Corpus& c, uint32_t e) {
  const Entity& en = c.entities[e];
  const std::string kind(kindName(en.kind));
  return joined({en.name, kind, en.type != kind ? words(en.type) : std::string(), dateText(en.date)}, ", ");
}

std::string outlineKindsJson(const Corpus& c) {
  nlohmann::json kinds = nlohmann::json::array();
  for (int k = 0; k < kKindCount; ++k) {
    if (!c.countByKind[k]) continue;
    kinds.push_back({{"kind", std::string(kindName(static_cast<Kind>(k)))},
                     {"label", std::string(kindPlural(static_cast<Kind>(k)))},
                     {"count", c.countByKind[k]}});
  }
  return dump({{"title", c.title}, {"entities", c.entities.size()}, {"relations", c.relations.size()}, {"kinds", kinds}});
}

std::string outlineItemsJson(const Corpus& c, Kind kind, size_t first, size_t count) {
  nlohmann::json items = nlohmann::json::array();
  size_t seen = 0;
  for (uint32_t i = 0; i < c.entities.size() && items.size() < count; ++i) {
    const Entity& e = c.entities[i];
    if (e.kind != kind || seen++ < first) continue;
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "also " : ", ") + a;
    nlohmann::json rels = nlohmann::json::array();
    for (uint32_t k = c.outStart[i]; k < c.outStart[i + 1]; ++k) rels.push_back(relationText(c, c.relations[c.outRel[k]], i));
    for (uint32_t k = c.inStart[i]; k < c.inStart[i + 1]; ++k) rels.push_back(relationText(c, c.relations[c.inRel[k]], i));
    nlohmann::json cites = nlohmann::json::array();
    for (const Citation& cit : e.citations) {
      const Source& s = c.sources[cit.source];
      cites.push_back({{"quote", cit.quote}, {"title", s.title}, {"url", s.url},
                       {"rest", joined({s.publisher, dateText(s.date)}, ", ")}, {"note", cit.note}});
    }
    items.push_back({{"id", e.id}, {"name", e.name}, {"line", joined({words(e.type), dateText(e.date), aliases}, " \u00b7 ")},
                     {"description", e.description}, {"dateNote", e.date.note}, {"relations", rels}, {"citations", cites}});
  }
  return dump(items);
}

}  // namespace nhsx
