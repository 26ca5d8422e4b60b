// The timeline's core: the time scale and its limits, calendar ticks, lanes and row packing, culling,
// density, label level of detail and hit testing, on random corpora and on the bundled one.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "bundled_corpus.h"
#include "core/corpus_loader.h"
#include "core/time_scale.h"
#include "core/time_ticks.h"
#include "core/timeline_layout.h"

using namespace nhsx;

namespace {

const char* const kMonth[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

double relEps(double t) { return 1e-9 * std::max(1.0, std::fabs(t)); }

std::string randomEdtf(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int y = pick(1950, 2024), m = pick(1, 12), d = pick(1, 28);
  char day[16], month[16], year[8];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
  std::snprintf(month, sizeof month, "%04d-%02d", y, m);
  std::snprintf(year, sizeof year, "%04d", y);
  char later[16];
  std::snprintf(later, sizeof later, "%04d", std::min(9999, y + pick(0, 15)));
  switch (pick(0, 13)) {
    case 0: return year;
    case 1: return month;
    case 2: case 3: case 4: return day;
    case 5: return std::string(year) + "-" + std::to_string(pick(21, 24));
    case 6: return std::string(year) + "~";
    case 7: return std::string(month) + "?";
    case 8: return std::string(year) + "/" + later;
    case 9: return std::string(day) + "/" + later;
    case 10: return std::string(day) + "/..";
    case 11: return "../" + std::string(day);
    case 12: return std::string(month) + "/";
    default: return "/" + std::string(year);
  }
}

DateField dateField(const std::string& text) {
  DateParse p = parseEdtf(text);
  INFO(text << ": " << p.error);
  REQUIRE(p.ok);
  DateField f;
  f.text = text;
  f.value = p.date;
  return f;
}

// A corpus of random dated (and some undated) entities of every kind, and events: every date form.
Corpus randomCorpus(uint32_t entities, uint32_t events, uint32_t seed) {
  std::mt19937 rng(seed);
  Corpus c;
  for (uint32_t i = 0; i < entities; ++i) {
    Entity e;
    e.id = "e" + std::to_string(i);
    e.name = "Entity " + std::to_string(i);
    e.kind = static_cast<Kind>(rng() % kKindCount);
    if (rng() % 10 < 9) e.date = dateField(randomEdtf(rng));
    c.entities.push_back(std::move(e));
  }
  for (uint32_t i = 0; i < events; ++i) {
    Event v;
    v.id = "v" + std::to_string(i);
    v.name = "Event " + std::to_string(i);
    v.date = dateField(randomEdtf(rng));
    c.events.push_back(std::move(v));
  }
  c.buildIndex();
  return c;
}

std::vector<float> randomLabelWidths(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<float> w(n);
  for (float& x : w) x = std::uniform_real_distribution<float>(10.f, 220.f)(rng);
  return w;
}

const int32_t kToday = daysFromCivil(2025, 6, 1);

// Items of a lane in [rowBegin, rowEnd) meeting [t0, t1], by brute force.
std::vector<uint32_t> bruteVisible(const TimelineLayout& L, double t0, double t1, int lane, uint32_t rowBegin,
                                   uint32_t rowEnd) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < L.size(); ++i) {
    const TimelineItem& it = L.items()[i];
    if (it.lane == lane && L.rowOf(i) >= rowBegin && L.rowOf(i) < rowEnd && it.rangeStart <= t1 && it.rangeEnd >= t0)
      out.push_back(i);
  }
  return out;
}

std::string expectedLabel(TickUnit u, int d, bool withYear) {
  int y, m, dd;
  civilFromDays(d, y, m, dd);
  const std::string ys = std::to_string(y);
  switch (u) {
    case TickUnit::Day:
    case TickUnit::Week: return std::to_string(dd) + " " + kMonth[m - 1] + (withYear ? " " + ys : "");
    case TickUnit::Month:
    case TickUnit::Quarter: return std::string(kMonth[m - 1]) + (withYear ? " " + ys : "");
    case TickUnit::Decade: return ys + "s";
    default: return ys;
  }
}

// Whether day d starts a step of u, from the calendar directly (not via the code under test).
bool calendarBoundary(TickUnit u, int d) {
  int y, m, dd;
  civilFromDays(d, y, m, dd);
  static const int kYears[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
  switch (u) {
    case TickUnit::Day: return true;
    case TickUnit::Week: return ((d - 4) % 7 + 7) % 7 == 0;  // Mondays (1970-01-05 was one)
    case TickUnit::Month: return dd == 1;
    case TickUnit::Quarter: return dd == 1 && (m - 1) % 3 == 0;
    default:
      return dd == 1 && m == 1 && y % kYears[static_cast<int>(u) - static_cast<int>(TickUnit::Year)] == 0;
  }
}

}  // namespace

// ---- TimeScale ---------------------------------------------------------------------------------------

TEST_CASE("the time scale maps days to pixels and back", "[timeline]") {
  TimeScale s(daysFromCivil(2010, 1, 1), daysFromCivil(2020, 1, 1), 1000.f);
  CHECK(s.toX(s.t0()) == 0.f);
  CHECK(std::fabs(s.toX(s.t1()) - 1000.f) < 1e-3f);
  for (float x : {0.f, 1.f, 333.3f, 999.f}) CHECK(std::fabs(s.toX(s.toTime(x)) - x) < 1e-3f);
  const double before = s.toTime(500.f);
  s.pan(100.f);  // content follows the pointer: the date that was at 500 is now at 600
  CHECK(std::fabs(s.toTime(600.f) - before) < relEps(before));
  s.fit(100.0, 200.0, 0.1);
  CHECK(s.t0() == 90.0);
  CHECK(s.t1() == 210.0);
  s.setView(50.0, 50.5, 800.f);  // under the minimum span: widened about its centre
  CHECK(s.span() == TimeScale::kMinSpanDays);
  CHECK(s.t0() + s.t1() == 100.5);
}

TEST_CASE("zooming keeps the date under the pointer fixed", "[timeline]") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> anchor(0.f, 1200.f);
  std::uniform_real_distribution<double> factor(0.3, 3.0);
  for (bool limited : {false, true}) {
    TimeScale s(daysFromCivil(1950, 1, 1), daysFromCivil(2030, 1, 1), 1200.f);
    if (limited) s.clampTo(daysFromCivil(1960, 1, 1), daysFromCivil(2025, 1, 1), 300);
    for (int i = 0; i < 2000; ++i) {
      const float ax = anchor(rng);
      const double t = s.toTime(ax);
      s.zoomAt(ax, factor(rng));
      INFO("step " << i << " span " << s.span());
      CHECK(std::fabs(s.toTime(ax) - t) <= relEps(t));
      CHECK(std::fabs(s.toX(t) - ax) < 1e-3f);
      CHECK(s.span() >= TimeScale::kMinSpanDays - relEps(s.span()));
      CHECK(s.span() <= s.maxSpan() + relEps(s.maxSpan()));
    }
  }
}

