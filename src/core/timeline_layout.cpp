#include "core/timeline_layout.h"

#include "core/names_at.h"
#include "core/timeline_groups.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace nhsx {

namespace {

const char* const kLaneNames[kLaneCount] = {"Organisations", "People", "Documents and mandates",
                                            "Partnerships and programmes", "Events"};

// The date's own range, as a point or a bar; flags for the ends it does not know.
TimelineItem itemFromDate(const Date& d, int32_t today) {
  TimelineItem it;
  const bool startKnown = d.startBound == Bound::Date;
  const bool endKnown = d.endBound == Bound::Date;
  if (startKnown) {
    it.startApproximate = d.start.approximate;
    it.startUncertain = d.start.uncertain;
  }
  if (endKnown) {
    it.endApproximate = d.end.approximate;
    it.endUncertain = d.end.uncertain;
  }
  it.precision = startKnown ? d.start.precision : d.end.precision;
  if (!d.interval) {
    it.start = it.end = it.rangeStart = d.start.firstDay();
    it.rangeEnd = d.start.lastDay() + 1.0;
    return it;
  }
  it.isSpan = true;
  it.openStart = d.startBound == Bound::Open;
  it.unknownStart = d.startBound == Bound::Unknown;
  it.openEnd = d.endBound == Bound::Open;
  it.unknownEnd = d.endBound == Bound::Unknown;
  // The parser guarantees one known end; an unknown or open start falls back on the end's own range.
  it.start = startKnown ? d.start.firstDay() : d.end.firstDay();
  if (endKnown) it.end = d.end.lastDay() + 1.0;
  else if (it.openEnd) it.end = std::max(d.start.lastDay(), today) + 1.0;  // still going: up to today
  else it.end = d.start.lastDay() + 1.0;                                   // unknown: the start's range
  it.rangeStart = it.start;
  it.rangeEnd = it.end;
  return it;
}

template <class T> const T& clampIndex(const std::vector<T>& v, size_t i, const T& fallback) {
  return i < v.size() ? v[i] : fallback;
}

}  // namespace

bool inferredKind(Kind k) {
  return k == Kind::Organisation || k == Kind::Person || k == Kind::Programme || k == Kind::Partnership;
}

std::vector<uint32_t> lifelineGroups(const Corpus& c, const std::vector<BodyOwner>* owners) {
  std::vector<uint32_t> parent(c.entities.size());
  for (uint32_t e = 0; e < parent.size(); ++e) parent[e] = e;
  auto find = [&](uint32_t e) {
    while (parent[e] != e) e = parent[e] = parent[parent[e]];
    return e;
  };
  const int renamed = relationTypeIndex("renamed-to"), follows = relationTypeIndex("follows");
  // Renamings first: a body's names are one group before a series asks whether its owners are one body.
  for (int pass = 0; pass < 2; ++pass) {
    for (const Relation& r : c.relations) {
      const Entity& a = c.entities[r.from];
      const Entity& b = c.entities[r.to];
      const bool series = r.type == follows && a.kind == Kind::Document && b.kind == Kind::Document &&
                          a.type == "mandate" && b.type == "mandate";
      if (pass == 0 ? r.type != renamed : !series) continue;
      if (laneOfKind(a.kind) != laneOfKind(b.kind)) continue;  // a row is within one lane
      if (pass == 1 && owners) {
        const int32_t oa = (*owners)[r.from].body, ob = (*owners)[r.to].body;
        if ((oa < 0) != (ob < 0) || (oa >= 0 && find(static_cast<uint32_t>(oa)) != find(static_cast<uint32_t>(ob)))) continue;
      }
      const uint32_t x = find(r.from), y = find(r.to);
      if (x != y) parent[std::max(x, y)] = std::min(x, y);
    }
  }
  for (uint32_t e = 0; e < parent.size(); ++e) parent[e] = find(e);
  return parent;
}

float layoutChips(const std::vector<uint32_t>& entities, const std::vector<float>& labelWidths, float maxWidth,
                  float padX, float gapPx, float rowHeight, std::vector<Chip>& out) {
  out.clear();
  float x = 0, y = 0;
  for (size_t i = 0; i < entities.size(); ++i) {
    const float w = std::min(clampIndex(labelWidths, i, 0.f) + 2 * padX, std::max(maxWidth, 0.f));
    if (x > 0 && x + w > maxWidth) {  // wrap
      x = 0;
      y += rowHeight + gapPx;
    }
    out.push_back({entities[i], x, x + w, y, y + rowHeight});
    x += w + gapPx;
  }
  return out.empty() ? 0.f : y + rowHeight;
}

InferredSpans inferSpans(const Corpus& c, int32_t today) {
  InferredSpans out;
  out.first.assign(c.entities.size(), INT32_MAX);
  out.last.assign(c.entities.size(), INT32_MIN);
  auto widen = [&](uint32_t e, const Date& d) {
    if (e >= c.entities.size()) return;
    // The parser guarantees one known end; an open end runs to today, an unknown one is its start's range.
    const int32_t a = d.startBound == Bound::Date ? d.start.firstDay() : d.end.firstDay();
    int32_t b = d.endBound == Bound::Date ? d.end.lastDay() : d.start.lastDay();
    if (d.endBound == Bound::Open) b = std::max(b, today);
    out.first[e] = std::min(out.first[e], a);
    out.last[e] = std::max(out.last[e], b);
  };
  for (const Relation& r : c.relations) {
    if (!r.date.present()) continue;
    widen(r.from, r.date.value);
    widen(r.to, r.date.value);
  }
  for (const Event& v : c.events) {
    for (uint32_t e : v.entities) widen(e, v.date.value);
  }
  return out;
}

