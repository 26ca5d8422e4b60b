// The timeline view's layout, free of any drawing library: which dated things go in which lane and row,
// which are on screen, where each shape and label goes, and what is under the pointer. The view draws
// exactly what this decides, so culling, label collisions and hit testing are tested natively.
//
// Coordinates: time in days since 1970-01-01 (fractional); x in pixels from the plot's left edge (the
// TimeScale's); y in pixels from the top of the lanes' content (the caller adds origin and scroll).
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/time_scale.h"

namespace nhsx {

// Bodies first: the timeline reads as the lifelines of the organisations and people, then what they
// published, ran and did.
enum class Lane : uint8_t { Organisations, People, Documents, Programmes, Events, Count };
constexpr int kLaneCount = static_cast<int>(Lane::Count);
const char* laneName(int lane);  // "Organisations", "People", "Documents and mandates", ...
// Documents, parts and (dated) themes share the documents lane: parts and themes are mostly undated.
int laneOfKind(Kind k);

// How the timeline's lanes are made: by kind (the lanes above) or by body, each body that owns
// documents or programmes with a group of its own (core/timeline_groups.h, "Organise by body").
enum class TimelineGrouping : uint8_t { Kind, Body };
struct BodyOwner;

// One dated entity or event. A single date is a point at its first day with its precision as a band
// (a year-precision date is a marker on 1 Jan plus a faint band over the year); an interval is a bar.
struct TimelineItem {
  double start = 0, end = 0;            // a bar covers [start, end); a point has end == start
  double rangeStart = 0, rangeEnd = 0;  // every day the item may cover: a point's band, a bar's [start, end)
  std::string_view label;               // the entity's or event's name, viewed in the Corpus
  std::string_view shortLabel;          // the entity's shortName (empty when none): used where the name does not fit
  uint32_t source = 0;                  // index into Corpus::entities, or Corpus::events when isEvent
  uint16_t lane = 0;                    // the lane drawn in: a Lane by kind, or one planned by body
  uint8_t kindLane = 0;                 // the Lane of its kind (or Events), whatever the grouping
  Precision precision = Precision::Day;  // of the start (of the end for an open start)
  bool isEvent = false;
  bool isSpan = false;      // an interval, drawn as a bar
  bool openStart = false;   // "../2015": began at some time before; bar = the end's own range, plus a tail
  bool unknownStart = false;  // "/2015": start unknown; drawn like openStart
  bool openEnd = false;     // "2013/..": still going; the bar runs to the `today` given to build()
  bool unknownEnd = false;  // "2013/": end unknown; bar = the start's own range, plus a fading tail
  bool startApproximate = false, startUncertain = false;  // '~' and '?' on the start (the date, for points)
  bool endApproximate = false, endUncertain = false;      // and on the end
  bool inferred = false;    // an undated entity placed from its first to its last dated relation or event
  bool continues = false;   // continues the row of an earlier item: the body renamed, the next mandate
  // A document's publication day (its "publication" event) when that is not where its bar starts (a
  // mandate published months before the period it governs): marked on its row. kNoPublished when none.
  static constexpr int32_t kNoPublished = INT32_MIN;
  int32_t published = kNoPublished;
};

// A succession between two bodies on different rows (merged into, succeeded by): drawn as a connector
// at the day it took effect, from the earlier body's row to the later one's.
struct TimelineLink {
  uint32_t fromItem = 0, toItem = 0;
  double day = 0;
};

// Lifelines: entities that share one timeline row, as a group id per entity (the lowest entity index of
// its group; itself when alone). Renamings join a body's names; `follows` joins mandates into their series,
// and with `owners` (bodyOwners) only mandates under the same body (a row is in one body's group).
std::vector<uint32_t> lifelineGroups(const Corpus& c, const std::vector<BodyOwner>* owners = nullptr);

// Kinds whose undated entities are placed by inference (inferredSpan): bodies, people, programmes and
// partnerships are things a reader expects to find on a timeline; parts and themes are not.
bool inferredKind(Kind k);

// For each entity, the days of its dated relations and events: [first, last], an open end counting as
// `today`; first > last (INT32_MAX, INT32_MIN) when none is dated. An undated entity is placed over
// them (inferred); a dated one whose start is open or unknown ("../2014-11-30") reaches back to the first.
struct InferredSpans {
  std::vector<int32_t> first, last;
};
InferredSpans inferSpans(const Corpus& c, int32_t today);

// For each entity, the day to mark as a document's publication on its row: the first day of its earliest
// "publication" event whose first entity is the document and whose date is one day, month or year (a
// range of candidate days marks nothing; core/time_filter's publicationDays, for existence, takes its
// start); kNoPublished otherwise.
std::vector<int32_t> publicationMarks(const Corpus& c);

// Pixel sizes the geometry uses; drawing must use the same ones for hit testing to match.
struct TimelineStyle {
  float rowHeight = 20.f;         // one row of items
  float rowPad = 3.f;             // shapes leave this much of their row free above and below
  float laneHeaderHeight = 20.f;  // the lane's title strip, above its rows
  float laneGap = 8.f;            // between one lane's last row and the next lane's header
  float markerRadius = 4.f;       // point markers
  float minBarPx = 3.f;           // bars are never drawn thinner
  float tailPx = 16.f;            // the fading tail of an open/unknown start or an unknown end
  float minItemPx = 80.f;         // room each item keeps in its row from its start: marker and short label
  float labelGapPx = 4.f;         // between a shape and its label, and a label and the next shape
  float minLabelPx = 24.f;        // an elided label narrower than this is hidden instead
  float minOnBarPx = 48.f;        // a bar with less room than this shows a label that does not fit beside it
};

enum class LabelFit : uint8_t { Hidden, Elided, Full };

// How a label is inked: at most `limit` pixels wide (elided beyond), and on its bar (light text, so it
// must stay within the bar) or beside it.
struct LabelInk {
  float limit = 0;
  bool onBar = false;
};
// A span's label starting on its bar stays on it: whole if it fits, else elided to the bar when the bar
// has at least minOnBarPx of room, else inked beside (dark) up to `room`. width: the label's width as
// placed; room: up to the plot's edge; barRoom: from the label's start to the bar's end.
LabelInk labelInk(bool startsOnBar, float width, float room, float barRoom, float minOnBarPx);

// Where one visible item is drawn and whether (and how wide) its label is.
struct PlacedItem {
  uint32_t item = 0;
  uint32_t row = 0;  // row within the lane (0 in a collapsed lane)
  uint16_t lane = 0;
  float x0 = 0, x1 = 0;          // body: a bar's rectangle (>= minBarPx) or a point's marker [x - r, x + r]
  float bandX0 = 0, bandX1 = 0;  // a point's precision band (a bar's is its body)
  float extX0 = 0, extX1 = 0;    // footprint: body, band and tails; what the hit test uses
  float y0 = 0, y1 = 0;          // body's vertical extent
  float labelX = 0;              // where the label's text starts (left-aligned, vertically centred on the body)
  float labelMaxPx = 0;          // Full: the label's width; Elided: elide the text to fit this; Hidden: 0
  LabelFit fit = LabelFit::Hidden;
  bool useShort = false;         // the label shown is the item's shortLabel (the name did not fit)
};

// One entity in the "dates unknown" strip: a chip at [x0, x1) x [y0, y1), y from the strip's top.
struct Chip {
  uint32_t entity = 0;
  float x0 = 0, x1 = 0, y0 = 0, y1 = 0;
};

// Lays chips of the given label widths left to right in rows that wrap at maxWidth (a chip wider than
// a row is cut to it): each chip is its label plus padX on either side, chips and rows gapPx apart.
// Returns the height used (0 for none). Chips never overlap and never pass maxWidth.
float layoutChips(const std::vector<uint32_t>& entities, const std::vector<float>& labelWidths, float maxWidth,
                  float padX, float gapPx, float rowHeight, std::vector<Chip>& out);

class TimelineLayout {
 public:
  TimelineLayout();
  ~TimelineLayout();
  TimelineLayout(TimelineLayout&&) noexcept;
  TimelineLayout& operator=(TimelineLayout&&) noexcept;