TEST_CASE("clamping never shows beyond the data and its margin", "[timeline]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    const double first = std::uniform_real_distribution<double>(-5000, 20000)(rng);
    const double last = first + std::uniform_real_distribution<double>(0, 30000)(rng) * (round % 5 ? 1 : 1e-4);
    const double margin = std::uniform_real_distribution<double>(0, 500)(rng);
    const double lo = first - margin, hi = last + margin;
    TimeScale s(first, last, 900.f);
    for (int i = 0; i < 400; ++i) {
      switch (rng() % 3) {
        case 0: s.zoomAt(std::uniform_real_distribution<float>(0, 900)(rng), std::exp2((rng() % 9) - 4.0)); break;
        case 1: s.pan(std::uniform_real_distribution<float>(-3000, 3000)(rng)); break;
        default: s.setView(lo - 1e5 * (rng() % 2), hi + (rng() % 1000), 900.f); break;
      }
      s.clampTo(first, last, margin);
      INFO("round " << round << " step " << i << " view " << s.t0() << ".." << s.t1() << " limits " << lo << ".."
                    << hi);
      CHECK(s.span() >= TimeScale::kMinSpanDays - relEps(s.span()));
      if (hi - lo >= TimeScale::kMinSpanDays) {
        CHECK(s.t0() >= lo - relEps(lo));
        CHECK(s.t1() <= hi + relEps(hi));
      } else {  // less data than the closest zoom: centred on it
        CHECK(std::fabs((s.t0() + s.t1()) / 2 - (lo + hi) / 2) <= relEps(hi));
      }
    }
  }
}

// ---- Ticks ---------------------------------------------------------------------------------------------

TEST_CASE("axis labels under the floating controls are cleared, the ticks kept", "[timeline]") {
  const TimeScale s(daysFromCivil(2005, 1, 1), daysFromCivil(2026, 1, 1), 1200.f);
  TickSet ts;
  computeTicks(s, 80.f, ts);
  REQUIRE(ts.majors.size() >= 5);
  const size_t before = ts.majors.size();
  const auto width = [](const std::string& t) { return 8.f * static_cast<float>(t.size()); };
  // A box over the axis's right end, 1000..1200 px.
  const int cleared = clearLabelsUnder(ts, 1000.f, 1200.f, 4.f, width);
  CHECK(ts.majors.size() == before);
  int expected = 0;
  for (const Tick& t : ts.majors) {
    if (t.x + 4.f + 8.f * 4 > 1000.f && t.x < 1200.f) {  // a year label ("2024") would reach into the box
      CHECK(t.label.empty());
      ++expected;
    } else {
      CHECK_FALSE(t.label.empty());
    }
  }
  CHECK(cleared == expected);
  CHECK(cleared >= 1);
  // An empty box clears nothing.
  TickSet again;
  computeTicks(s, 80.f, again);
  CHECK(clearLabelsUnder(again, 500.f, 500.f, 4.f, width) == 0);
}

TEST_CASE("ticks at every zoom from a century to a few days", "[timeline]") {
  std::mt19937 rng(3);
  const float spacing = 64.f;
  std::set<TickUnit> seen;
  TickSet ts;
  const int kSteps = 400;
  for (int i = 0; i <= kSteps; ++i) {
    const double span = 36525.0 * std::pow(3.0 / 36525.0, static_cast<double>(i) / kSteps);
    const double t0 = std::uniform_real_distribution<double>(daysFromCivil(1900, 1, 1), daysFromCivil(2020, 1, 1))(rng);
    const TimeScale s(t0, t0 + span, 1000.f);
    computeTicks(s, spacing, ts);
    seen.insert(ts.major);
    INFO("span " << span << " days, unit " << tickUnitName(ts.major));
    REQUIRE(ts.majors.size() >= 2);
    int prevYear = INT32_MIN;
    for (size_t k = 0; k < ts.majors.size(); ++k) {
      const Tick& t = ts.majors[k];
      const int d = static_cast<int>(t.t);
      CHECK(t.t == d);
      CHECK(t.t >= s.t0());
      CHECK(t.t <= s.t1());
      CHECK(t.x == s.toX(t.t));
      CHECK(calendarBoundary(ts.major, d));
      if (k > 0) CHECK(t.x - ts.majors[k - 1].x >= spacing - 1e-3f);  // labels never closer than asked
      int y, m, dd;
      civilFromDays(d, y, m, dd);
      CHECK(t.label == expectedLabel(ts.major, d, y != prevYear));
      prevYear = y;
    }
    // The unit is the finest that fits: the next finer one would crowd.
    if (ts.major != TickUnit::Day)
      CHECK(tickUnitMinDays(static_cast<TickUnit>(static_cast<int>(ts.major) - 1)) * s.pxPerDay() < spacing);
    if (ts.hasMinor) {
      CHECK(tickUnitNests(ts.minor, ts.major));
      CHECK(static_cast<int>(ts.minor) < static_cast<int>(ts.major));
      for (size_t k = 0; k < ts.minors.size(); ++k) {
        const int d = static_cast<int>(ts.minors[k].t);
        CHECK(calendarBoundary(ts.minor, d));
        CHECK_FALSE(calendarBoundary(ts.major, d));
        CHECK(ts.minors[k].t >= s.t0());
        CHECK(ts.minors[k].t <= s.t1());
        if (k > 0) CHECK(ts.minors[k].t > ts.minors[k - 1].t);
      }
    }
  }
  for (TickUnit u : {TickUnit::Day, TickUnit::Week, TickUnit::Month, TickUnit::Quarter, TickUnit::Year,
                     TickUnit::Year2, TickUnit::Year5, TickUnit::Decade}) {
    INFO(tickUnitName(u));
    CHECK(seen.count(u));
  }
}

TEST_CASE("tick labels read the UK way", "[timeline]") {
  TickSet ts;
  auto labels = [&](int y0, int m0, int d0, int y1, int m1, int d1) {
    computeTicks(TimeScale(daysFromCivil(y0, m0, d0), daysFromCivil(y1, m1, d1), 1000.f), 70.f, ts);
    std::vector<std::string> out;
    for (const Tick& t : ts.majors) out.push_back(t.label);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const char* s) { return std::find(v.begin(), v.end(), s) != v.end(); };

  auto decades = labels(1950, 6, 1, 2050, 1, 1);
  CHECK(ts.major == TickUnit::Decade);
  CHECK(decades.front() == "1960s");
  CHECK(has(decades, "1990s"));
  CHECK(ts.minor == TickUnit::Year);

  auto years = labels(2008, 3, 1, 2020, 1, 1);
  CHECK(ts.major == TickUnit::Year);
  CHECK(has(years, "2014"));

  auto months = labels(2012, 8, 15, 2013, 6, 1);
  CHECK(ts.major == TickUnit::Month);
  CHECK(months.front() == "Sep 2012");
  CHECK(has(months, "Nov"));
  CHECK(has(months, "Jan 2013"));
  CHECK_FALSE(has(months, "Nov 2012"));

  auto days = labels(2012, 11, 10, 2012, 11, 20);
  CHECK(ts.major == TickUnit::Day);
  CHECK(days.front() == "10 Nov 2012");
  CHECK(has(days, "13 Nov"));

  auto newYear = labels(2012, 12, 28, 2013, 1, 5);
  CHECK(has(newYear, "1 Jan 2013"));
  CHECK(has(newYear, "31 Dec"));
}