const char* laneName(int lane) { return lane >= 0 && lane < kLaneCount ? kLaneNames[lane] : ""; }

int laneOfKind(Kind k) {
  switch (k) {
    case Kind::Organisation: return static_cast<int>(Lane::Organisations);
    case Kind::Person: return static_cast<int>(Lane::People);
    case Kind::Programme:
    case Kind::Partnership: return static_cast<int>(Lane::Programmes);
    default: return static_cast<int>(Lane::Documents);
  }
}

// ---- Packing state -----------------------------------------------------------------------------------

namespace {
// A min-tree over the rows' occupied-until times: the lowest row free at a given time in O(log rows),
// without the two heaps (busy rows, free rows) of the textbook sweep. Rows not yet opened hold +inf, so
// they are never "free".
class RowEnds {
 public:
  void reset(uint32_t hint) {
    cap_ = 64;
    while (cap_ < hint) cap_ *= 2;
    t_.assign(2 * cap_, kInf);
  }
  // Lowest row whose last item ends by `from`, or -1.
  int64_t lowestFree(double from) const {
    if (t_[1] > from) return -1;
    size_t i = 1;
    while (i < cap_) i = t_[2 * i] <= from ? 2 * i : 2 * i + 1;
    return static_cast<int64_t>(i - cap_);
  }
  void set(uint32_t row, double end) {
    if (row >= cap_) grow();
    size_t i = row + cap_;
    t_[i] = end;
    for (i >>= 1; i; i >>= 1) {
      const double m = std::min(t_[2 * i], t_[2 * i + 1]);
      if (t_[i] == m) break;  // nothing above changes
      t_[i] = m;
    }
  }

 private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  void grow() {
    std::vector<double> t(4 * cap_, kInf);
    std::copy(t_.begin() + static_cast<std::ptrdiff_t>(cap_), t_.end(), t.begin() + static_cast<std::ptrdiff_t>(2 * cap_));
    cap_ *= 2;
    t_.swap(t);
    for (size_t i = cap_ - 1; i >= 1; --i) t_[i] = std::min(t_[2 * i], t_[2 * i + 1]);
  }
  std::vector<double> t_;
  size_t cap_ = 0;
};

// How many buckets below the zoom a pack made while zooming out aims: a factor of two of zoom out (five
// 15% wheel steps) before the rows would overlap, time for the next pack to finish in slices.
constexpr int kHeadroomBuckets = 2;
}  // namespace

// A packing in progress: resumable, so a large corpus repacks over several frames.
struct TimelineLayout::PackJob {
  bool active = false;
  double pxPerDay = 0;
  int bucket = 0;
  PackDays days;
  int lane = 0;       // lane being swept
  uint32_t next = 0;  // its next item (lane-relative)
  uint32_t rows = 0;  // rows opened in it so far
  RowEnds ends;
  std::vector<uint32_t> rowOf;
  std::vector<LaneRows> lanes;
};

TimelineLayout::TimelineLayout() : job_(std::make_unique<PackJob>()) {}
TimelineLayout::~TimelineLayout() = default;
TimelineLayout::TimelineLayout(TimelineLayout&&) noexcept = default;
TimelineLayout& TimelineLayout::operator=(TimelineLayout&&) noexcept = default;

// ---- Building ------------------------------------------------------------------------------------------

std::vector<int32_t> publicationMarks(const Corpus& c) {
  std::vector<int32_t> day(c.entities.size(), TimelineItem::kNoPublished);
  for (const Event& ev : c.events) {
    if (ev.type != "publication" || ev.entities.empty() || !ev.date.present()) continue;
    const uint32_t doc = ev.entities[0];
    if (doc >= c.entities.size() || c.entities[doc].kind != Kind::Document) continue;
    // A publication known to the day or month (not a range of candidate days): its first day.
    if (ev.date.value.interval) continue;
    const int32_t d = ev.date.value.firstDay();
    if (day[doc] == TimelineItem::kNoPublished || d < day[doc]) day[doc] = d;
  }
  return day;
}

const std::vector<BodyOwner>& TimelineLayout::owners() const {
  static const std::vector<BodyOwner> none;
  return owners_ ? *owners_ : none;
}