  // Every dated entity and every event becomes an item; an undated entity of an inferredKind becomes
  // an inferred item over its inferSpans() days when it has any; other undated entities are left out. Open ends run to
  // `today` (days since 1970-01-01). Items are ordered by lane then start (map with itemOfEntity/Event
  // and TimelineItem::source) and view the corpus's names: rebuild when the corpus changes. Packs for
  // the whole data across 1000 px, so every query works at once.
  // entityMask (one byte per entity, 0 = filtered out) leaves out entities and the events all of whose
  // entities are out.
  // grouping: the lanes by kind (kLaneCount of them, Lane's order, even when empty) or by body
  // (planLanes, core/timeline_groups.h: no lane empty, each packed on its own like any lane).
  void build(const Corpus& c, int32_t today, const std::vector<uint8_t>* entityMask = nullptr,
             TimelineGrouping grouping = TimelineGrouping::Kind);
  TimelineGrouping grouping() const { return grouping_; }
  // By body: which body each entity's item is under (bodyOwners); empty by kind.
  const std::vector<BodyOwner>& owners() const;

  const std::vector<TimelineItem>& items() const { return items_; }
  // Successions between items (see TimelineLink); renamings and a series of mandates share one row
  // instead (lifelines): each such group is packed as one occupancy, from its first start to its last end.
  const std::vector<TimelineLink>& links() const { return links_; }
  size_t size() const { return items_.size(); }
  int itemOfEntity(uint32_t entity) const;  // -1 when the entity has no item (undated, nothing to infer from)
  // Entities of an inferredKind that have no item (no date, nothing dated to infer from) and pass the
  // mask: the view lists them in a "dates unknown" strip, so that none is silently absent.
  const std::vector<uint32_t>& undated() const { return undated_; }
  int itemOfEvent(uint32_t event) const;
  // Extent of all items in days (with open ends at today); [today - 365, today + 1] when there are none.
  double dataFirst() const { return dataFirst_; }
  double dataLast() const { return dataLast_; }
  // Start of what the corpus is about: its earliest document or programme. Bodies founded long before (a
  // hospital in 1843) and their founding events would otherwise squeeze the corpus's years into a sliver
  // of the first view; dataFirst() when there is no document or programme.
  double activityFirst() const { return activityFirst_; }
  // Margin for TimeScale::clampTo: 5% of the data's span, at least a month.
  double defaultMarginDays() const;

