#include <catch2/catch_test_macros.hpp>

#include "core/app_state.h"
#include "core/corpus_loader.h"
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

TEST_CASE("a document governing a later period exists from its publication", "[timefilter]") {
  LoadResult r = loadCorpus(R"({"format":"1.0","title":"t","sources":[{"id":"src-x","title":"X","publisher":"P","external":true}],
    "entities":[
      {"id":"doc-m","kind":"document","type":"mandate","name":"M","date":"2013-04/2015-03","citations":[{"source":"src-x","note":"n"}]},
      {"id":"org-d","kind":"organisation","type":"government-department","name":"D","date":"2013-04/..","citations":[{"source":"src-x","note":"n"}]}],
    "events":[
      {"id":"ev-p","type":"publication","name":"M published","date":"2012-11-13","entities":["doc-m","org-d"],"citations":[{"source":"src-x","note":"n"}]},
      {"id":"ev-q","type":"statement","name":"said","date":"2010","entities":["doc-m"],"citations":[{"source":"src-x","note":"n"}]}]})");
  REQUIRE(r.ok());
  const Corpus& c = r.corpus;
  const std::vector<int32_t> pub = publicationDays(c);
  const uint32_t m = static_cast<uint32_t>(c.findEntity("doc-m")), d = static_cast<uint32_t>(c.findEntity("org-d"));
  CHECK(pub[m] == daysFromCivil(2012, 11, 13));  // a statement event is not a publication
  CHECK(pub[d] == INT32_MAX);                     // only documents are published
  const DateField& md = c.entities[m].date;
  CHECK(existenceAt(md, daysFromCivil(2012, 11, 12), pub[m]) == Existence::NotYet);
  CHECK(existenceAt(md, daysFromCivil(2012, 11, 13), pub[m]) == Existence::Exists);
  CHECK(existenceAt(md, daysFromCivil(2012, 11, 13)) == Existence::NotYet);  // without the publication day
  CHECK(existenceAt(md, daysFromCivil(2016, 1, 1), pub[m]) == Existence::Ended);
  CHECK(existenceAt(c.entities[d].date, daysFromCivil(2012, 11, 13), pub[d]) == Existence::NotYet);
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