void TimelineLayout::build(const Corpus& c, int32_t today, const std::vector<uint8_t>* entityMask,
                           TimelineGrouping grouping) {
  items_.clear();
  items_.reserve(c.datedEntities.size() + c.events.size());
  auto shown = [&](uint32_t e) { return !entityMask || e >= entityMask->size() || (*entityMask)[e]; };
  const InferredSpans inferred = inferSpans(c, today);
  const std::vector<int32_t> publishedOn = publicationMarks(c);
  auto addEntity = [&](TimelineItem it, uint32_t e) {
    it.source = e;
    if (publishedOn[e] != TimelineItem::kNoPublished && publishedOn[e] != static_cast<int32_t>(it.start)) {
      it.published = publishedOn[e];
      // Its row keeps room for the mark: packing, hit tests and fitting take it as part of the item.
      it.rangeStart = std::min(it.rangeStart, static_cast<double>(it.published));
    }
    it.kindLane = static_cast<uint8_t>(laneOfKind(c.entities[e].kind));
    it.label = c.entities[e].name;
    it.shortLabel = c.entities[e].shortName;
    items_.push_back(it);
  };
  for (uint32_t e : c.datedEntities) {
    if (!shown(e)) continue;
    TimelineItem it = itemFromDate(c.entities[e].date.value, today);
    // An open or unknown start ("../2014-11-30") reaches back to the earliest dated mention: it existed by then.
    if ((it.openStart || it.unknownStart) && inferred.first[e] < it.start) it.start = it.rangeStart = inferred.first[e];
    addEntity(it, e);
  }
  // Bodies and people without a date of their own are still on the timeline: from their first to their
  // last dated relation or event, drawn as inferred, rather than silently absent.
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    if (c.entities[e].date.present() || inferred.first[e] > inferred.last[e] || !inferredKind(c.entities[e].kind) || !shown(e)) continue;
    TimelineItem it;
    it.start = it.rangeStart = inferred.first[e];
    it.end = it.rangeEnd = inferred.last[e] + 1.0;
    it.isSpan = inferred.last[e] > inferred.first[e];
    if (!it.isSpan) it.end = it.start;  // one day: a point
    it.inferred = true;
    addEntity(it, e);
  }
  for (uint32_t v = 0; v < c.events.size(); ++v) {
    const auto& who = c.events[v].entities;
    if (!who.empty() && std::none_of(who.begin(), who.end(), shown)) continue;  // all its entities filtered out
    TimelineItem it = itemFromDate(c.events[v].date.value, today);
    it.source = v;
    it.isEvent = true;
    it.kindLane = static_cast<uint8_t>(Lane::Events);
    it.label = c.events[v].name;
    items_.push_back(it);
  }
  // The lanes: by kind, or each body's group by body (core/timeline_groups.h).
  grouping_ = grouping;
  owners_.reset();
  if (grouping == TimelineGrouping::Body) owners_ = std::make_shared<const std::vector<BodyOwner>>(bodyOwners(c));
  const std::vector<uint32_t> group = lifelineGroups(c, owners_.get());
  LanePlan plan = planLanes(c, grouping, items_, group, owners());
  for (size_t i = 0; i < items_.size(); ++i) items_[i].lane = plan.laneOf[i];
  // Lane-major, then by start: each lane is one contiguous, sorted run.
  std::sort(items_.begin(), items_.end(), [](const TimelineItem& a, const TimelineItem& b) {
    if (a.lane != b.lane) return a.lane < b.lane;
    if (a.rangeStart != b.rangeStart) return a.rangeStart < b.rangeStart;
    if (a.isEvent != b.isEvent) return b.isEvent;
    return a.source < b.source;
  });

  itemOfEntity_.assign(c.entities.size(), -1);
  itemOfEvent_.assign(c.events.size(), -1);
  dataFirst_ = std::numeric_limits<double>::max();
  dataLast_ = std::numeric_limits<double>::lowest();
  activityFirst_ = std::numeric_limits<double>::max();
  for (uint32_t i = 0; i < items_.size(); ++i) {
    const TimelineItem& it = items_[i];
    (it.isEvent ? itemOfEvent_ : itemOfEntity_)[it.source] = static_cast<int32_t>(i);
    dataFirst_ = std::min(dataFirst_, it.rangeStart);
    dataLast_ = std::max(dataLast_, it.rangeEnd);
    if (it.kindLane == static_cast<uint8_t>(Lane::Documents) || it.kindLane == static_cast<uint8_t>(Lane::Programmes)) {
      activityFirst_ = std::min(activityFirst_, it.rangeStart);
    }
  }
  if (items_.empty()) {
    dataFirst_ = today - 365.0;
    dataLast_ = today + 1.0;
  }
  if (activityFirst_ > dataLast_) activityFirst_ = dataFirst_;

  // Lifelines: the first item of each group (by start) leads; the others continue its row.
  std::vector<int32_t> leaderOf(c.entities.size(), -1);  // group id -> its first item
  for (uint32_t i = 0; i < items_.size(); ++i) {
    TimelineItem& it = items_[i];
    if (it.isEvent) continue;
    int32_t& leader = leaderOf[group[it.source]];
    if (leader < 0) leader = static_cast<int32_t>(i);
    else it.continues = true;
  }
  undated_.clear();
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    // Undated documents too (a story may be about one still to come): never silently absent.
    const Kind k = c.entities[e].kind;
    if (itemOfEntity_[e] < 0 && (inferredKind(k) || k == Kind::Document) && shown(e)) undated_.push_back(e);
  }
  // Successions across rows: merged into, succeeded by (a renaming stays within its row).
  links_.clear();
  const int merged = relationTypeIndex("merged-into"), succeeded = relationTypeIndex("succeeded-by");
  for (uint32_t r = 0; r < c.relations.size(); ++r) {
    const Relation& rel = c.relations[r];
    if (rel.type != merged && rel.type != succeeded) continue;
    const int a = itemOfEntity_[rel.from], b = itemOfEntity_[rel.to];
    const int32_t day = successionDay(c, r);
    // Within one lane: by body, a body and its successor in different groups are not joined by a line
    // across the groups between them (it would cross their rows and labels).
    if (a < 0 || b < 0 || day == Date::kOpenEnd || items_[a].lane != items_[b].lane) continue;
    links_.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b), static_cast<double>(day)});
  }

  // The lanes planned; a lane folded before stays folded (by its key) when the filters rebuild it.
  std::vector<uint64_t> folded;
  for (const LaneData& L : lanes_) {
    if (L.collapsed) folded.push_back(L.key);
  }
  lanes_.assign(plan.lanes.size(), LaneData());
  for (size_t l = 0; l < plan.lanes.size(); ++l) {
    lanes_[l].key = plan.lanes[l].key;
    lanes_[l].body = plan.lanes[l].body;
    lanes_[l].collapsed = std::find(folded.begin(), folded.end(), lanes_[l].key) != folded.end();
  }
  job_->lanes.assign(lanes_.size(), LaneRows());
  for (int l = 0; l < laneCount(); ++l) {
    LaneData& L = lanes_[l];
    auto inLane = [l](const TimelineItem& it) { return it.lane < l; };
    L.begin = static_cast<uint32_t>(std::partition_point(items_.begin(), items_.end(), inLane) - items_.begin());
    L.end = static_cast<uint32_t>(
        std::partition_point(items_.begin(), items_.end(), [l](const TimelineItem& it) { return it.lane <= l; }) -
        items_.begin());
    L.starts.clear();
    L.ends.clear();
    L.tail.clear();
    L.follow.clear();
    for (uint32_t i = L.begin; i < L.end; ++i) {
      L.starts.push_back(items_[i].rangeStart);
      L.ends.push_back(items_[i].rangeEnd);
      L.tail.push_back(items_[i].unknownEnd);
      L.follow.push_back(-1);
    }
    L.packEnds = L.ends;
    for (uint32_t i = L.begin; i < L.end; ++i) {
      const TimelineItem& it = items_[i];
      if (!it.continues) continue;
      const uint32_t lead = static_cast<uint32_t>(leaderOf[group[it.source]]);
      L.follow[i - L.begin] = static_cast<int32_t>(lead - L.begin);
      double& end = L.packEnds[lead - L.begin];
      end = std::max(end, it.rangeEnd);
      if (it.unknownEnd) L.tail[lead - L.begin] = 1;
    }
    L.endsSorted = L.ends;
    std::sort(L.endsSorted.begin(), L.endsSorted.end());
    L.shown = LaneRows();
  }
  // Headers with their counts: a body's header counts its documents and programmes (the lane under its
  // row, or its own when its row is not shown); any other lane its items.
  for (int l = 0; l < laneCount(); ++l) {
    const LaneSpec& spec = plan.lanes[static_cast<size_t>(l)];
    if (spec.name.empty()) continue;
    uint32_t n = lanes_[l].end - lanes_[l].begin;
    if (spec.lifeline) n = l + 1 < laneCount() && plan.lanes[static_cast<size_t>(l) + 1].name.empty() ? lanes_[l + 1].end - lanes_[l + 1].begin : 0;
    lanes_[l].heading = spec.name;
    lanes_[l].count = n;
  }
  job_->active = false;
  lastPxPerDay_ = 0;
  pack(1000.0 / std::max(1.0, dataLast_ - dataFirst_), style_.minItemPx);
}

