#include "core/edtf.h"

#include <cstdio>

#include "core/text_util.h"

namespace nhsx {

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

void civilFromDays(int32_t z, int& year, int& month, int& day) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = y + (month <= 2);
}

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Northern meteorological seasons: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb.
static int seasonFirstMonth(int season) { return 3 + (season - 21) * 3; }

int32_t DatePoint::firstDay() const {
  switch (precision) {
    case Precision::Day: return daysFromCivil(year, month, day);
    case Precision::Month: return daysFromCivil(year, month, 1);
    case Precision::Season: return daysFromCivil(year, seasonFirstMonth(season), 1);
    case Precision::Year: break;
  }
  return daysFromCivil(year, 1, 1);
}

int32_t DatePoint::lastDay() const {
  switch (precision) {
    case Precision::Day: return daysFromCivil(year, month, day);
    case Precision::Month: return daysFromCivil(year, month, daysInMonth(year, month));
    case Precision::Season: {
      const int m = seasonFirstMonth(season) + 2;  // winter runs into February of the next year
      const int y = m > 12 ? year + 1 : year;
      const int mm = m > 12 ? m - 12 : m;
      return daysFromCivil(y, mm, daysInMonth(y, mm));
    }
    case Precision::Year: break;
  }
  return daysFromCivil(year, 12, 31);
}

bool Date::inexact() const {
  auto q = [](const DatePoint& p) { return p.approximate || p.uncertain; };
  return (startBound == Bound::Date && q(start)) || (endBound == Bound::Date && q(end)) ||
         startBound == Bound::Unknown || endBound == Bound::Unknown;
}

namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kSeasons[] = {"Spring", "Summer", "Autumn", "Winter"};

// Quotes the date for a message; a long text (not a date anyway) is shown by its start and size.
std::string quoted(std::string_view s) { return quoteValue(s, '\''); }

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// One date without '/', e.g. 2014-10-02, 2013-21, 1987~, 2014-10?
bool parsePoint(std::string_view whole, std::string_view s, DatePoint& p, std::string& err) {
  if (s.empty()) { err = "empty date"; return false; }
  char last = s.back();
  if (last == '?' || last == '~' || last == '%') {
    p.uncertain = last == '?' || last == '%';
    p.approximate = last == '~' || last == '%';
    s.remove_suffix(1);
  }
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n != 4) {
    err = quoted(whole) + ": expected a four-digit year (YYYY), found " + quoted(s.substr(0, n ? n : 1));
    return false;
  }
  digits(s, 0, 4, p.year);
  if (p.year < 1) { err = quoted(whole) + ": year 0000 is out of range (0001-9999)"; return false; }
  p.precision = Precision::Year;
  if (s.size() == 4) return true;
  int mm = 0;
  if (s[4] != '-' || !digits(s, 5, 2, mm) || (s.size() != 7 && s.size() != 10)) {
    err = quoted(whole) + ": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS, found " + quoted(s);
    return false;
  }
  if (mm >= 21 && mm <= 24) {
    if (s.size() != 7) { err = quoted(whole) + ": a season (21-24) cannot have a day"; return false; }
    p.season = mm;
    p.precision = Precision::Season;
    return true;
  }
  if (mm < 1 || mm > 12) {
    err = quoted(whole) + ": month " + std::to_string(mm) + " is out of range (01-12, or 21-24 for seasons)";
    return false;
  }
  p.month = mm;
  p.precision = Precision::Month;
  if (s.size() == 7) return true;
  int dd = 0;
  if (s[7] != '-' || !digits(s, 8, 2, dd)) {
    err = quoted(whole) + ": expected YYYY-MM-DD, found " + quoted(s);
    return false;
  }
  if (dd < 1 || dd > daysInMonth(p.year, mm)) {
    err = quoted(whole) + ": day " + std::to_string(dd) + " does not exist in " + kMonths[mm - 1] + " " +
          std::to_string(p.year);
    return false;
  }
  p.day = dd;
  p.precision = Precision::Day;
  return true;
}

bool parseEnd(std::string_view whole, std::string_view s, DatePoint& p, Bound& b, std::string& err) {
  if (s.empty()) { b = Bound::Unknown; return true; }
  if (s == "..") { b = Bound::Open; return true; }
  b = Bound::Date;
  return parsePoint(whole, s, p, err);
}

}  // namespace

