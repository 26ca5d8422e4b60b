#include <catch2/catch_test_macros.hpp>

#include "core/edtf.h"

using namespace nhsx;

namespace {
Date ok(const char* s) {
  DateParse r = parseEdtf(s);
  INFO(s << ": " << r.error);
  REQUIRE(r.ok);
  return r.date;
}
std::string err(const char* s) {
  DateParse r = parseEdtf(s);
  REQUIRE_FALSE(r.ok);
  return r.error;
}
}  // namespace

TEST_CASE("day arithmetic matches the civil calendar", "[edtf]") {
  CHECK(daysFromCivil(1970, 1, 1) == 0);
  CHECK(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28) == 2);  // 2000 is a leap year
  CHECK(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28) == 1);  // 1900 is not
  for (int32_t d : {-800000, -1, 0, 1, 15000, 20000, 2900000}) {
    int y, m, dd;
    civilFromDays(d, y, m, dd);
    CHECK(daysFromCivil(y, m, dd) == d);
  }
  CHECK(daysInMonth(2024, 2) == 29);
  CHECK(daysInMonth(2014, 2) == 28);
}

TEST_CASE("every EDTF form the corpus uses parses and formats in UK style", "[edtf]") {
  CHECK(formatUk(ok("2014-07-28")) == "28 Jul 2014");
  CHECK(formatUk(ok("2012-11-13")) == "13 Nov 2012");
  CHECK(formatUkDay(daysFromCivil(2012, 11, 13)) == "13 Nov 2012");
  CHECK(formatUk(ok("2014-07")) == "Jul 2014");
  CHECK(formatUk(ok("2014")) == "2014");
  CHECK(formatUk(ok("2013-21")) == "Spring 2013");
  CHECK(formatUk(ok("2013-24")) == "Winter 2013");
  CHECK(formatUk(ok("1987~")) == "c. 1987");
  CHECK(formatUk(ok("2014-10?")) == "Oct 2014?");
  CHECK(formatUk(ok("2014-10%")) == "c. Oct 2014?");
  CHECK(formatUk(ok("2014-10/2014-11")) == "Oct 2014 \u2013 Nov 2014");
  CHECK(formatUk(ok("2013-04-01/..")) == "1 Apr 2013 onwards");
  CHECK(formatUk(ok("../2015")) == "until 2015");
  CHECK(formatUk(ok("2013-04-01/")) == "1 Apr 2013 \u2013 ?");
}

TEST_CASE("day ranges cover the stated precision", "[edtf]") {
  Date y = ok("2014");
  CHECK(y.firstDay() == daysFromCivil(2014, 1, 1));
  CHECK(y.lastDay() == daysFromCivil(2014, 12, 31));
  Date m = ok("2024-02");
  CHECK(m.lastDay() == daysFromCivil(2024, 2, 29));
  Date spring = ok("2013-21");
  CHECK(spring.firstDay() == daysFromCivil(2013, 3, 1));
  CHECK(spring.lastDay() == daysFromCivil(2013, 5, 31));
  Date winter = ok("2013-24");
  CHECK(winter.firstDay() == daysFromCivil(2013, 12, 1));
  CHECK(winter.lastDay() == daysFromCivil(2014, 2, 28));
  Date open = ok("2013-04-01/..");
  CHECK(open.endBound == Bound::Open);
  CHECK(open.lastDay() == Date::kOpenEnd);
  CHECK(ok("../2015").firstDay() == Date::kOpenStart);
}

TEST_CASE("qualifiers and precision are described for tooltips", "[edtf]") {
  CHECK(describePrecision(ok("2014-07-28")) == "exact day");
  CHECK(describePrecision(ok("1987~")) == "year, approximate");
  CHECK(describePrecision(ok("2014-10?")) == "month, uncertain");
  CHECK(describePrecision(ok("2013-21")) == "season");
  CHECK(describePrecision(ok("2013-04-01/..")) == "interval, exact day, ongoing");
  CHECK(ok("2014-10?").inexact());
  CHECK_FALSE(ok("2014-10").inexact());
}

TEST_CASE("EDTF text round-trips", "[edtf]") {
  for (const char* s : {"2014-07-28", "2014-07", "2014", "2013-21", "1987~", "2014-10?", "2014-10%",
                        "2014-10/2014-11", "2013-04-01/..", "../2015", "2013-04-01/", "2014-10-30/2014-11-02"}) {
    CHECK(toEdtf(ok(s)) == s);
  }
}

TEST_CASE("invalid dates are refused with a message that says what is wrong", "[edtf]") {
  CHECK(err("") == "empty date");
  CHECK(err("2014-02-31") == "'2014-02-31': day 31 does not exist in Feb 2014");
  CHECK(err("2014-13") == "'2014-13': month 13 is out of range (01-12, or 21-24 for seasons)");
  CHECK(err("2014-00") == "'2014-00': month 0 is out of range (01-12, or 21-24 for seasons)");
  CHECK(err("14-02") == "'14-02': expected a four-digit year (YYYY), found '14'");
  CHECK(err("20145") == "'20145': expected a four-digit year (YYYY), found '20145'");
  CHECK(err("0000") == "'0000': year 0000 is out of range (0001-9999)");
  CHECK(err("2014-2-1") == "'2014-2-1': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS, found '2014-2-1'");
  CHECK(err("2013-21-05") == "'2013-21-05': a season (21-24) cannot have a day");
  CHECK(err("2014-11/2014-10") == "'2014-11/2014-10': interval ends (Oct 2014) before it starts (Nov 2014)");
  CHECK(err("../..") == "'../..': an interval needs at least one known end");
  CHECK(err("2014/2015/2016") == "'2014/2015/2016': an interval has exactly one '/'");
  CHECK(err("2014 ") == "'2014 ': white space is not allowed in a date");
  CHECK(err("spring 2013") == "'spring 2013': white space is not allowed in a date");
  CHECK(err("abcd") == "'abcd': expected a four-digit year (YYYY), found 'a'");
  CHECK(err("2015-02-29") == "'2015-02-29': day 29 does not exist in Feb 2015");
  CHECK(parseEdtf("2016-02-29").ok);
}