int TimelineLayout::itemOfEntity(uint32_t entity) const { return clampIndex(itemOfEntity_, entity, -1); }
int TimelineLayout::itemOfEvent(uint32_t event) const { return clampIndex(itemOfEvent_, event, -1); }

double TimelineLayout::defaultMarginDays() const { return std::max(31.0, 0.05 * (dataLast_ - dataFirst_)); }

void TimelineLayout::setStyle(const TimelineStyle& s) {
  style_ = s;
  // The rows were packed for other sizes: the next packForZoom packs afresh, at once.
  packedPxPerDay_ = std::numeric_limits<double>::infinity();
  packedBucket_ = INT32_MIN;
  job_->active = false;
  layoutLanes();
}

// ---- Packing -------------------------------------------------------------------------------------------

float TimelineLayout::leftPadPx() const { return std::max(style_.markerRadius, style_.tailPx); }

float TimelineLayout::rightPadPx() const {
  return std::max({style_.markerRadius, style_.minBarPx, style_.tailPx});
}

TimelineLayout::PackDays TimelineLayout::packDays(double pxPerDay, float minItemPx) const {
  // The body never reaches further than minItemPx from the start, nor a tail further than tailPx.
  const float minPx = std::max({minItemPx, style_.markerRadius, style_.minBarPx});
  PackDays d;
  d.before = leftPadPx() / pxPerDay;
  d.min = minPx / pxPerDay;
  d.tail = style_.tailPx / pxPerDay;
  d.gap = style_.labelGapPx / pxPerDay;
  return d;
}

