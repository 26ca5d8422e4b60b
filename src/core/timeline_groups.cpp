#include "core/timeline_groups.h"

#include <algorithm>
#include <limits>

namespace nhsx {

namespace {

// The ownership relations in priority order (see BodyOwner); -1 for any other.
int ownershipRank(const Corpus& c, const Relation& r, uint32_t& item, uint32_t& body) {
  static const int publishes = relationTypeIndex("publishes"), authorOf = relationTypeIndex("author-of"),
                   leads = relationTypeIndex("leads"), establishedBy = relationTypeIndex("established-by");
  int rank = -1;
  if (r.type == publishes) rank = 0;
  else if (r.type == authorOf) rank = 1;
  else if (r.type == leads) rank = 2;
  else if (r.type == establishedBy) rank = 3;
  if (rank < 0) return -1;
  body = rank == 3 ? r.to : r.from;
  item = rank == 3 ? r.from : r.to;
  if (body >= c.entities.size() || item >= c.entities.size()) return -1;
  const int lane = laneOfKind(c.entities[item].kind);
  const bool owned = lane == static_cast<int>(Lane::Documents) || lane == static_cast<int>(Lane::Programmes);
  return c.entities[body].kind == Kind::Organisation && owned ? rank : -1;
}

const char* verbOf(int rank) {
  switch (rank) {
    case 0: return "published it";
    case 1: return "wrote it";
    case 2: return "leads it";
    default: return "set it up";
  }
}

constexpr uint64_t kBodyKey = 1ull << 40;

}  // namespace

std::vector<BodyOwner> bodyOwners(const Corpus& c) {
  std::vector<BodyOwner> out(c.entities.size());
  std::vector<int> bestRank(c.entities.size(), std::numeric_limits<int>::max());
  // Distinct bodies per item, counted without a set per item: the relations sorted by (item, body).
  std::vector<std::pair<uint32_t, uint32_t>> links;
  for (uint32_t r = 0; r < c.relations.size(); ++r) {
    uint32_t item = 0, body = 0;
    const int rank = ownershipRank(c, c.relations[r], item, body);
    if (rank < 0) continue;
    links.emplace_back(item, body);
    if (rank < bestRank[item]) {  // relations in corpus order: the first of the best type wins
      bestRank[item] = rank;
      out[item].body = static_cast<int32_t>(body);
      out[item].relation = static_cast<int32_t>(r);
    }
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());
  for (const auto& l : links) ++out[l.first].candidates;
  return out;
}

std::string ownerNote(const Corpus& c, const std::vector<BodyOwner>& owners, uint32_t entity) {
  if (entity >= owners.size() || owners[entity].body < 0)
    return "Not linked to a body (no organisation published, wrote, leads or set it up)";
  const BodyOwner& o = owners[entity];
  uint32_t item = 0, body = 0;
  const int rank = ownershipRank(c, c.relations[static_cast<size_t>(o.relation)], item, body);
  std::string note = "Under " + c.entities[static_cast<size_t>(o.body)].name + ", which " + verbOf(rank);
  if (o.candidates < 2) return note;
  std::vector<uint32_t> others;
  for (const Relation& r : c.relations) {
    if (ownershipRank(c, r, item, body) < 0 || item != entity || static_cast<int32_t>(body) == o.body) continue;
    if (std::find(others.begin(), others.end(), body) == others.end()) others.push_back(body);
  }
  note += "; also linked to ";
  for (size_t i = 0; i < others.size(); ++i) note += (i ? ", " : "") + c.entities[others[i]].name;
  return note + " (an item goes under one body: its first publisher, else author, lead or founder)";
}

LanePlan planLanes(const Corpus& c, TimelineGrouping g, const std::vector<TimelineItem>& items,
                   const std::vector<uint32_t>& lifeline, const std::vector<BodyOwner>& owners) {
  LanePlan plan;
  plan.laneOf.resize(items.size());
  if (g == TimelineGrouping::Kind) {
    for (int l = 0; l < kLaneCount; ++l) plan.lanes.push_back({laneName(l), static_cast<uint64_t>(l), -1, false});
    for (size_t i = 0; i < items.size(); ++i) plan.laneOf[i] = items[i].kindLane;
    return plan;
  }
  // The body group of each item: an organisation's own lifeline group; a document's or programme's
  // owner's lifeline group (a renamed body keeps its documents under all its names). -1: no body.
  const auto orgs = static_cast<uint8_t>(Lane::Organisations);
  auto ownerGroup = [&](const TimelineItem& it) -> int64_t {
    if (it.isEvent || (it.kindLane != static_cast<uint8_t>(Lane::Documents) && it.kindLane != static_cast<uint8_t>(Lane::Programmes)))
      return -1;
    const int32_t b = it.source < owners.size() ? owners[it.source].body : -1;
    return b < 0 ? -1 : static_cast<int64_t>(lifeline[static_cast<size_t>(b)]);
  };
  // Bodies owning an item shown: those with the most documents and programmes first (the departments
  // and national bodies a reader looks for), then by where their rows start: their lifeline's first
  // item, else (the body itself filtered out or undated) their first document or programme.
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> rowStart(c.entities.size(), inf), ownedStart(c.entities.size(), inf);
  std::vector<uint32_t> ownedCount(c.entities.size(), 0);
  std::vector<int32_t> titleItem(c.entities.size(), -1);  // the lifeline's latest-starting item: its current name
  for (size_t i = 0; i < items.size(); ++i) {
    const TimelineItem& it = items[i];
    const int64_t og = ownerGroup(it);
    if (og >= 0) {
      ownedStart[static_cast<size_t>(og)] = std::min(ownedStart[static_cast<size_t>(og)], it.rangeStart);
      ++ownedCount[static_cast<size_t>(og)];
    }
    if (it.isEvent || it.kindLane != orgs) continue;
    const uint32_t lg = lifeline[it.source];
    rowStart[lg] = std::min(rowStart[lg], it.rangeStart);
    int32_t& t = titleItem[lg];
    if (t < 0 || it.start >= items[static_cast<size_t>(t)].start) t = static_cast<int32_t>(i);
  }
  std::vector<uint32_t> bodies;
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    if (ownedStart[e] < inf) bodies.push_back(e);
  }
  auto firstRow = [&](uint32_t b) { return std::min(rowStart[b], ownedStart[b]); };
  std::sort(bodies.begin(), bodies.end(), [&](uint32_t a, uint32_t b) {
    if (ownedCount[a] != ownedCount[b]) return ownedCount[a] > ownedCount[b];
    return firstRow(a) != firstRow(b) ? firstRow(a) < firstRow(b) : a < b;
  });
  const bool capped = bodies.size() > kMaxBodyGroups;
  if (capped) bodies.resize(kMaxBodyGroups);
  // Lanes: each body's lifeline and its items (2b, 2b + 1), then the rest; empty ones dropped below.
  std::vector<int32_t> slotOfBody(c.entities.size(), -1);
  std::vector<LaneSpec> slots;
  for (uint32_t b : bodies) {
    slotOfBody[b] = static_cast<int32_t>(slots.size());
    const int32_t t = titleItem[b];
    const std::string name(t >= 0 ? items[static_cast<size_t>(t)].label : std::string_view(c.entities[b].name));
    slots.push_back({name, kBodyKey | (static_cast<uint64_t>(b) << 1), static_cast<int32_t>(b), true});
    slots.push_back({"", kBodyKey | (static_cast<uint64_t>(b) << 1) | 1, static_cast<int32_t>(b), false});
  }
  const size_t otherOrgs = slots.size(), people = otherOrgs + 1, unlinked = otherOrgs + 2, events = otherOrgs + 3;
  slots.push_back({"Other organisations", 100, -1, false});
  slots.push_back({laneName(static_cast<int>(Lane::People)), static_cast<uint64_t>(Lane::People), -1, false});
  slots.push_back({capped ? "Not linked to a body, or past the first 30000 bodies" : "Not linked to a body", 101, -1, false});
  slots.push_back({laneName(static_cast<int>(Lane::Events)), static_cast<uint64_t>(Lane::Events), -1, false});