// ---- Items and lanes ---------------------------------------------------------------------------------

TEST_CASE("items carry their dates' ranges, open ends and qualifiers", "[timeline]") {
  Corpus c;
  auto add = [&](const char* id, Kind k, const char* date) {
    Entity e;
    e.id = id;
    e.name = id;
    e.kind = k;
    if (*date) e.date = dateField(date);
    c.entities.push_back(std::move(e));
  };
  add("year", Kind::Document, "2014~");
  add("open", Kind::Organisation, "2013-04-01/..");
  add("until", Kind::Programme, "../2015-03");
  add("unknown", Kind::Partnership, "2012-11-13/");
  add("interval", Kind::Person, "2014-10/2014-11?");
  add("season", Kind::Part, "2013-21");
  add("undated", Kind::Theme, "");
  Event v;
  v.id = "ev";
  v.name = "An event";
  v.date = dateField("2012-11-13");
  c.events.push_back(std::move(v));
  c.buildIndex();
  TimelineLayout L;
  L.build(c, kToday);
  REQUIRE(L.size() == 7);
  auto item = [&](const char* id) -> const TimelineItem& {
    const int i = L.itemOfEntity(static_cast<uint32_t>(c.findEntity(id)));
    REQUIRE(i >= 0);
    return L.items()[i];
  };
  CHECK(L.itemOfEntity(static_cast<uint32_t>(c.findEntity("undated"))) == -1);

  const TimelineItem& y = item("year");
  CHECK_FALSE(y.isSpan);
  CHECK(y.start == daysFromCivil(2014, 1, 1));
  CHECK(y.end == y.start);
  CHECK(y.rangeEnd == daysFromCivil(2015, 1, 1));
  CHECK(y.startApproximate);
  CHECK(y.precision == Precision::Year);
  CHECK(y.lane == static_cast<int>(Lane::Documents));

  const TimelineItem& o = item("open");
  CHECK(o.isSpan);
  CHECK(o.openEnd);
  CHECK(o.end == kToday + 1.0);
  CHECK(o.lane == static_cast<int>(Lane::Organisations));

  const TimelineItem& u = item("until");
  CHECK(u.openStart);
  CHECK(u.start == daysFromCivil(2015, 3, 1));
  CHECK(u.end == daysFromCivil(2015, 4, 1));
  CHECK(u.lane == static_cast<int>(Lane::Programmes));

  const TimelineItem& k = item("unknown");
  CHECK(k.unknownEnd);
  CHECK(k.end == daysFromCivil(2012, 11, 14));
  CHECK(k.lane == static_cast<int>(Lane::Programmes));

  const TimelineItem& iv = item("interval");
  CHECK(iv.start == daysFromCivil(2014, 10, 1));
  CHECK(iv.end == daysFromCivil(2014, 12, 1));
  CHECK(iv.endUncertain);
  CHECK_FALSE(iv.startUncertain);
  CHECK(iv.lane == static_cast<int>(Lane::People));

  const TimelineItem& s = item("season");
  CHECK(s.rangeStart == daysFromCivil(2013, 3, 1));
  CHECK(s.rangeEnd == daysFromCivil(2013, 6, 1));

  const TimelineItem& ev = L.items()[L.itemOfEvent(0)];
  CHECK(ev.isEvent);
  CHECK(ev.lane == static_cast<int>(Lane::Events));
  CHECK(ev.label == "An event");
  CHECK(L.dataFirst() == daysFromCivil(2012, 11, 13));
  CHECK(L.dataLast() == kToday + 1.0);
  CHECK(std::string(laneName(0)) == "Organisations");  // bodies first
  CHECK(std::string(laneName(static_cast<int>(Lane::Documents))) == "Documents and mandates");
}

TEST_CASE("packing never overlaps items in a row, at any zoom, with the fewest rows", "[timeline]") {
  const Corpus c = randomCorpus(3000, 800, 21);
  TimelineLayout L;
  L.build(c, kToday);
  for (double ppd : {0.005, 0.03, 0.2, 1.0, 6.0, 40.0, 400.0}) {
    for (float minItemPx : {0.f, 40.f, 120.f}) {
      L.pack(ppd, minItemPx);
      INFO("pxPerDay " << ppd << " minItemPx " << minItemPx);
      for (int lane = 0; lane < kLaneCount; ++lane) {
        std::vector<uint32_t> all;
        L.visible(-1e12, 1e12, lane, 0, L.rowCount(lane), all);
        size_t inLane = 0;
        for (const TimelineItem& it : L.items()) inLane += it.lane == lane;
        REQUIRE(all.size() == inLane);  // every item is in exactly one row
        // Within a row (visible() lists each by start): occupancies, and so pixels, never overlap.
        const TimeScale s(0, 1000.0 / ppd, 1000.f);
        for (size_t k = 1; k < all.size(); ++k) {
          const TimelineItem &a = L.items()[all[k - 1]], &b = L.items()[all[k]];
          if (L.rowOf(all[k - 1]) != L.rowOf(all[k])) continue;
          double af, at, bf, bt;
          L.packExtent(a, ppd, minItemPx, af, at);
          L.packExtent(b, ppd, minItemPx, bf, bt);
          CHECK(at <= bf);
          CHECK(L.geometry(all[k - 1], s).extX1 <= L.geometry(all[k], s).extX0 + 1e-3f);
        }
        // The greedy sweep is optimal: rows = the most occupancies that overlap at one time.
        std::vector<std::pair<double, int>> ev;
        for (uint32_t i : all) {
          double f, t;
          L.packExtent(L.items()[i], ppd, minItemPx, f, t);
          ev.emplace_back(f, 1);
          ev.emplace_back(t, -1);
        }
        std::sort(ev.begin(), ev.end());  // an end sorts before a start at the same time: they may touch
        int depth = 0, most = 0;
        for (auto& e : ev) most = std::max(most, depth += e.second);
        CHECK(L.rowCount(lane) == static_cast<uint32_t>(most));
      }
    }
  }
}

// No two items of a row overlap at this zoom: footprints in pixels, occupancies in days.
void checkRowsValid(const TimelineLayout& L, double pxPerDay) {
  const TimeScale s(0, 1000.0 / pxPerDay, 1000.f);
  for (int lane = 0; lane < kLaneCount; ++lane) {
    std::vector<uint32_t> all;
    L.visible(-1e12, 1e12, lane, 0, L.rowCount(lane), all);
    for (size_t k = 1; k < all.size(); ++k) {
      if (L.rowOf(all[k - 1]) != L.rowOf(all[k])) continue;
      double af, at, bf, bt;
      L.packExtent(L.items()[all[k - 1]], pxPerDay, L.style().minItemPx, af, at);
      L.packExtent(L.items()[all[k]], pxPerDay, L.style().minItemPx, bf, bt);
      CHECK(at <= bf);
      CHECK(L.geometry(all[k - 1], s).extX1 <= L.geometry(all[k], s).extX0 + 1e-3f);
    }
  }
}

