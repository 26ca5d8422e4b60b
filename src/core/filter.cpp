#include "core/filter.h"

#include <unordered_map>

namespace nhsx {

bool FilterSpec::empty() const {
  return kinds.empty() && orgTypes.empty() && relationTypes.empty() && themes.empty() && origins.empty() && !hasRange();
}

bool FilterSpec::operator==(const FilterSpec& o) const {
  return kinds == o.kinds && orgTypes == o.orgTypes && relationTypes == o.relationTypes && themes == o.themes &&
         origins == o.origins && fromDay == o.fromDay && toDay == o.toDay;
}

int organisationTypeIndex(std::string_view type) {
  static const auto kIndex = [] {
    std::unordered_map<std::string_view, int> m;
    const auto& t = typesOfKind(Kind::Organisation);
    for (size_t i = 0; i < t.size(); ++i) m.emplace(t[i], static_cast<int>(i));
    return m;
  }();
  auto it = kIndex.find(type);
  return it == kIndex.end() ? -1 : it->second;
}

FilterIndex::FilterIndex(const Corpus& c) : corpus(&c) {
  const size_t n = c.entities.size();
  kind.resize(n);
  orgType.assign(n, -1);
  firstDay.assign(n, Date::kOpenStart);
  lastDay.assign(n, Date::kOpenEnd);
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = c.entities[i];
    kind[i] = e.kind;
    if (e.kind == Kind::Organisation) orgType[i] = static_cast<int8_t>(organisationTypeIndex(e.type));
    if (e.kind == Kind::Theme) themes.push_back(static_cast<uint32_t>(i));
    if (e.date.present()) {
      firstDay[i] = e.date.value.firstDay();
      lastDay[i] = e.date.value.lastDay();
    }
  }
  const size_t m = c.relations.size();
  relationType.resize(m);
  relationFrom.resize(m);
  relationTo.resize(m);
  relationOwn.resize(m);
  origin.resize(n);
  for (size_t i = 0; i < n; ++i) {
    origin[i] = static_cast<uint8_t>(1u << (c.entities[i].own ? kOriginOwn : kOriginMap));
    anyOwn = anyOwn || c.entities[i].own;
  }
  for (size_t i = 0; i < m; ++i) {
    const Relation& r = c.relations[i];
    relationType[i] = static_cast<uint8_t>(r.type);
    relationFrom[i] = r.from;
    relationTo[i] = r.to;
    relationOwn[i] = r.own;
    if (r.own && r.from < n && r.to < n) {
      anyOwn = true;
      origin[r.from] |= 1u << kOriginOwn;
      origin[r.to] |= 1u << kOriginOwn;
    }
  }
}

namespace {

// One bit per entity facet; an entity is shown when it passes all five.
enum : uint8_t { kPassKind = 1, kPassType = 2, kPassTheme = 4, kPassTime = 8, kPassOrigin = 16, kPassAll = 31 };

// The origin bits a spec allows (FilterIndex::origin); every bit when it does not restrict.
uint8_t originMask(const FilterSpec& spec) {
  if (spec.origins.empty()) return 0xFF;
  uint8_t mask = 0;
  for (int o : spec.origins) if (o == kOriginMap || o == kOriginOwn) mask |= static_cast<uint8_t>(1u << o);
  return mask ? mask : 0xFF;  // only unknown values: no restriction
}

// Calls f(other end) for every relation of entity e, in either direction.
template <class F>
void forEachNeighbour(const FilterIndex& x, uint32_t e, F&& f) {
  const Corpus& c = *x.corpus;
  for (uint32_t k = c.outStart[e]; k < c.outStart[e + 1]; ++k) f(x.relationTo[c.outRel[k]]);
  for (uint32_t k = c.inStart[e]; k < c.inStart[e + 1]; ++k) f(x.relationFrom[c.inRel[k]]);
}

// Which facets each entity passes.
std::vector<uint8_t> evaluate(const FilterIndex& x, const FilterSpec& spec) {
  const size_t n = x.kind.size();
  std::array<bool, kKindCount> kindOk{};
  for (int k = 0; k < kKindCount; ++k) kindOk[k] = spec.kinds.empty() || spec.kinds.count(static_cast<Kind>(k));
  // Indexed by organisation type + 1, so that -1 (not an organisation) is slot 0 and always passes.
  std::vector<uint8_t> typeOk(typesOfKind(Kind::Organisation).size() + 1, spec.orgTypes.empty());
  typeOk[0] = 1;
  for (const std::string& t : spec.orgTypes) {
    const int i = organisationTypeIndex(t);
    if (i >= 0) typeOk[static_cast<size_t>(i) + 1] = 1;
  }

  // Theme facet: the selected themes and everything related to one; empty (no restriction) when no id
  // names a theme of this corpus.
  std::vector<uint8_t> themed;
  for (const std::string& id : spec.themes) {
    const int t = x.corpus->findEntity(id);
    if (t < 0 || x.kind[static_cast<size_t>(t)] != Kind::Theme) continue;
    themed.resize(n, 0);
    themed[static_cast<size_t>(t)] = 1;
    forEachNeighbour(x, static_cast<uint32_t>(t), [&](uint32_t u) { themed[u] = 1; });
  }

  const uint8_t origins = originMask(spec);
  std::vector<uint8_t> pass(n);
  for (size_t i = 0; i < n; ++i) {
    pass[i] = static_cast<uint8_t>((kindOk[static_cast<int>(x.kind[i])] ? kPassKind : 0) |
                                   (typeOk[static_cast<size_t>(x.orgType[i] + 1)] ? kPassType : 0) |
                                   (themed.empty() || themed[i] ? kPassTheme : 0) |
                                   (x.firstDay[i] <= spec.toDay && x.lastDay[i] >= spec.fromDay ? kPassTime : 0) |
                                   (x.origin[i] & origins ? kPassOrigin : 0));
  }
  return pass;
}

// Passes every facet except those in `ignored`.
inline bool passesExcept(uint8_t pass, uint8_t ignored) { return (pass | ignored) == kPassAll; }

}  // namespace