  void setStyle(const TimelineStyle& s);  // the next packForZoom repacks
  const TimelineStyle& style() const { return style_; }

  // ---- Rows: greedy interval packing, O(n log n). An item occupies, in its row, from its start less
  // max(markerRadius, tailPx) to the later of its end (plus a tail) and its start plus minItemPx, and a
  // labelGapPx gap; items in one row never share any of that. Uses the lowest free row, so the row count
  // is the least possible for those extents.
  void pack(double pxPerDay, float minItemPx);
  // Call every frame with the shown zoom. Keeps rows packed for the zoom's bucket (steps of sqrt(2)), at
  // the bucket's lowest zoom so they suit any zoom in it. Rows packed for less zoom stay valid at more,
  // so a repack runs in slices of budgetItems items per call (UINT32_MAX: at once) while the shown rows
  // stay: 100k items repack over a few frames instead of stalling one. Only a zoom out past the shown
  // rows' zoom finishes a pack at once; while zooming out, packs aim a factor of 2 further out so the
  // slices keep ahead; once the zoom settles, rows tighten to its bucket. After every call no two items
  // of a row overlap at pxPerDay (packedPxPerDay() <= pxPerDay). True when the shown rows changed.
  bool packForZoom(double pxPerDay, uint32_t budgetItems = kPackBudget);
  static constexpr uint32_t kPackBudget = 20000;  // about a millisecond natively
  bool packPending() const;
  static int zoomBucket(double pxPerDay);
  static double bucketPxPerDay(int bucket);  // the lowest pxPerDay of the bucket
  double packedPxPerDay() const { return packedPxPerDay_; }
  uint32_t rowOf(uint32_t item) const { return rowOf_[item]; }  // row within its lane
  // The days an item occupies in its row when packed at pxPerDay with minItemPx, as pack() computes it.
  void packExtent(const TimelineItem& it, double pxPerDay, float minItemPx, double& from, double& to) const;