TEST_CASE("repacks run in slices, keep rows valid at every zoom and settle on the zoom's bucket", "[timeline]") {
  const Corpus c = randomCorpus(6000, 1000, 5);
  TimelineLayout L;
  L.build(c, kToday);
  std::mt19937 rng(9);
  double ppd = 0.05;
  int changes = 0, pendingFrames = 0;
  for (int frame = 0; frame < 600; ++frame) {
    // Wheel steps in and out, sometimes several at once, and still frames.
    const int steps = static_cast<int>(rng() % 7) - 3;
    ppd = std::clamp(ppd * std::pow(1.15, steps), 0.01, 600.0);
    changes += L.packForZoom(ppd, 1500);
    pendingFrames += L.packPending();
    INFO("frame " << frame << " pxPerDay " << ppd << " packed for " << L.packedPxPerDay());
    REQUIRE(L.packedPxPerDay() <= ppd);
    if (frame % 25 == 0) checkRowsValid(L, ppd);
  }
  CHECK(changes > 20);
  CHECK(pendingFrames > 20);  // slices did span frames
  // Settling: the same zoom frame after frame tightens to its bucket, then nothing changes.
  for (double settle : {0.02, 3.0, 0.3, 200.0}) {
    for (int frame = 0; frame < 50; ++frame) L.packForZoom(settle, 1500);
    INFO("settled at " << settle << ", packed for " << L.packedPxPerDay());
    CHECK_FALSE(L.packPending());
    CHECK(L.packedPxPerDay() <= settle);
    CHECK(L.packedPxPerDay() > settle / std::sqrt(2.0) * 0.999);
    CHECK_FALSE(L.packForZoom(settle, 1500));
    CHECK_FALSE(L.packForZoom(settle * 1.05 < TimelineLayout::bucketPxPerDay(TimelineLayout::zoomBucket(settle) + 1)
                                  ? settle * 1.05 : settle, 1500));
    checkRowsValid(L, settle);
  }
  // At once (no budget limit): a zoom out past the rows' zoom repacks in the same call.
  L.packForZoom(50.0, UINT32_MAX);
  L.packForZoom(50.0, UINT32_MAX);
  CHECK(L.packForZoom(10.0, UINT32_MAX));
  CHECK(L.packedPxPerDay() <= 10.0);
  CHECK_FALSE(L.packPending());
}

// ---- Culling and density -----------------------------------------------------------------------------

TEST_CASE("culling returns exactly the items meeting the window", "[timeline]") {
  const Corpus c = randomCorpus(4000, 1000, 99);
  TimelineLayout L;
  L.build(c, kToday);
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> when(L.dataFirst() - 2000, L.dataLast() + 2000);
  for (double ppd : {0.01, 0.5, 20.0}) {
    L.pack(ppd, 60.f);
    for (int w = 0; w < 300; ++w) {
      double t0 = when(rng), t1 = t0 + std::exp(std::uniform_real_distribution<double>(0, 10)(rng));
      if (w % 10 == 0) t1 = t0;  // a single instant
      const int lane = static_cast<int>(rng() % kLaneCount);
      const uint32_t rows = L.rowCount(lane);
      const uint32_t r0 = rows ? static_cast<uint32_t>(rng() % rows) : 0;
      const uint32_t r1 = std::min(rows + 2, r0 + 1 + static_cast<uint32_t>(rng() % 40));
      std::vector<uint32_t> got;
      L.visible(t0, t1, lane, r0, r1, got);
      std::vector<uint32_t> want = bruteVisible(L, t0, t1, lane, r0, r1);
      std::sort(got.begin(), got.end());
      INFO("window " << t0 << ".." << t1 << " lane " << lane << " rows " << r0 << ".." << r1);
      CHECK(got == want);
      CHECK(L.countIntersecting(lane, t0, t1) == bruteVisible(L, t0, t1, lane, 0, UINT32_MAX).size());
    }
  }
}

TEST_CASE("the view's culling covers every item drawn in it and no lane that is collapsed", "[timeline]") {
  const Corpus c = randomCorpus(3000, 600, 4);
  TimelineLayout L;
  L.build(c, kToday);
  std::mt19937 rng(8);
  for (int w = 0; w < 200; ++w) {
    TimeScale s;
    const double t0 = std::uniform_real_distribution<double>(L.dataFirst(), L.dataLast())(rng);
    s.setView(t0, t0 + std::exp(std::uniform_real_distribution<double>(1, 10)(rng)), 1000.f);
    L.packForZoom(s.pxPerDay());
    L.setCollapsed(static_cast<int>(rng() % kLaneCount), rng() % 2 == 0);
    const float y0 = std::uniform_real_distribution<float>(0, L.totalHeight())(rng), y1 = y0 + 700.f;
    std::vector<uint32_t> got;
    L.visible(s, y0, y1, got);
    std::set<uint32_t> gotSet(got.begin(), got.end());
    CHECK(gotSet.size() == got.size());
    for (uint32_t i = 0; i < L.size(); ++i) {
      const PlacedItem p = L.geometry(i, s);
      const bool onScreen = p.extX1 >= 0 && p.extX0 <= s.width() && p.y1 >= y0 && p.y0 <= y1 &&
                            !L.collapsed(L.items()[i].lane);
      if (onScreen) CHECK(gotSet.count(i));
      if (L.collapsed(L.items()[i].lane)) CHECK_FALSE(gotSet.count(i));
    }
  }
}

TEST_CASE("density counts the items meeting each pixel bucket", "[timeline]") {
  const Corpus c = randomCorpus(2000, 500, 12);
  TimelineLayout L;
  L.build(c, kToday);
  std::vector<uint32_t> counts;
  for (double span : {30.0, 3000.0, 40000.0}) {
    const TimeScale s(daysFromCivil(1990, 1, 1), daysFromCivil(1990, 1, 1) + span, 997.f);
    for (int lane = 0; lane < kLaneCount; ++lane) {
      L.density(lane, s, 4.f, counts);
      REQUIRE(counts.size() == 250);
      for (size_t i = 0; i < counts.size(); i += 7) {
        const double a = s.toTime(static_cast<float>(i) * 4.f);
        const double b = s.toTime(std::min(997.f, static_cast<float>(i + 1) * 4.f));
        CHECK(counts[i] == bruteVisible(L, a, b, lane, 0, UINT32_MAX).size());
      }
    }
  }
  L.setCollapsed(1, true);
  CHECK(L.displayRows(1) == 1);
  CHECK(L.laneHeight(1) == L.style().laneHeaderHeight + L.style().rowHeight);
  CHECK(L.laneTop(2) == L.laneTop(1) + L.laneHeight(1) + L.style().laneGap);
}

// ---- Labels and hit testing ----------------------------------------------------------------------

