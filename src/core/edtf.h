// EDTF dates (ISO 8601-2 level 0 and the level 1 features the corpus uses): parse, format, day ranges.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace nhsx {

enum class Precision : uint8_t { Year, Season, Month, Day };

// Days since 1970-01-01 in the proleptic Gregorian calendar.
int32_t daysFromCivil(int year, int month, int day);
void civilFromDays(int32_t days, int& year, int& month, int& day);
int daysInMonth(int year, int month);

// One calendar date at some precision, with the level-1 qualifiers.
struct DatePoint {
  int year = 0;
  int month = 0;   // 1-12, 0 when coarser than a month
  int day = 0;     // 1-31, 0 when coarser than a day
  int season = 0;  // 21 spring, 22 summer, 23 autumn, 24 winter; 0 when not a season
  Precision precision = Precision::Year;
  bool approximate = false;  // '~'
  bool uncertain = false;    // '?'
  int32_t firstDay() const;  // first day covered
  int32_t lastDay() const;   // last day covered
};

// How an interval end is bounded: a date, open ("..", still going), or unknown ("").
enum class Bound : uint8_t { Date, Open, Unknown };

struct Date {
  bool interval = false;
  DatePoint start, end;  // end == start for a single date
  Bound startBound = Bound::Date, endBound = Bound::Date;

  static constexpr int32_t kOpenStart = INT32_MIN / 2;
  static constexpr int32_t kOpenEnd = INT32_MAX / 2;
  // Day range covered; open or unknown ends give kOpenStart / kOpenEnd.
  int32_t firstDay() const { return startBound == Bound::Date ? start.firstDay() : kOpenStart; }
  int32_t lastDay() const { return endBound == Bound::Date ? end.lastDay() : kOpenEnd; }
  bool isSpan() const { return interval || start.precision != Precision::Day; }
  bool inexact() const;  // any approximate or uncertain part, or an unknown end
};

struct DateParse {
  bool ok = false;
  Date date;
  std::string error;  // says what is wrong, quoting the input
};

DateParse parseEdtf(std::string_view text);

// UK display: "13 Nov 2012", "Nov 2012", "Spring 2013", "c. 1987", "Oct 2014?", "Oct 2014 – Nov 2014".
std::string formatUk(const Date& d);
std::string formatUk(const DatePoint& p);
// One day (days since 1970-01-01) the UK way: "13 Nov 2012".
std::string formatUkDay(int32_t day);
// Short precision words for tooltips: "exact day", "month", "season", "year", plus qualifiers.
std::string describePrecision(const Date& d);
// Back to EDTF text (canonical form).
std::string toEdtf(const Date& d);

}  // namespace nhsx