void TimelineLayout::packExtent(const TimelineItem& it, double pxPerDay, float minItemPx, double& from,
                                double& to) const {
  packDays(pxPerDay, minItemPx).extent(it.rangeStart, it.rangeEnd, it.unknownEnd, from, to);
}

void TimelineLayout::startPack(double pxPerDay, int bucket, float minItemPx) {
  PackJob& j = *job_;
  j.active = true;
  j.pxPerDay = std::max(pxPerDay, 1e-9);
  j.bucket = bucket;
  j.days = packDays(j.pxPerDay, minItemPx);
  j.lane = 0;
  j.next = 0;
  j.rows = 0;
  j.ends.reset(lanes_.empty() ? 0 : lanes_[0].shown.rows);
  j.lanes.resize(lanes_.size());
  j.rowOf.resize(items_.size());
}

bool TimelineLayout::advancePack(uint32_t budget) {
  PackJob& j = *job_;
  while (j.lane < laneCount()) {
    const LaneData& L = lanes_[j.lane];
    const uint32_t n = L.end - L.begin;
    // Items are sorted by start and every occupancy begins the same distance before its start, so this
    // is the classic sweep: each item takes the lowest row that is free by its start. It reads the lane's
    // compact arrays, not the items.
    for (; j.next < n && budget > 0; ++j.next, --budget) {
      if (L.follow[j.next] >= 0) {  // a lifeline's later item: its leader reserved the row through its end
        j.rowOf[L.begin + j.next] = j.rowOf[L.begin + static_cast<uint32_t>(L.follow[j.next])];
        continue;
      }
      double from, to;
      j.days.extent(L.starts[j.next], L.packEnds[j.next], L.tail[j.next], from, to);
      const int64_t free = j.ends.lowestFree(from);
      const uint32_t row = free >= 0 ? static_cast<uint32_t>(free) : j.rows++;
      j.rowOf[L.begin + j.next] = row;
      j.ends.set(row, to);
    }
    if (j.next < n) return false;
    // Counting sort by row keeps each row in start order.
    LaneRows& R = j.lanes[j.lane];
    R.rows = j.rows;
    R.rowStart.assign(j.rows + 1, 0);
    for (uint32_t k = L.begin; k < L.end; ++k) ++R.rowStart[j.rowOf[k] + 1];
    for (uint32_t r = 0; r < j.rows; ++r) R.rowStart[r + 1] += R.rowStart[r];
    R.rowItems.resize(n);
    std::vector<uint32_t> fill(R.rowStart.begin(), R.rowStart.end() - 1);
    for (uint32_t k = L.begin; k < L.end; ++k) R.rowItems[fill[j.rowOf[k]]++] = k;
    if (++j.lane < laneCount()) {
      j.next = 0;
      j.rows = 0;
      j.ends.reset(lanes_[j.lane].shown.rows);
    }
  }
  return true;
}

void TimelineLayout::commitPack() {
  PackJob& j = *job_;
  // Swapping hands the old buffers to the job, so the next pack reuses them.
  for (int l = 0; l < laneCount(); ++l) std::swap(lanes_[l].shown, j.lanes[l]);
  rowOf_.swap(j.rowOf);
  packedPxPerDay_ = j.pxPerDay;
  packedBucket_ = j.bucket;
  j.active = false;
  layoutLanes();
}

void TimelineLayout::pack(double pxPerDay, float minItemPx) {
  startPack(pxPerDay, zoomBucket(pxPerDay), minItemPx);
  advancePack(UINT32_MAX);
  commitPack();
}

int TimelineLayout::zoomBucket(double pxPerDay) {
  return static_cast<int>(std::floor(2.0 * std::log2(std::max(pxPerDay, 1e-12))));
}

double TimelineLayout::bucketPxPerDay(int bucket) { return std::exp2(bucket / 2.0); }

bool TimelineLayout::packForZoom(double pxPerDay, uint32_t budgetItems) {
  const int b = zoomBucket(pxPerDay);
  const bool zoomingOut = pxPerDay < lastPxPerDay_;
  lastPxPerDay_ = pxPerDay;
  PackJob& j = *job_;
  // exp2 may land a hair above the true bucket floor; never pack for more zoom than is shown.
  auto startFor = [&](int bucket) { startPack(std::min(bucketPxPerDay(bucket), pxPerDay), bucket, style_.minItemPx); };
  bool changed = false;
  if (packedPxPerDay_ > pxPerDay) {
    // Zoomed out past what the shown rows allow: they would overlap, so a pack finishes now, with
    // headroom for further zooming out.
    if (!(j.active && j.pxPerDay <= pxPerDay)) startFor(b - kHeadroomBuckets);
    advancePack(UINT32_MAX);
    commitPack();
    changed = true;
  }
  // Zooming out, prepare rows for further out; otherwise the tightest rows for this zoom.
  const int want = zoomingOut ? b - kHeadroomBuckets : b;
  if (j.active && j.pxPerDay > pxPerDay) j.active = false;  // it would overlap at this zoom
  if (!j.active && packedBucket_ != want) startFor(want);
  if (j.active && advancePack(budgetItems)) {
    commitPack();
    changed = true;
  }
  return changed;
}