FilterResult applyFilter(const FilterIndex& x, const FilterSpec& spec) {
  FilterResult r;
  r.entityVisible = evaluate(x, spec);
  for (uint8_t& v : r.entityVisible) {
    v = v == kPassAll;
    r.entities += v;
  }
  std::vector<uint8_t> typeOk(relationTypes().size(), spec.relationTypes.empty());
  for (int t : spec.relationTypes) {
    if (t >= 0 && static_cast<size_t>(t) < typeOk.size()) typeOk[static_cast<size_t>(t)] = 1;
  }
  // A relation is the map's or the user's own; with the origin facet on, only those it allows.
  const uint8_t origins = originMask(spec);
  const size_t m = x.relationType.size();
  r.relationVisible.resize(m);
  for (size_t i = 0; i < m; ++i) {
    const uint8_t mine = static_cast<uint8_t>(1u << (x.relationOwn[i] ? kOriginOwn : kOriginMap));
    r.relationVisible[i] = typeOk[x.relationType[i]] & r.entityVisible[x.relationFrom[i]] & r.entityVisible[x.relationTo[i]] &
                           static_cast<uint8_t>((origins & mine) != 0);
    r.relations += r.relationVisible[i];
  }
  return r;
}

FilterCounts countOptions(const FilterIndex& x, const FilterSpec& spec) {
  const std::vector<uint8_t> pass = evaluate(x, spec);
  FilterCounts out;
  out.orgTypes.assign(typesOfKind(Kind::Organisation).size(), 0);
  out.relationTypes.assign(relationTypes().size(), 0);
  out.themeEntities = x.themes;

  for (size_t i = 0; i < pass.size(); ++i) {
    if (passesExcept(pass[i], kPassKind)) ++out.kinds[static_cast<int>(x.kind[i])];
    if (x.orgType[i] >= 0 && passesExcept(pass[i], kPassType)) ++out.orgTypes[static_cast<size_t>(x.orgType[i])];
    if (passesExcept(pass[i], kPassOrigin)) {
      for (int o : {kOriginMap, kOriginOwn}) out.origins[static_cast<size_t>(o)] += (x.origin[i] >> o) & 1u;
    }
  }

  // A theme admits itself and its neighbours; `seen` stamps each with the theme being counted so an
  // entity related to a theme twice counts once.
  out.themes.assign(x.themes.size(), 0);
  std::vector<uint32_t> seen(pass.size(), UINT32_MAX);
  for (size_t k = 0; k < x.themes.size(); ++k) {
    const uint32_t t = x.themes[k];
    size_t count = 0;
    auto admit = [&](uint32_t u) {
      if (seen[u] == t) return;
      seen[u] = t;
      count += passesExcept(pass[u], kPassTheme);
    };
    admit(t);
    forEachNeighbour(x, t, admit);
    out.themes[k] = count;
  }

  const uint8_t origins = originMask(spec);
  for (size_t i = 0; i < x.relationType.size(); ++i) {
    const uint8_t mine = static_cast<uint8_t>(1u << (x.relationOwn[i] ? kOriginOwn : kOriginMap));
    out.relationTypes[x.relationType[i]] +=
        pass[x.relationFrom[i]] == kPassAll && pass[x.relationTo[i]] == kPassAll && (origins & mine) != 0;
  }
  return out;
}

FilterSpec storyStepFilter(const Corpus& c, const StoryStep& p) {
  FilterSpec f;
  f.kinds.insert(p.kinds.begin(), p.kinds.end());
  f.orgTypes.insert(p.orgTypes.begin(), p.orgTypes.end());
  f.relationTypes.insert(p.relationTypes.begin(), p.relationTypes.end());
  for (uint32_t t : p.themes)
    if (t < c.entities.size()) f.themes.insert(c.entities[t].id);
  f.origins.insert(p.origins.begin(), p.origins.end());
  if (p.from.present()) f.fromDay = p.from.value.firstDay();
  if (p.to.present()) f.toDay = p.to.value.lastDay();
  return f;
}

}  // namespace nhsx