TEST_CASE("label level of detail never overlaps labels in a row and always labels the selection", "[timeline]") {
  const Corpus c = randomCorpus(5000, 1500, 31);
  TimelineLayout L;
  L.build(c, kToday);
  const std::vector<float> widths = randomLabelWidths(L.size(), 2);
  std::mt19937 rng(5);
  std::vector<uint32_t> vis;
  std::vector<PlacedItem> placed;
  size_t full = 0, elided = 0, hidden = 0;
  for (int w = 0; w < 150; ++w) {
    TimeScale s;
    const double t0 = std::uniform_real_distribution<double>(L.dataFirst(), L.dataLast())(rng);
    s.setView(t0, t0 + std::exp(std::uniform_real_distribution<double>(1, 10.5)(rng)), 1100.f);
    L.packForZoom(s.pxPerDay());
    L.visible(s, 0, 3000, vis);
    const int selected = vis.empty() || w % 3 == 0 ? -1 : static_cast<int>(vis[rng() % vis.size()]);
    L.place(s, vis, widths, selected, placed);
    REQUIRE(placed.size() == vis.size());
    for (size_t k = 0; k < placed.size(); ++k) {
      const PlacedItem& p = placed[k];
      CHECK(p.item == vis[k]);
      if (static_cast<int>(p.item) == selected) {
        CHECK(p.fit == LabelFit::Full);
        CHECK(p.labelMaxPx == widths[p.item]);
      }
      switch (p.fit) {
        case LabelFit::Full: ++full; CHECK(p.labelMaxPx == widths[p.item]); break;
        case LabelFit::Elided:
          ++elided;
          CHECK(p.labelMaxPx < widths[p.item]);
          CHECK(p.labelMaxPx >= L.style().minLabelPx);
          break;
        case LabelFit::Hidden: ++hidden; CHECK(p.labelMaxPx == 0); break;
      }
      // A label that starts on its bar ends on it (drawn light on the fill); one that does not fit
      // there starts beside the bar, never dark over it.
      const TimelineItem& it = L.items()[p.item];
      if (p.fit != LabelFit::Hidden && it.isSpan && !it.inferred && p.labelX < p.x1) {
        CHECK(p.labelX + p.labelMaxPx <= p.x1 - L.style().labelGapPx + 1e-3f);
      }
    }
    // Shown labels of one row, in x order, each end before the next begins; and none covers a later
    // item's footprint unless it is the selection's.
    for (size_t a = 0; a < placed.size(); ++a) {
      if (placed[a].fit == LabelFit::Hidden) continue;
      for (size_t b = a + 1; b < placed.size(); ++b) {
        if (placed[b].lane != placed[a].lane || placed[b].row != placed[a].row) break;
        if (static_cast<int>(placed[a].item) != selected) CHECK(placed[a].labelX + placed[a].labelMaxPx <= placed[b].extX0);
        if (placed[b].fit == LabelFit::Hidden) continue;
        CHECK(placed[a].labelX + placed[a].labelMaxPx <= placed[b].labelX);
      }
    }
  }
  CHECK(full > 0);
  CHECK(elided > 0);
  CHECK(hidden > 0);
}

TEST_CASE("hit testing matches the drawn geometry", "[timeline]") {
  const Corpus c = randomCorpus(3000, 800, 41);
  TimelineLayout L;
  L.build(c, kToday);
  std::mt19937 rng(6);
  std::vector<uint32_t> vis;
  for (int w = 0; w < 60; ++w) {
    TimeScale s;
    const double t0 = std::uniform_real_distribution<double>(L.dataFirst(), L.dataLast())(rng);
    s.setView(t0, t0 + std::exp(std::uniform_real_distribution<double>(2, 10)(rng)), 1000.f);
    L.packForZoom(s.pxPerDay());
    L.visible(s, 0, 2000, vis);
    // The centre of every drawn body hits its own item.
    for (uint32_t i : vis) {
      const PlacedItem p = L.geometry(i, s);
      const float x = std::clamp((p.x0 + p.x1) / 2, 0.f, 1000.f);
      if (x < p.x0 || x > p.x1) continue;  // a body wholly off screen
      CHECK(L.hit(s, x, (p.y0 + p.y1) / 2) == static_cast<int>(i));
    }
    // Random points: a hit is within its item's footprint; a miss is within no body.
    for (int k = 0; k < 300; ++k) {
      const float x = std::uniform_real_distribution<float>(0, 1000)(rng);
      const float y = std::uniform_real_distribution<float>(0, 2000)(rng);
      const int h = L.hit(s, x, y, 2.f);
      if (h >= 0) {
        const PlacedItem p = L.geometry(static_cast<uint32_t>(h), s);
        CHECK(x >= p.extX0 - 2.f);
        CHECK(x <= p.extX1 + 2.f);
        CHECK(y >= p.y0 - 2.f);
        CHECK(y <= p.y1 + 2.f);
      } else {
        for (uint32_t i : vis) {
          const PlacedItem p = L.geometry(i, s);
          CHECK_FALSE((x >= p.x0 && x <= p.x1 && y >= p.y0 && y <= p.y1));
        }
      }
    }
  }
  // Headers and collapsed lanes hit nothing.
  TimeScale s(L.dataFirst(), L.dataLast(), 1000.f);
  CHECK(L.hit(s, 500.f, L.laneTop(0) + 1.f) == -1);
  L.setCollapsed(0, true);
  for (float x = 0; x < 1000; x += 5) CHECK(L.hit(s, x, L.rowTop(0, 0) + L.style().rowHeight / 2) == -1);
}

TEST_CASE("a label under the pointer hits its item when the shapes miss", "[timeline]") {
  const Corpus c = randomCorpus(300, 50, 77);
  TimelineLayout L;
  L.build(c, kToday);
  const TimeScale s(daysFromCivil(2000, 1, 1), daysFromCivil(2002, 1, 1), 1000.f);
  L.packForZoom(s.pxPerDay());
  std::vector<uint32_t> vis;
  std::vector<PlacedItem> placed;
  L.visible(s, 0, 5000, vis);
  L.place(s, vis, std::vector<float>(L.size(), 60.f), -1, placed);
  int checked = 0;
  for (const PlacedItem& p : placed) {
    if (p.fit == LabelFit::Hidden) continue;
    const float x = p.labelX + p.labelMaxPx - 1.f, y = (p.y0 + p.y1) / 2;
    if (L.hit(s, x, y, 0.f) >= 0) continue;  // a shape (its own band) is under the label's end
    CHECK(L.hit(s, x, y, 0.f, &placed) == static_cast<int>(p.item));
    ++checked;
  }
  CHECK(checked > 0);
}

// ---- The bundled corpus ----------------------------------------------------------------------------

