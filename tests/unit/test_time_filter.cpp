#include <catch2/catch_test_macros.hpp>

#include "core/app_state.h"
#include "core/time_filter.h"

using namespace nhsx;

namespace {
DateField field(const char* s) {
  DateField f;
  f.text = s;
  f.value = parseEdtf(s).date;
  return f;
}
}  // namespace

TEST_CASE("existence at a day follows the date's kind", "[timefilter]") {
  const int32_t d2012 = daysFromCivil(2012, 6, 1), d2014 = daysFromCivil(2014, 7, 28), d2020 = daysFromCivil(2020, 1, 1);
  CHECK(existenceAt(DateField{}, d2014) == Existence::Undated);
  CHECK(existenceAt(field("2014-07-28"), d2012) == Existence::NotYet);
  CHECK(existenceAt(field("2014-07-28"), d2014) == Existence::Exists);
  CHECK(existenceAt(field("2014-07-28"), d2020) == Existence::Exists);  // a publication stays published
  CHECK(existenceAt(field("2012/2015"), d2014) == Existence::Exists);
  CHECK(existenceAt(field("2012/2015"), d2020) == Existence::Ended);
  CHECK(existenceAt(field("2013-04-01/.."), d2020) == Existence::Exists);
  CHECK(existenceAt(field("../2013"), d2012) == Existence::Exists);
  CHECK(existenceAt(field("../2013"), d2014) == Existence::Ended);
  CHECK(existenceAt(field("2014"), daysFromCivil(2014, 12, 31)) == Existence::Exists);
}

TEST_CASE("state JSON carries the as-of date and the time window", "[state]") {
  AppState s;
  Corpus c;
  c.buildIndex();
  s.asOf = daysFromCivil(2014, 7, 28);
  s.windowFrom = daysFromCivil(2012, 1, 1);
  s.windowTo = daysFromCivil(2016, 1, 1);
  const std::string j = stateJson(s, c);
  CHECK(j.find("\"asOf\":\"2014-07-28\"") != std::string::npos);
  CHECK(j.find("\"timeWindow\":[\"2012-01-01\",\"2016-01-01\"]") != std::string::npos);
  CHECK(isoDay(0) == "1970-01-01");
}