DateParse parseEdtf(std::string_view text) {
  DateParse r;
  if (text.empty()) { r.error = "empty date"; return r; }
  for (char c : text) {
    if (c == ' ' || c == '\t') { r.error = quoted(text) + ": white space is not allowed in a date"; return r; }
  }
  const size_t slash = text.find('/');
  Date& d = r.date;
  if (slash == std::string_view::npos) {
    if (!parsePoint(text, text, d.start, r.error)) return r;
    d.end = d.start;
    r.ok = true;
    return r;
  }
  if (text.find('/', slash + 1) != std::string_view::npos) {
    r.error = quoted(text) + ": an interval has exactly one '/'";
    return r;
  }
  d.interval = true;
  const std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
  if (!parseEnd(text, a, d.start, d.startBound, r.error)) return r;
  if (!parseEnd(text, b, d.end, d.endBound, r.error)) return r;
  if (d.startBound != Bound::Date && d.endBound != Bound::Date) {
    r.error = quoted(text) + ": an interval needs at least one known end";
    return r;
  }
  if (d.startBound == Bound::Date && d.endBound == Bound::Date && d.end.lastDay() < d.start.firstDay()) {
    r.error = quoted(text) + ": interval ends (" + formatUk(d.end) + ") before it starts (" + formatUk(d.start) + ")";
    return r;
  }
  r.ok = true;
  return r;
}

std::string formatUk(const DatePoint& p) {
  std::string s;
  if (p.approximate) s += "c. ";
  switch (p.precision) {
    case Precision::Day: s += std::to_string(p.day) + " " + kMonths[p.month - 1] + " "; break;
    case Precision::Month: s += std::string(kMonths[p.month - 1]) + " "; break;
    case Precision::Season: s += std::string(kSeasons[p.season - 21]) + " "; break;
    case Precision::Year: break;
  }
  s += std::to_string(p.year);
  if (p.uncertain) s += "?";
  return s;
}

std::string formatUk(const Date& d) {
  if (!d.interval) return formatUk(d.start);
  auto side = [](const DatePoint& p, Bound b) {
    return b == Bound::Date ? formatUk(p) : b == Bound::Open ? std::string() : std::string("?");
  };
  if (d.endBound == Bound::Open) return formatUk(d.start) + " onwards";
  if (d.startBound == Bound::Open) return "until " + formatUk(d.end);
  return side(d.start, d.startBound) + " \u2013 " + side(d.end, d.endBound);
}

std::string describePrecision(const Date& d) {
  static const char* const kWords[] = {"year", "season", "month", "exact day"};
  const DatePoint& p = d.startBound == Bound::Date ? d.start : d.end;
  std::string s = kWords[static_cast<int>(p.precision)];
  if (d.interval) s = "interval, " + s;
  bool approx = false, unsure = false;
  for (const DatePoint* q : {&d.start, &d.end}) {
    approx = approx || q->approximate;
    unsure = unsure || q->uncertain;
  }
  if (approx) s += ", approximate";
  if (unsure) s += ", uncertain";
  if (d.endBound == Bound::Unknown || d.startBound == Bound::Unknown) s += ", one end unknown";
  if (d.endBound == Bound::Open) s += ", ongoing";
  return s;
}

static std::string pointEdtf(const DatePoint& p) {
  char buf[24];
  switch (p.precision) {
    case Precision::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day); break;
    case Precision::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.month); break;
    case Precision::Season: std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.season); break;
    case Precision::Year: std::snprintf(buf, sizeof buf, "%04d", p.year); break;
  }
  std::string s = buf;
  if (p.approximate && p.uncertain) s += '%';
  else if (p.approximate) s += '~';
  else if (p.uncertain) s += '?';
  return s;
}

std::string toEdtf(const Date& d) {
  if (!d.interval) return pointEdtf(d.start);
  auto side = [](const DatePoint& p, Bound b) {
    return b == Bound::Date ? pointEdtf(p) : b == Bound::Open ? std::string("..") : std::string();
  };
  return side(d.start, d.startBound) + "/" + side(d.end, d.endBound);
}

std::string formatUkDay(int32_t day) {
  DatePoint p;
  civilFromDays(day, p.year, p.month, p.day);
  p.precision = Precision::Day;
  return formatUk(p);
}

}  // namespace nhsx