bool TimelineLayout::packPending() const { return job_->active; }

// ---- Lanes ---------------------------------------------------------------------------------------------

uint32_t TimelineLayout::displayRows(int lane) const {
  const LaneData& L = lanes_[lane];
  return L.collapsed ? 1 : std::max<uint32_t>(1, L.shown.rows);
}

void TimelineLayout::setCollapsed(int lane, bool collapsed) {
  if (lane < 0 || lane >= laneCount()) return;
  lanes_[lane].collapsed = collapsed;
  // The rows under a body's row (no header of their own) fold with it.
  for (int l = lane + 1; l < laneCount() && !hasHeader(l); ++l) lanes_[l].collapsed = collapsed;
  layoutLanes();
}

void TimelineLayout::layoutLanes() {
  float y = 0;
  for (int l = 0; l < laneCount(); ++l) {
    if (l > 0 && hasHeader(l)) y += style_.laneGap;
    lanes_[l].top = y;
    y += laneHeight(l);
  }
}

float TimelineLayout::rowTop(int lane, uint32_t row) const {
  return lanes_[lane].top + headerHeight(lane) + static_cast<float>(row) * style_.rowHeight;
}

float TimelineLayout::laneHeight(int lane) const {
  return headerHeight(lane) + static_cast<float>(displayRows(lane)) * style_.rowHeight;
}

float TimelineLayout::totalHeight() const {
  return lanes_.empty() ? 0.f : lanes_.back().top + laneHeight(laneCount() - 1);
}

int TimelineLayout::laneAt(float y, int* row) const {
  if (row) *row = -1;
  // Lanes are in order of their tops: the last starting at or above y, if y is within it.
  const auto after = std::upper_bound(lanes_.begin(), lanes_.end(), y, [](float v, const LaneData& L) { return v < L.top; });
  if (after == lanes_.begin()) return -1;
  const int l = static_cast<int>(after - lanes_.begin()) - 1;
  const float top = lanes_[l].top;
  if (y >= top + laneHeight(l)) return -1;
  const float inRows = y - top - headerHeight(l);
  if (row && inRows >= 0) *row = static_cast<int>(inRows / style_.rowHeight);
  return l;
}

void TimelineLayout::rowsInY(int lane, float y0, float y1, uint32_t& first, uint32_t& last) const {
  first = last = 0;
  if (lane < 0 || lane >= laneCount()) return;
  const float top = rowTop(lane, 0);
  const LaneData& L = lanes_[lane];
  first = last = 0;
  const uint32_t rows = L.shown.rows;
  if (rows == 0 || y1 < top || y0 >= top + static_cast<float>(rows) * style_.rowHeight) return;
  const float a = std::max(0.f, (y0 - top) / style_.rowHeight);
  const float b = (y1 - top) / style_.rowHeight;
  first = static_cast<uint32_t>(a);
  last = std::min(rows, static_cast<uint32_t>(b) + 1);
}

// ---- Culling -------------------------------------------------------------------------------------------

void TimelineLayout::visible(double t0, double t1, int lane, uint32_t rowBegin, uint32_t rowEnd,
                             std::vector<uint32_t>& out) const {
  const LaneRows& R = lanes_[lane].shown;
  rowEnd = std::min(rowEnd, R.rows);
  for (uint32_t r = rowBegin; r < rowEnd; ++r) {
    const uint32_t* first = R.rowItems.data() + R.rowStart[r];
    const uint32_t* last = R.rowItems.data() + R.rowStart[r + 1];
    // Items in a row never overlap, so their ends ascend with their starts: one binary search finds the
    // first that has not ended before t0, and the run stops at the first starting after t1.
    const uint32_t* it = std::partition_point(first, last, [&](uint32_t i) { return items_[i].rangeEnd < t0; });
    for (; it != last && items_[*it].rangeStart <= t1; ++it) out.push_back(*it);
  }
}

void TimelineLayout::visible(const TimeScale& s, float y0, float y1, std::vector<uint32_t>& out) const {
  out.clear();
  const double t0 = s.toTime(-rightPadPx()), t1 = s.toTime(s.width() + leftPadPx());
  for (int l = 0; l < laneCount(); ++l) {
    if (lanes_[l].collapsed) continue;
    uint32_t first, last;
    rowsInY(l, y0, y1, first, last);
    visible(t0, t1, l, first, last, out);
  }
}

uint32_t TimelineLayout::countIntersecting(int lane, double t0, double t1) const {
  const LaneData& L = lanes_[lane];
  // Items meeting [t0, t1] = items starting by t1, less those that ended before t0 (which all started).
  const auto started = std::upper_bound(L.starts.begin(), L.starts.end(), t1) - L.starts.begin();
  const auto ended = std::lower_bound(L.endsSorted.begin(), L.endsSorted.end(), t0) - L.endsSorted.begin();
  return static_cast<uint32_t>(std::max<std::ptrdiff_t>(0, started - ended));
}

