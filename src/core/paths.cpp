#include "core/paths.h"

#include <algorithm>
#include <tuple>

namespace nhsx {

namespace {

struct Hop {
  uint32_t entity, relation;
  bool forward;
  bool operator<(const Hop& o) const { return std::tie(entity, relation) < std::tie(o.entity, o.relation); }
};

// Calls f(neighbour, relation, forward) for every usable relation at v, both directions.
template <class F>
void forEachHop(const Corpus& c, uint32_t v, const std::vector<uint8_t>* mask, F&& f) {
  auto usable = [&](uint32_t r) {
    const Relation& rel = c.relations[r];
    return rel.from != rel.to && (!mask || (r < mask->size() && (*mask)[r]));
  };
  for (uint32_t i = c.outStart[v]; i < c.outStart[v + 1]; ++i)
    if (usable(c.outRel[i])) f(c.relations[c.outRel[i]].to, c.outRel[i], true);
  for (uint32_t i = c.inStart[v]; i < c.inStart[v + 1]; ++i)
    if (usable(c.inRel[i])) f(c.relations[c.inRel[i]].from, c.inRel[i], false);
}
}  // namespace

std::vector<Path> shortestPaths(const Corpus& c, uint32_t from, uint32_t to, size_t maxPaths,
                                const std::vector<uint8_t>* relationMask) {
  const size_t n = c.entities.size();
  if (from >= n || to >= n || maxPaths == 0 || c.outStart.size() != n + 1) return {};
  if (from == to) return {Path{from, {}}};

  // Bidirectional BFS: dist[0] counts hops from `from`, dist[1] hops to `to`. Each round grows the
  // smaller frontier by one whole level, so when the two searches first touch, every node where they
  // touch sits at the same depth on both sides and every shortest path crosses one of them.
  std::vector<int32_t> dist[2] = {std::vector<int32_t>(n, -1), std::vector<int32_t>(n, -1)};
  std::vector<uint32_t> frontier[2] = {{from}, {to}}, next, meet;
  int32_t depth[2] = {0, 0};
  dist[0][from] = 0;
  dist[1][to] = 0;
  int side = 0;
  while (meet.empty()) {
    if (frontier[0].empty() || frontier[1].empty()) return {};
    side = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    next.clear();
    for (uint32_t v : frontier[side])
      forEachHop(c, v, relationMask, [&](uint32_t w, uint32_t, bool) {
        if (dist[side][w] >= 0) return;
        dist[side][w] = depth[side] + 1;
        next.push_back(w);
        if (dist[1 - side][w] >= 0) meet.push_back(w);
      });
    ++depth[side];
    frontier[side].swap(next);
  }
  const int32_t length = depth[0] + depth[1];

  // Mark the nodes on some shortest path by walking back from the meeting nodes on each side:
  // bit s of on[v] says v is on one, in the part of it side s found.
  std::vector<uint8_t> on(n, 0);
  for (int s = 0; s < 2; ++s) {
    std::vector<uint32_t> level = meet;
    for (uint32_t v : level) on[v] |= static_cast<uint8_t>(1 << s);
    for (int32_t d = depth[s]; d > 0; --d) {
      std::vector<uint32_t> prev;
      for (uint32_t v : level)
        forEachHop(c, v, relationMask, [&](uint32_t w, uint32_t, bool) {
          if (dist[s][w] == d - 1 && !(on[w] & (1 << s))) {
            on[w] |= static_cast<uint8_t>(1 << s);
            prev.push_back(w);
          }
        });
      level.swap(prev);
    }
  }

  // Depth-first from `from` over marked nodes, hops in (entity, relation) order: every branch
  // reaches `to`, so this stops as soon as maxPaths are found.
  std::vector<Path> paths;
  Path cur{from, {}};
  auto step = [&](auto& self, uint32_t v, int32_t i) -> void {
    if (i == length) { paths.push_back(cur); return; }
    std::vector<Hop> hops;
    const bool aSide = i + 1 <= depth[0];
    forEachHop(c, v, relationMask, [&](uint32_t w, uint32_t r, bool fwd) {
      if (aSide ? (on[w] & 1) && dist[0][w] == i + 1 : (on[w] & 2) && dist[1][w] == length - i - 1)
        hops.push_back({w, r, fwd});
    });
    std::sort(hops.begin(), hops.end());
    for (const Hop& h : hops) {
      if (paths.size() >= maxPaths) return;
      cur.steps.push_back({h.relation, h.entity, h.forward});
      self(self, h.entity, i + 1);
      cur.steps.pop_back();
    }
  };
  step(step, from, 0);
  return paths;
}

std::string describePath(const Corpus& c, const Path& p) {
  std::string s = c.entities.at(p.from).name;
  for (const PathStep& st : p.steps) {
    const std::string_view label = relationTypes().at(static_cast<size_t>(c.relations.at(st.relation).type)).label;
    s += st.forward ? " \u2014 " : " \u2190 ";
    s += label;
    s += st.forward ? " \u2192 " : " \u2014 ";
    s += c.entities.at(st.entity).name;
  }
  return s;
}

}  // namespace nhsx