TEST_CASE("the bundled corpus lays out in the expected lanes", "[timeline]") {
  const Corpus& c = bundledCorpus();
  TimelineLayout L;
  L.build(c, kToday);
  const InferredSpans inferred = inferSpans(c, kToday);
  size_t inferredItems = 0;
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    const Entity& en = c.entities[e];
    INFO(en.id);
    const bool canInfer = !en.date.present() && inferredKind(en.kind) && inferred.first[e] <= inferred.last[e];
    const int i = L.itemOfEntity(e);
    CHECK((i >= 0) == (en.date.present() || canInfer));
    if (i < 0) continue;
    CHECK(L.items()[i].lane == laneOfKind(en.kind));
    CHECK(L.items()[i].inferred == canInfer);
    inferredItems += canInfer;
  }
  CHECK(L.size() == c.datedEntities.size() + inferredItems + c.events.size());
  for (uint32_t v = 0; v < c.events.size(); ++v) CHECK(L.items()[L.itemOfEvent(v)].lane == static_cast<int>(Lane::Events));

  auto item = [&](const char* id) -> const TimelineItem& {
    const int e = c.findEntity(id);
    REQUIRE(e >= 0);
    const int i = L.itemOfEntity(static_cast<uint32_t>(e));
    REQUIRE(i >= 0);
    return L.items()[i];
  };
  auto lane = [&](const char* id) { return item(id).lane; };
  CHECK(lane("doc-mandate-2025") == static_cast<int>(Lane::Documents));
  CHECK(lane("doc-five-year-forward-view") == static_cast<int>(Lane::Documents));
  CHECK(lane("part-mandate-2025-validity") == static_cast<int>(Lane::Documents));
  CHECK(lane("org-nhs-england") == static_cast<int>(Lane::Organisations));
  CHECK(lane("org-acevo") == static_cast<int>(Lane::Organisations));
  CHECK(lane("prog-darzi-investigation") == static_cast<int>(Lane::Programmes));
  CHECK(lane("prog-mutuals-in-health-pathfinder") == static_cast<int>(Lane::Programmes));
  // Every organisation that is one body and every named person is on the timeline: people by the
  // periods of their roles, inferred from their dated relations and events.
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    const Entity& en = c.entities[e];
    if (en.collective || (en.kind != Kind::Organisation && en.kind != Kind::Person)) continue;
    if (!en.date.present() && !en.date.note.empty() && en.kind == Kind::Organisation) continue;  // says why
    INFO(en.id);
    CHECK(L.itemOfEntity(e) >= 0);
  }
  CHECK(L.rowCount(static_cast<int>(Lane::People)) > 0);
  const TimelineItem& hopson = item("person-chris-hopson");
  CHECK(hopson.inferred);
  CHECK(hopson.isSpan);
  CHECK(hopson.start == daysFromCivil(2012, 9, 1));  // chief executive of the FTN from September 2012
  CHECK(hopson.end == daysFromCivil(2022, 5, 31) + 1.0);  // of NHS Providers to May 2022

  const TimelineItem& nhse = item("org-nhs-england");
  CHECK(nhse.openEnd);
  CHECK(nhse.start == daysFromCivil(2012, 10, 1));
  CHECK(nhse.end == kToday + 1.0);
  CHECK_FALSE(nhse.inferred);
  CHECK(item("part-mandate-2025-validity").unknownEnd);
  // The FTN's start is open ("../2014-11-30"): its bar reaches back to its first dated mention.
  const TimelineItem& ftn = item("org-ftn");
  CHECK(ftn.openStart);
  CHECK(ftn.start == inferred.first[static_cast<uint32_t>(c.findEntity("org-ftn"))]);
  CHECK(ftn.start <= daysFromCivil(2012, 11, 13));  // it welcomed the 2012 mandate
  double first = 1e18;
  for (const TimelineItem& it : L.items()) first = std::min(first, it.rangeStart);
  CHECK(L.dataFirst() == first);
  // The first view starts with what happened, not with the oldest founding.
  CHECK(L.activityFirst() > L.dataFirst());
  CHECK(L.activityFirst() >= daysFromCivil(2000, 1, 1));
  CHECK(L.activityFirst() == item("doc-nhs-act-2006").rangeStart);

  // The whole corpus at 1000 px: every item is somewhere on screen and most labels show.
  TimeScale s;
  s.setWidth(1000.f);
  s.fit(L.dataFirst(), L.dataLast());
  s.clampTo(L.dataFirst(), L.dataLast(), L.defaultMarginDays());
  L.packForZoom(s.pxPerDay());
  std::vector<uint32_t> vis;
  L.visible(s, 0, L.totalHeight(), vis);
  CHECK(vis.size() == L.size());
}

TEST_CASE("a span's label stays on its bar or is inked beside it", "[timeline]") {
  struct Case {
    const char* what;
    bool startsOnBar;
    float width, room, barRoom;
    float limit;
    bool onBar;
  };
  const Case cases[] = {
      {"fits on the bar: whole, on it", true, 80.f, 500.f, 120.f, 80.f, true},
      {"longer than a long-enough bar: elided to it", true, 250.f, 500.f, 175.f, 175.f, true},
      {"a short bar: beside it, up to the plot's edge", true, 250.f, 200.f, 12.f, 200.f, false},
      {"a point: never on a bar", false, 90.f, 500.f, 300.f, 90.f, false},
  };
  for (const Case& k : cases) {
    INFO(k.what);
    const LabelInk ink = labelInk(k.startsOnBar, k.width, k.room, k.barRoom, 56.f);
    CHECK(ink.limit == k.limit);
    CHECK(ink.onBar == k.onBar);
  }
}

TEST_CASE("undated bodies and people are placed over their dated relations and events, as inferred", "[timeline]") {
  LoadResult r = loadCorpus(R"({"format":"1.0","title":"t","sources":[{"id":"src-x","title":"X","publisher":"P","external":true}],
    "entities":[
      {"id":"org-a","kind":"organisation","type":"charity","name":"A","citations":[{"source":"src-x","note":"n"}]},
      {"id":"person-b","kind":"person","type":"chair","name":"B","citations":[{"source":"src-x","note":"n"}]},
      {"id":"person-c","kind":"person","type":"chair","name":"C","citations":[{"source":"src-x","note":"n"}]},
      {"id":"theme-t","kind":"theme","type":"theme","name":"T","citations":[{"source":"src-x","note":"n"}]},
      {"id":"org-d","kind":"organisation","type":"charity","name":"D","date":"1990","citations":[{"source":"src-x","note":"n"}]},
      {"id":"org-e","kind":"organisation","type":"charity","name":"E","citations":[{"source":"src-x","note":"n"}]}],
    "relations":[
      {"id":"rel-1","type":"chair-of","from":"person-b","to":"org-a","date":"2010-03/2012","citations":[{"source":"src-x","note":"n"}]},
      {"id":"rel-2","type":"works-with","from":"org-a","to":"org-d","date":"2015-06-01/..","citations":[{"source":"src-x","note":"n"}]},
      {"id":"rel-3","type":"addresses-theme","from":"org-a","to":"theme-t","date":"2011","citations":[{"source":"src-x","note":"n"}]},
      {"id":"rel-4","type":"works-with","from":"org-e","to":"org-d","citations":[{"source":"src-x","note":"n"}]}],
    "events":[{"id":"ev-1","type":"statement","name":"C speaks","date":"2008-05-04","entities":["person-c","org-a"],
      "citations":[{"source":"src-x","note":"n"}]}]})");
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  const int32_t today = daysFromCivil(2024, 1, 1);
  const InferredSpans s = inferSpans(c, today);
  auto idx = [&](const char* id) { return static_cast<uint32_t>(c.findEntity(id)); };
  CHECK(s.first[idx("org-a")] == daysFromCivil(2008, 5, 4));  // the event
  CHECK(s.last[idx("org-a")] == today);                       // the open-ended relation runs to today
  CHECK(s.first[idx("person-b")] == daysFromCivil(2010, 3, 1));
  CHECK(s.last[idx("person-b")] == daysFromCivil(2012, 12, 31));
  CHECK(s.first[idx("org-d")] == daysFromCivil(2015, 6, 1));  // found for dated entities too
  CHECK(s.last[idx("org-d")] == today);
  CHECK(s.first[idx("org-e")] > s.last[idx("org-e")]);  // no dated relation or event

  TimelineLayout L;
  L.build(c, today);
  const TimelineItem& b = L.items()[L.itemOfEntity(idx("person-b"))];
  CHECK(b.inferred);
  CHECK(b.isSpan);
  CHECK(b.start == daysFromCivil(2010, 3, 1));
  CHECK(b.end == daysFromCivil(2013, 1, 1));
  const TimelineItem& pc = L.items()[L.itemOfEntity(idx("person-c"))];
  CHECK(pc.inferred);
  CHECK_FALSE(pc.isSpan);  // one dated day: a point
  CHECK(pc.start == daysFromCivil(2008, 5, 4));
  CHECK(L.itemOfEntity(idx("theme-t")) < 0);  // themes are not inferred
  CHECK(L.itemOfEntity(idx("org-e")) < 0);
  CHECK_FALSE(L.items()[L.itemOfEntity(idx("org-d"))].inferred);
  std::vector<uint8_t> mask(c.entities.size(), 1);
  mask[idx("person-b")] = 0;
  L.build(c, today, &mask);
  CHECK(L.itemOfEntity(idx("person-b")) < 0);  // filtered out
}