  // ---- Lanes and vertical geometry. A collapsed lane shows one row: a density summary (density()).
  int laneCount() const { return static_cast<int>(lanes_.size()); }
  // The header's text, "Organisations (12)", "NHS England (9)" (a body's header counts its documents and
  // programmes); empty for a lane without a header (a body's documents and programmes, under its row).
  std::string laneTitle(int lane) const { return laneHeading(lane) + laneCountText(lane); }
  const std::string& laneHeading(int lane) const { return lanes_[lane].heading; }  // "NHS England"
  std::string laneCountText(int lane) const { return " (" + std::to_string(lanes_[lane].count) + ")"; }
  bool hasHeader(int lane) const { return !lanes_[lane].heading.empty(); }
  float headerHeight(int lane) const { return hasHeader(lane) ? style_.laneHeaderHeight : 0.f; }
  // The body whose group the lane is in (an entity index: its lifeline group), -1 for none.
  int32_t laneBody(int lane) const { return lanes_[lane].body; }
  uint32_t rowCount(int lane) const { return lanes_[lane].shown.rows; }  // packed rows
  uint32_t displayRows(int lane) const;  // 1 when collapsed or empty, else rowCount
  void setCollapsed(int lane, bool collapsed);  // a header's lane and the headerless lanes under it
  bool collapsed(int lane) const { return lanes_[lane].collapsed; }
  float laneTop(int lane) const { return lanes_[lane].top; }  // top of the lane's header
  float rowTop(int lane, uint32_t row) const;                 // top of a row (row 0 just under the header)
  float laneHeight(int lane) const;                           // header and rows, without the gap
  // A lane with a header starts after a gap; one without continues the group above it.
  float totalHeight() const;
  // Lane whose header or rows contain y, -1 in a gap or outside; row gets the row under y, or -1 on
  // the header or below the last display row.
  int laneAt(float y, int* row = nullptr) const;

  // ---- Culling: exactly the items whose [rangeStart, rangeEnd] meets [t0, t1], O(log n + k) per row.
  // Appends row by row, each row by start.
  void visible(double t0, double t1, int lane, uint32_t rowBegin, uint32_t rowEnd,
               std::vector<uint32_t>& out) const;
  // Clears out, then every item drawn in the view: rows of expanded lanes meeting [y0, y1], times widened
  // by the pixels a marker, bar or tail may reach past its dates. Ordered by lane, row, start.
  void visible(const TimeScale& s, float y0, float y1, std::vector<uint32_t>& out) const;
  // Items of a lane meeting [t0, t1], counted in O(log n) from sorted starts and ends.
  uint32_t countIntersecting(int lane, double t0, double t1) const;
  // A collapsed lane's summary: counts[i] = items of the lane meeting bucket i, the times under pixels
  // [i * bucketPx, (i + 1) * bucketPx) of the view. Cost O(buckets * log n), whatever the zoom.
  void density(int lane, const TimeScale& s, float bucketPx, std::vector<uint32_t>& counts) const;

  // ---- Geometry and labels.
  // Shape of one item at this zoom (label left Hidden).
  PlacedItem geometry(uint32_t item, const TimeScale& s) const;
  // Places the visible items (as visible() returns them) and decides their labels: a label runs from
  // beside its marker (or inside its bar, kept on screen) up to the next item's footprint in the row,
  // Full if it fits, Elided to the room left if that is at least minLabelPx, else Hidden. The selected
  // item (an item index, -1 for none) is always Full; the labels after it that it covers are hidden.
  // labelWidthPx[item] is the full label's width at the current font (computed once per font size).
  // With shortWidthPx (the shortLabels' widths, 0 where none), an item whose name does not fit shows its
  // short label instead, whole if it fits, else elided (a short label keeps its start, "2016–17 m…").
  void place(const TimeScale& s, const std::vector<uint32_t>& visibleItems,
             const std::vector<float>& labelWidthPx, int selectedItem, std::vector<PlacedItem>& out,
             const std::vector<float>* shortWidthPx = nullptr) const;

