#include "core/time_ticks.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "core/edtf.h"

namespace nhsx {

namespace {

const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

enum class Field { Day, Week, Month, Year };

struct UnitInfo {
  Field field;
  int step;  // in days, weeks, months or years
  const char* name;
};

const UnitInfo& info(TickUnit u) {
  static const UnitInfo kUnits[] = {
      {Field::Day, 1, "day"},       {Field::Week, 1, "week"},      {Field::Month, 1, "month"},
      {Field::Month, 3, "quarter"}, {Field::Year, 1, "year"},      {Field::Year, 2, "2 years"},
      {Field::Year, 5, "5 years"},  {Field::Year, 10, "decade"},   {Field::Year, 20, "20 years"},
      {Field::Year, 50, "50 years"}, {Field::Year, 100, "century"}, {Field::Year, 200, "200 years"},
      {Field::Year, 500, "500 years"}, {Field::Year, 1000, "millennium"}};
  return kUnits[static_cast<int>(u)];
}

constexpr int kUnitCount = static_cast<int>(TickUnit::Count);
// 1970-01-05 (day 4) was a Monday; UK weeks start on Mondays.
constexpr int kFirstMonday = 4;

int floorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int floorMod(int a, int b) { return a - floorDiv(a, b) * b; }

// The first boundary of unit u at or after day d.
int firstBoundaryFrom(const UnitInfo& u, int d) {
  int y, m, dd;
  switch (u.field) {
    case Field::Day: return d;
    case Field::Week: return d + floorMod(kFirstMonday - d, 7);
    case Field::Month: {
      civilFromDays(d, y, m, dd);
      int idx = y * 12 + (m - 1);  // months since year 0
      if (dd != 1 || floorMod(idx, u.step) != 0) idx = (floorDiv(idx, u.step) + 1) * u.step;
      return daysFromCivil(floorDiv(idx, 12), floorMod(idx, 12) + 1, 1);
    }
    case Field::Year: {
      civilFromDays(d, y, m, dd);
      int yy = y;
      if (m != 1 || dd != 1 || floorMod(yy, u.step) != 0) yy = (floorDiv(y, u.step) + 1) * u.step;
      return daysFromCivil(yy, 1, 1);
    }
  }
  return d;
}

// The boundary one step after boundary d.
int nextBoundary(const UnitInfo& u, int d) {
  int y, m, dd;
  switch (u.field) {
    case Field::Day: return d + u.step;
    case Field::Week: return d + 7 * u.step;
    case Field::Month: {
      civilFromDays(d, y, m, dd);
      const int idx = y * 12 + (m - 1) + u.step;
      return daysFromCivil(floorDiv(idx, 12), floorMod(idx, 12) + 1, 1);
    }
    case Field::Year:
      civilFromDays(d, y, m, dd);
      return daysFromCivil(y + u.step, 1, 1);
  }
  return d + 1;
}

std::string labelFor(TickUnit unit, int d, bool withYear) {
  int y, m, dd;
  civilFromDays(d, y, m, dd);
  const std::string year = std::to_string(y);
  switch (info(unit).field) {
    case Field::Day:
    case Field::Week:
      return std::to_string(dd) + " " + kMonthNames[m - 1] + (withYear ? " " + year : "");
    case Field::Month: return std::string(kMonthNames[m - 1]) + (withYear ? " " + year : "");
    case Field::Year: return unit == TickUnit::Decade ? year + "s" : year;
  }
  return year;
}

// Boundaries of u within [t0, t1] (calendar maths on whole days, so far fewer than maxCount by design).
template <class F> void forEachBoundary(TickUnit unit, double t0, double t1, F&& f) {
  const UnitInfo& u = info(unit);
  for (int d = firstBoundaryFrom(u, static_cast<int>(std::ceil(t0))); d <= t1; d = nextBoundary(u, d)) f(d);
}

}  // namespace

double tickUnitMinDays(TickUnit u) {
  const UnitInfo& i = info(u);
  switch (i.field) {
    case Field::Day: return i.step;
    case Field::Week: return 7.0 * i.step;
    case Field::Month: return i.step == 1 ? 28.0 : 89.0 * i.step / 3;  // Jan-Mar of a common year is 90
    case Field::Year: return 365.0 * i.step;
  }
  return 1;
}

const char* tickUnitName(TickUnit u) { return info(u).name; }

bool tickUnitNests(TickUnit fine, TickUnit coarse) {
  const UnitInfo &f = info(fine), &c = info(coarse);
  if (f.field == Field::Day) return f.step == 1;
  if (f.field == Field::Week || c.field == Field::Week) return f.field == c.field && c.step % f.step == 0;
  if (f.field == Field::Month) return c.field == Field::Year || (c.field == Field::Month && c.step % f.step == 0);
  return c.field == Field::Year && c.step % f.step == 0;
}

bool onTickBoundary(TickUnit u, int d) { return firstBoundaryFrom(info(u), d) == d; }

TickUnit majorUnitFor(double pxPerDay, float minLabelSpacingPx) {
  for (int i = 0; i < kUnitCount; ++i) {
    const TickUnit u = static_cast<TickUnit>(i);
    if (tickUnitMinDays(u) * pxPerDay >= minLabelSpacingPx) return u;
  }
  return TickUnit::Millennium;  // beyond the calendar's range of years: labels may crowd
}

void computeTicks(const TimeScale& scale, float minLabelSpacingPx, TickSet& out, float minMinorSpacingPx) {
  out.majors.clear();
  out.minors.clear();
  // At least a pixel between ticks, so a careless argument cannot ask for millions of them.
  minLabelSpacingPx = std::max(1.f, minLabelSpacingPx);
  minMinorSpacingPx = std::max(1.f, minMinorSpacingPx);
  const double ppd = scale.pxPerDay();
  out.major = majorUnitFor(ppd, minLabelSpacingPx);
  out.hasMinor = false;
  for (int i = 0; i < static_cast<int>(out.major); ++i) {
    const TickUnit u = static_cast<TickUnit>(i);
    if (tickUnitNests(u, out.major) && tickUnitMinDays(u) * ppd >= minMinorSpacingPx) {
      out.minor = u;
      out.hasMinor = true;
      break;
    }
  }
  int prevYear = INT32_MIN;
  forEachBoundary(out.major, scale.t0(), scale.t1(), [&](int d) {
    int y, m, dd;
    civilFromDays(d, y, m, dd);
    out.majors.push_back(Tick{static_cast<double>(d), scale.toX(d), labelFor(out.major, d, y != prevYear)});
    prevYear = y;
  });
  if (!out.hasMinor) return;
  forEachBoundary(out.minor, scale.t0(), scale.t1(), [&](int d) {
    if (!onTickBoundary(out.major, d)) out.minors.push_back(Tick{static_cast<double>(d), scale.toX(d), {}});
  });
}

}  // namespace nhsx