TEST_CASE("a body keeps one row across its renamings, mandates run in one row, successions link rows", "[timeline]") {
  const Corpus& c = bundledCorpus();
  const int32_t today = daysFromCivil(2026, 12, 4);
  TimelineLayout L;
  L.build(c, today);
  auto item = [&](const char* id) {
    const int e = c.findEntity(id);
    REQUIRE(e >= 0);
    const int i = L.itemOfEntity(static_cast<uint32_t>(e));
    REQUIRE(i >= 0);
    return static_cast<uint32_t>(i);
  };
  const std::vector<uint32_t> group = lifelineGroups(c);
  auto sameGroup = [&](const char* a, const char* b) {
    return group[static_cast<uint32_t>(c.findEntity(a))] == group[static_cast<uint32_t>(c.findEntity(b))];
  };
  CHECK(sameGroup("org-department-of-health", "org-dhsc"));
  CHECK(sameGroup("org-ftn", "org-nhs-providers"));
  CHECK(sameGroup("doc-mandate-2012", "doc-mandate-2025"));  // the run of mandates, 2012 to 2025
  CHECK_FALSE(sameGroup("org-monitor", "org-nhs-improvement"));  // a merger makes another body
  CHECK_FALSE(sameGroup("doc-mandate-2025", "doc-10-year-health-plan"));

  const TimeScale s = [&] {
    TimeScale t;
    t.setWidth(1280.f);
    t.fit(L.activityFirst(), L.dataLast());
    return t;
  }();
  for (double pxPerDay : {s.pxPerDay(), s.pxPerDay() * 8, s.pxPerDay() / 8}) {
    L.pack(pxPerDay, L.style().minItemPx);
    CHECK(L.rowOf(item("org-department-of-health")) == L.rowOf(item("org-dhsc")));
    CHECK(L.rowOf(item("org-ftn")) == L.rowOf(item("org-nhs-providers")));
    CHECK(L.rowOf(item("doc-mandate-2012")) == L.rowOf(item("doc-mandate-2016-17")));
    CHECK(L.rowOf(item("doc-mandate-2012")) == L.rowOf(item("doc-mandate-2025")));
    CHECK(L.items()[item("org-dhsc")].continues);
    CHECK_FALSE(L.items()[item("org-department-of-health")].continues);
    // Items that are not in one lifeline never share a row's room: no other item starts inside the
    // Department's lifeline.
    const uint32_t row = L.rowOf(item("org-dhsc"));
    for (uint32_t i = 0; i < L.size(); ++i) {
      const TimelineItem& it = L.items()[i];
      if (it.lane != L.items()[item("org-dhsc")].lane || L.rowOf(i) != row || it.isEvent) continue;
      INFO(c.entities[it.source].id);
      CHECK(group[it.source] == group[static_cast<uint32_t>(c.findEntity("org-dhsc"))]);
    }
  }
  // Monitor and the NHS TDA merged into NHS Improvement on 1 April 2016; NHS Improvement into NHS England
  // on 1 July 2022.
  auto linked = [&](const char* a, const char* b, int32_t day) {
    return std::any_of(L.links().begin(), L.links().end(), [&](const TimelineLink& k) {
      return k.fromItem == item(a) && k.toItem == item(b) && k.day == day;
    });
  };
  CHECK(linked("org-monitor", "org-nhs-improvement", daysFromCivil(2016, 4, 1)));
  CHECK(linked("org-nhs-tda", "org-nhs-improvement", daysFromCivil(2016, 4, 1)));
  CHECK(linked("org-nhs-improvement", "org-nhs-england", daysFromCivil(2022, 7, 1)));
  CHECK(linked("org-ccgs", "org-icbs", daysFromCivil(2022, 7, 1)));
  for (const TimelineLink& k : L.links()) CHECK(L.items()[k.fromItem].lane == L.items()[k.toItem].lane);
}

TEST_CASE("a name that does not fit gives way to the short name", "[timeline]") {
  LoadResult r = loadCorpus(R"({"format":"1.0","title":"t","sources":[{"id":"src-x","title":"X","publisher":"P","external":true}],
    "entities":[
      {"id":"doc-a","kind":"document","type":"mandate","name":"The government's mandate to NHS England for 2016-17",
       "shortName":"2016-17 mandate","date":"2016-04/2017-03","citations":[{"source":"src-x","note":"n"}]},
      {"id":"doc-b","kind":"document","type":"mandate","name":"The government's mandate to NHS England for 2017-18",
       "date":"2017-04/2018-03","citations":[{"source":"src-x","note":"n"}]}],
    "relations":[{"id":"rel-f","type":"follows","from":"doc-b","to":"doc-a","citations":[{"source":"src-x","note":"n"}]}]})");
  REQUIRE(r.ok());
  TimelineLayout L;
  L.build(r.corpus, daysFromCivil(2024, 1, 1));
  REQUIRE(L.size() == 2);
  CHECK(L.items()[0].shortLabel == "2016-17 mandate");
  CHECK(L.items()[1].continues);  // the series shares a row
  TimeScale s;
  s.setWidth(400.f);
  s.fit(daysFromCivil(2016, 1, 1), daysFromCivil(2018, 6, 1));  // a year is about 160 px
  L.packForZoom(s.pxPerDay(), UINT32_MAX);
  REQUIRE(L.rowOf(0) == L.rowOf(1));
  std::vector<uint32_t> vis;
  L.visible(s, 0, L.totalHeight(), vis);
  const std::vector<float> widths{300.f, 300.f}, shortWidths{90.f, 0.f};
  std::vector<PlacedItem> placed;
  L.place(s, vis, widths, -1, placed, &shortWidths);
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].useShort);
  CHECK(placed[0].fit == LabelFit::Full);
  CHECK(placed[0].labelMaxPx == 90.f);
  CHECK(placed[0].labelX + placed[0].labelMaxPx <= placed[1].extX0);  // and it does not run into the next
  CHECK_FALSE(placed[1].useShort);  // no short name: the last one keeps its name (room to the plot's end)
  L.place(s, vis, widths, -1, placed);  // without short widths, names elide as before
  CHECK_FALSE(placed[0].useShort);
  CHECK(placed[0].fit == LabelFit::Elided);
}