  // ---- Hit testing, with the geometry above: the item whose body is under (x, y), else whose footprint
  // is within tolerancePx, else (when `placed` is given) whose shown label is under the point. -1 for
  // none, and on collapsed lanes and headers.
  int hit(const TimeScale& s, float x, float y, float tolerancePx = 2.f,
          const std::vector<PlacedItem>* placed = nullptr) const;

 private:
  struct LaneRows {
    uint32_t rows = 0;
    std::vector<uint32_t> rowStart;  // CSR: row r holds rowItems[rowStart[r], rowStart[r + 1])
    std::vector<uint32_t> rowItems;  // item indices, each row by start (and so by end: rows don't overlap)
  };
  struct LaneData {
    uint32_t begin = 0, end = 0;     // the lane's items: items_[begin, end), sorted by rangeStart
    std::vector<double> starts;      // rangeStart of those items, ascending
    std::vector<double> ends;        // their rangeEnd, in the same order
    std::vector<uint8_t> tail;       // their unknownEnd (packing reads these arrays, not the items)
    std::vector<double> packEnds;    // ends for packing: a lifeline's first item holds its whole group's
    std::vector<int32_t> follow;     // lane-relative index of the item whose row an item continues, or -1
    std::vector<double> endsSorted;  // rangeEnd of those items, ascending
    LaneRows shown;                  // the rows drawn now
    bool collapsed = false;
    float top = 0;
    std::string heading;             // the header's name; empty for no header
    uint32_t count = 0;              // what the header counts
    uint64_t key = 0;                // LaneSpec::key: folding survives a rebuild
    int32_t body = -1;
  };

  // An item's occupancy in its row, in days, at one zoom: the sums packing makes per item.
  struct PackDays {
    double before = 0, min = 0, tail = 0, gap = 0;
    void extent(double start, double end, bool hasTail, double& from, double& to) const {
      from = start - before;
      to = std::max(end + (hasTail ? tail : 0.0), start + min) + gap;
    }
  };
  PackDays packDays(double pxPerDay, float minItemPx) const;
  struct PackJob;
  void startPack(double pxPerDay, int bucket, float minItemPx);
  bool advancePack(uint32_t budget);  // true when the job is complete
  void commitPack();
  float leftPadPx() const;   // how far any footprint reaches before its start
  float rightPadPx() const;  // how far any body or tail reaches past its end
  void layoutLanes();
  // Room for a label on its bar, from labelX to the bar's end less a gap (0 when none); -1 when it is not on a bar
  // (a point, an inferred outline, or a label already beside).
  float barRoom(const PlacedItem& p) const;
  void moveBesideBar(PlacedItem& p) const;  // the label starts after the bar and its tail
  void rowsInY(int lane, float y0, float y1, uint32_t& first, uint32_t& last) const;

  std::vector<TimelineItem> items_;
  std::vector<TimelineLink> links_;
  std::vector<uint32_t> undated_;
  std::vector<int32_t> itemOfEntity_, itemOfEvent_;
  std::vector<uint32_t> rowOf_;  // each item's row, set by pack
  std::vector<LaneData> lanes_;
  std::shared_ptr<const std::vector<BodyOwner>> owners_;
  TimelineGrouping grouping_ = TimelineGrouping::Kind;
  TimelineStyle style_;
  double dataFirst_ = 0, dataLast_ = 1, activityFirst_ = 0;
  double packedPxPerDay_ = 0;
  int packedBucket_ = INT32_MIN;
  double lastPxPerDay_ = 0;
  std::unique_ptr<PackJob> job_;
};

}  // namespace nhsx