void TimelineLayout::density(int lane, const TimeScale& s, float bucketPx, std::vector<uint32_t>& counts) const {
  bucketPx = std::max(1.f, bucketPx);
  const size_t n = static_cast<size_t>(std::ceil(s.width() / bucketPx));
  counts.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const float xa = static_cast<float>(i) * bucketPx;
    const float xb = std::min(s.width(), xa + bucketPx);
    counts[i] = countIntersecting(lane, s.toTime(xa), s.toTime(xb));
  }
}

// ---- Geometry and labels ------------------------------------------------------------------------------

PlacedItem TimelineLayout::geometry(uint32_t item, const TimeScale& s) const {
  const TimelineItem& it = items_[item];
  PlacedItem p;
  p.item = item;
  const float xs = s.toX(it.start);
  if (it.isSpan) {
    p.x0 = xs;
    p.x1 = std::max(s.toX(it.end), xs + style_.minBarPx);
    p.bandX0 = p.x0;
    p.bandX1 = p.x1;
    p.extX0 = p.x0 - (it.openStart || it.unknownStart ? style_.tailPx : 0.f);
    p.extX1 = p.x1 + (it.unknownEnd ? style_.tailPx : 0.f);
  } else {
    p.x0 = xs - style_.markerRadius;
    p.x1 = xs + style_.markerRadius;
    p.bandX0 = xs;
    p.bandX1 = s.toX(it.rangeEnd);
    p.extX0 = p.x0;
    p.extX1 = std::max(p.x1, p.bandX1);
  }
  if (it.published != TimelineItem::kNoPublished) p.extX0 = std::min(p.extX0, s.toX(it.published) - style_.markerRadius);
  p.lane = it.lane;
  p.row = lanes_[it.lane].collapsed ? 0 : rowOf_[item];
  const float top = rowTop(it.lane, p.row);
  p.y0 = top + style_.rowPad;
  p.y1 = top + style_.rowHeight - style_.rowPad;
  // A point's label sits beside its marker; a bar's inside it, kept on screen when the bar starts off it.
  p.labelX = it.isSpan ? std::max(p.x0, 0.f) + style_.labelGapPx : p.x1 + style_.labelGapPx;
  return p;
}

namespace {
bool sameRow(const PlacedItem& a, const PlacedItem& b) { return a.lane == b.lane && a.row == b.row; }
}  // namespace

float TimelineLayout::barRoom(const PlacedItem& p) const {
  const TimelineItem& it = items_[p.item];
  // An inferred span is an outline: its label is dark over a faint fill, not light on a bar.
  if (!it.isSpan || it.inferred || p.labelX >= p.x1) return -1.f;
  return std::max(0.f, p.x1 - style_.labelGapPx - p.labelX);
}

void TimelineLayout::moveBesideBar(PlacedItem& p) const { p.labelX = p.extX1 + style_.labelGapPx; }