TEST_CASE("what has no date and nothing to infer one from is listed, in chips that never overlap", "[timeline]") {
  const Corpus& c = bundledCorpus();
  TimelineLayout L;
  L.build(c, kToday);
  // Every entity of a timeline kind is either an item or in the strip: none is silently absent.
  std::set<uint32_t> strip(L.undated().begin(), L.undated().end());
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    if (!inferredKind(c.entities[e].kind)) continue;
    INFO(c.entities[e].id);
    CHECK((L.itemOfEntity(e) >= 0) != (strip.count(e) == 1));
  }
  CHECK(strip.count(static_cast<uint32_t>(c.findEntity("person-ft-governors"))) == 1);
  // An undated document (the mandate still to come, a story's subject) is listed too.
  CHECK(strip.count(static_cast<uint32_t>(c.findEntity("doc-mandate-updated"))) == 1);

  std::mt19937 rng(7);
  std::vector<uint32_t> ids(200);
  std::vector<float> widths(200);
  for (uint32_t i = 0; i < ids.size(); ++i) {
    ids[i] = i;
    widths[i] = std::uniform_real_distribution<float>(5.f, 500.f)(rng);
  }
  for (float maxW : {120.f, 390.f, 1280.f}) {
    std::vector<Chip> chips;
    const float h = layoutChips(ids, widths, maxW, 6.f, 5.f, 20.f, chips);
    REQUIRE(chips.size() == ids.size());
    for (size_t i = 0; i < chips.size(); ++i) {
      CHECK(chips[i].entity == ids[i]);
      CHECK(chips[i].x0 >= 0.f);
      CHECK(chips[i].x1 <= maxW);
      CHECK(chips[i].y1 <= h);
      for (size_t k = 0; k < i; ++k) {
        const bool apart = chips[k].x1 <= chips[i].x0 || chips[i].x1 <= chips[k].x0 || chips[k].y1 <= chips[i].y0 ||
                           chips[i].y1 <= chips[k].y0;
        CHECK(apart);
      }
    }
  }
  std::vector<Chip> none;
  CHECK(layoutChips({}, {}, 500.f, 6.f, 5.f, 20.f, none) == 0.f);
}

TEST_CASE("a label with no room before the plot's end goes before its item, on a short bar beside it", "[timeline]") {
  LoadResult r = loadCorpus(R"({"format":"1.0","title":"t","sources":[{"id":"src-x","title":"X","publisher":"P","external":true}],
    "entities":[
      {"id":"org-a","kind":"organisation","type":"charity","name":"A","date":"1900/..","citations":[{"source":"src-x","note":"n"}]},
      {"id":"org-b","kind":"organisation","type":"charity","name":"B","date":"2019/..","citations":[{"source":"src-x","note":"n"}]},
      {"id":"org-c","kind":"organisation","type":"charity","name":"C","date":"1950/1952","citations":[{"source":"src-x","note":"n"}]}]})");
  REQUIRE(r.ok());
  TimelineLayout L;
  const int32_t today = daysFromCivil(2024, 1, 1);
  L.build(r.corpus, today);
  TimeScale s;
  s.setView(daysFromCivil(1900, 1, 1), today + 1.0, 1000.f);  // a year is about 8 px
  L.packForZoom(s.pxPerDay(), UINT32_MAX);
  std::vector<uint32_t> vis;
  L.visible(s, 0, L.totalHeight(), vis);
  std::vector<PlacedItem> placed;
  L.place(s, vis, std::vector<float>(L.size(), 120.f), -1, placed);
  auto of = [&](const char* id) {
    const int item = L.itemOfEntity(static_cast<uint32_t>(r.corpus.findEntity(id)));
    return *std::find_if(placed.begin(), placed.end(), [&](const PlacedItem& p) { return p.item == static_cast<uint32_t>(item); });
  };
  const PlacedItem a = of("org-a"), b = of("org-b"), c = of("org-c");
  CHECK(a.fit == LabelFit::Full);  // a long bar: on it
  CHECK(a.labelX >= a.x0);
  CHECK(a.labelX + a.labelMaxPx <= a.x1);
  CHECK(b.fit == LabelFit::Full);  // five years before today: before its bar, whole
  CHECK(b.labelX + b.labelMaxPx <= b.extX0);
  CHECK(b.labelX >= 0.f);
  CHECK(c.fit == LabelFit::Full);  // a short bar mid-plot: beside it, not over it
  CHECK(c.labelX >= c.x1);
}

TEST_CASE("a mandate's row marks the day it was published, when that is not where its bar starts", "[timeline]") {
  const Corpus& c = bundledCorpus();
  TimelineLayout L;
  L.build(c, daysFromCivil(2026, 12, 4));
  auto itemOf = [&](const char* id) -> const TimelineItem& {
    const int e = c.findEntity(id);
    REQUIRE(e >= 0);
    const int i = L.itemOfEntity(static_cast<uint32_t>(e));
    REQUIRE(i >= 0);
    return L.items()[static_cast<size_t>(i)];
  };
  // Published 13 November 2012 for April 2013 to March 2015 (its publication event).
  CHECK(itemOf("doc-mandate-2012").published == daysFromCivil(2012, 11, 13));
  CHECK(itemOf("doc-mandate-2012").published < itemOf("doc-mandate-2012").start);
  // Published the day it applied from: nothing more to mark.
  CHECK(itemOf("doc-mandate-2023").published == TimelineItem::kNoPublished);
  // A publication known only as a range of days marks nothing (2015-16: "between September and December 2014").
  CHECK(itemOf("doc-mandate-2015-16").published == TimelineItem::kNoPublished);
  // Its row keeps room for the mark.
  CHECK(itemOf("doc-mandate-2012").rangeStart == daysFromCivil(2012, 11, 13));
  // Never on anything but documents.
  for (const TimelineItem& it : L.items())
    if (it.published != TimelineItem::kNoPublished) {
      CHECK_FALSE(it.isEvent);
      CHECK(c.entities[it.source].kind == Kind::Document);
    }
}