  std::vector<uint32_t> slotOf(items.size());
  std::vector<uint32_t> used(slots.size(), 0);
  for (size_t i = 0; i < items.size(); ++i) {
    const TimelineItem& it = items[i];
    size_t s;
    if (it.isEvent || it.kindLane == static_cast<uint8_t>(Lane::Events)) {
      s = events;
    } else if (it.kindLane == orgs) {
      const int32_t slot = slotOfBody[lifeline[it.source]];
      s = slot >= 0 ? static_cast<size_t>(slot) : otherOrgs;
    } else if (it.kindLane == static_cast<uint8_t>(Lane::People)) {
      s = people;
    } else {
      const int64_t og = ownerGroup(it);
      const int32_t slot = og >= 0 ? slotOfBody[static_cast<size_t>(og)] : -1;
      s = slot >= 0 ? static_cast<size_t>(slot) + 1 : unlinked;
    }
    slotOf[i] = static_cast<uint32_t>(s);
    ++used[s];
  }
  // No empty lane: a body whose own row is not shown has its documents under its name instead.
  std::vector<uint16_t> laneOfSlot(slots.size(), 0);
  for (size_t s = 0; s < slots.size(); ++s) {
    if (!used[s]) continue;
    LaneSpec spec = slots[s];
    if (s < otherOrgs && s % 2 == 1 && !used[s - 1]) spec.name = slots[s - 1].name;
    laneOfSlot[s] = static_cast<uint16_t>(plan.lanes.size());
    plan.lanes.push_back(std::move(spec));
  }
  for (size_t i = 0; i < items.size(); ++i) plan.laneOf[i] = laneOfSlot[slotOf[i]];
  return plan;
}

}  // namespace nhsx