void TimelineLayout::place(const TimeScale& s, const std::vector<uint32_t>& visibleItems,
                           const std::vector<float>& labelWidthPx, int selectedItem,
                           std::vector<PlacedItem>& out, const std::vector<float>* shortWidthPx) const {
  out.clear();
  // Draw order (lane, row, start), as visible() gives it; any other list is sorted into it first.
  auto cmp = [this](uint32_t a, uint32_t b) {
    const TimelineItem &x = items_[a], &y = items_[b];
    if (x.lane != y.lane) return x.lane < y.lane;
    if (rowOf_[a] != rowOf_[b]) return rowOf_[a] < rowOf_[b];
    return x.rangeStart < y.rangeStart;
  };
  std::vector<uint32_t> sorted;
  const std::vector<uint32_t>* order = &visibleItems;
  if (!std::is_sorted(visibleItems.begin(), visibleItems.end(), cmp)) {
    sorted = visibleItems;
    std::sort(sorted.begin(), sorted.end(), cmp);
    order = &sorted;
  }
  for (uint32_t i : *order) out.push_back(geometry(i, s));

  const float inf = std::numeric_limits<float>::infinity();
  const float gap = style_.labelGapPx;
  size_t runStart = 0;
  while (runStart < out.size()) {
    size_t runEnd = runStart + 1;
    while (runEnd < out.size() && sameRow(out[runStart], out[runEnd])) ++runEnd;
    // The selected label goes first: it is always full, and later labels it covers give way.
    size_t sel = runEnd;
    for (size_t k = runStart; k < runEnd; ++k) {
      if (static_cast<int>(out[k].item) != selectedItem) continue;
      sel = k;
      out[k].fit = LabelFit::Full;
      out[k].labelMaxPx = clampIndex(labelWidthPx, out[k].item, 0.f);
      // Whole and readable: beside its bar when it does not fit on it.
      const float br = barRoom(out[k]);
      if (br >= 0 && br < out[k].labelMaxPx) moveBesideBar(out[k]);
    }
    const float selLeft = sel < runEnd ? out[sel].labelX : inf;
    const float selRight = sel < runEnd ? out[sel].labelX + out[sel].labelMaxPx : -inf;
    float prevRight = -inf;  // right end of everything placed so far in the row: footprints and labels
    for (size_t k = runStart; k < runEnd; ++k) {
      if (k == sel) {
        prevRight = std::max({prevRight, out[k].extX1, selRight});
        continue;
      }
      PlacedItem& p = out[k];
      float width = clampIndex(labelWidthPx, p.item, 0.f);
      float limit = k + 1 < runEnd ? out[k + 1].extX0 - gap : inf;
      if (k < sel) limit = std::min(limit, selLeft - gap);
      const float shortWidth = shortWidthPx ? clampIndex(*shortWidthPx, p.item, 0.f) : 0.f;
      // A label on its bar stays on it (light on the fill): whole, short, or elided when the bar has room
      // for a few letters; on a shorter bar it goes beside the bar instead of running dark over it.
      const float onBar = barRoom(p);
      bool beside = onBar < 0;  // the label starts beside its shape, not on a bar
      if (onBar >= 0) {
        const bool fits = width <= onBar || (shortWidth > 0 && shortWidth <= onBar);
        if (fits || onBar >= style_.minOnBarPx) {
          limit = std::min(limit, p.labelX + onBar);
        } else {
          moveBesideBar(p);
          beside = true;
        }
      }
      // A label beside its shape that would run off the plot's end (nothing else in its way) goes before
      // the shape instead, right-aligned, when that room is free: past what the row shows, on screen.
      const float after = std::min(limit, s.width()) - p.labelX;
      const float before = std::min(p.extX0 - gap, limit) - std::max(prevRight + gap, 0.f);
      const bool clearOfSel = k < sel || sel == runEnd;
      auto placeBefore = [&](float w, bool useShort) {
        if (!(w > 0 && before >= w && (clearOfSel || p.extX0 - gap - w >= selRight + gap))) return false;
        p.useShort = useShort;
        p.labelMaxPx = w;
        p.labelX = p.extX0 - gap - w;
        p.fit = LabelFit::Full;
        return true;
      };
      if (beside && limit > s.width() && after < width &&
          (placeBefore(width, false) || (!(shortWidth > 0 && after >= shortWidth) && placeBefore(shortWidth, true)))) {
        prevRight = std::max(prevRight, p.extX1);
        continue;
      }
      const float room = limit - p.labelX;
      if (width > room && shortWidth > 0) {  // the short name, whole or elided, reads better than an elided name
        p.useShort = true;
        width = shortWidth;
      }
      if (width <= 0 || (k > sel && sel < runEnd && p.labelX < selRight + gap)) {
        p.fit = LabelFit::Hidden;
      } else if (width <= room) {
        p.fit = LabelFit::Full;
        p.labelMaxPx = width;
      } else if (room >= style_.minLabelPx) {
        p.fit = LabelFit::Elided;
        p.labelMaxPx = room;
      } else {
        p.fit = LabelFit::Hidden;
      }
      prevRight = std::max(prevRight, p.fit == LabelFit::Hidden ? p.extX1 : std::max(p.extX1, p.labelX + p.labelMaxPx));
    }
    runStart = runEnd;
  }
}

// ---- Hit testing --------------------------------------------------------------------------------------

int TimelineLayout::hit(const TimeScale& s, float x, float y, float tolerancePx,
                        const std::vector<PlacedItem>* placed) const {
  int row = -1;
  const int lane = laneAt(y, &row);
  if (lane < 0 || row < 0 || lanes_[lane].collapsed || static_cast<uint32_t>(row) >= lanes_[lane].shown.rows) return -1;

  // Candidates: items whose dates come within reach of x once their pixel overhangs are counted.
  std::vector<uint32_t> near;
  visible(s.toTime(x - tolerancePx - rightPadPx()), s.toTime(x + tolerancePx + leftPadPx()), lane,
          static_cast<uint32_t>(row), static_cast<uint32_t>(row) + 1, near);
  int best = -1;
  float bestDist = std::numeric_limits<float>::infinity();
  for (uint32_t i : near) {
    const PlacedItem p = geometry(i, s);
    if (y < p.y0 - tolerancePx || y > p.y1 + tolerancePx) continue;
    // Inside the body ranks before near the footprint.
    const float body = x < p.x0 ? p.x0 - x : (x > p.x1 ? x - p.x1 : 0.f);
    const float ext = x < p.extX0 ? p.extX0 - x : (x > p.extX1 ? x - p.extX1 : 0.f);
    const float d = body == 0.f ? -1.f : ext;
    if (d <= tolerancePx && d < bestDist) {
      best = static_cast<int>(i);
      bestDist = d;
    }
  }
  if (best >= 0 || !placed) return best;
  for (const PlacedItem& p : *placed) {
    if (p.fit == LabelFit::Hidden || y < p.y0 || y > p.y1) continue;
    if (x >= p.labelX && x <= p.labelX + p.labelMaxPx && p.lane == lane && p.row == static_cast<uint32_t>(row))
      return static_cast<int>(p.item);
  }
  return -1;
}

LabelInk labelInk(bool startsOnBar, float width, float room, float barRoom, float minOnBarPx) {
  LabelInk ink{std::min(width, room), false};
  if (!startsOnBar || barRoom <= 0) return ink;
  if (ink.limit <= barRoom) ink.onBar = true;
  else if (barRoom >= minOnBarPx) ink = LabelInk{barRoom, true};
  return ink;
}

}  // namespace nhsx
