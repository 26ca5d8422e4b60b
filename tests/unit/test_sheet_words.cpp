// The words of people's sheets read onto our vocabulary: headers, kinds and types, relation types, dates.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "core/csv.h"
#include "core/sheet_words.h"

using namespace nhsx;

TEST_CASE("headers: synonyms, case, spaces and punctuation", "[sheet-words]") {
  for (const char* h : {"Name", "name", " NAME ", "Label", "Organisation", "organization", "Organisation name"}) {
    INFO(h);
    CHECK(entityColumnRole(h, false) == ColumnRole::Name);
  }
  CHECK(entityColumnRole("Type", false) == ColumnRole::Type);
  CHECK(entityColumnRole("Category", false) == ColumnRole::Type);
  CHECK(entityColumnRole("Website", false) == ColumnRole::Url);
  CHECK(entityColumnRole("URL", false) == ColumnRole::Url);
  CHECK(entityColumnRole("Link", false) == ColumnRole::Url);
  CHECK(entityColumnRole("Notes", false) == ColumnRole::Description);
  CHECK(entityColumnRole("Start", false) == ColumnRole::Start);
  CHECK(entityColumnRole("From date", false) == ColumnRole::Start);
  CHECK(entityColumnRole("To date", false) == ColumnRole::End);
  CHECK(entityColumnRole("End", false) == ColumnRole::End);
  CHECK(entityColumnRole("Founded", false) == ColumnRole::Start);
  CHECK(entityColumnRole("Also known as", false) == ColumnRole::Aliases);
  CHECK(entityColumnRole("Charity number", false) == ColumnRole::Field);
  // The strict format's own headers mean the same.
  CHECK(entityColumnRole("source_title", true) == ColumnRole::SourceTitle);
  CHECK(entityColumnRole("source_url", true) == ColumnRole::SourceUrl);
  CHECK(entityColumnRole("source_publisher", true) == ColumnRole::Publisher);
  CHECK(entityColumnRole("quote", true) == ColumnRole::Quote);
  CHECK(entityColumnRole("id", true) == ColumnRole::Id);
  // "note" is the citation's note beside source columns, else a description.
  CHECK(entityColumnRole("note", true) == ColumnRole::Note);
  CHECK(entityColumnRole("note", false) == ColumnRole::Description);
  // "Source" is a citation in a list of organisations and the first end of a relation.
  CHECK(entityColumnRole("Source", false) == ColumnRole::SourceAny);
  CHECK(relationColumnRole("Source", false) == ColumnRole::From);
  CHECK(relationColumnRole("Target", false) == ColumnRole::To);
  CHECK(relationColumnRole("Partner", false) == ColumnRole::To);
  CHECK(relationColumnRole("from", false) == ColumnRole::From);
  CHECK(relationColumnRole("Relationship", false) == ColumnRole::Type);
  CHECK(relationColumnRole("Role", false) == ColumnRole::Role);
  CHECK(fromCandidate("Organisation"));
  CHECK_FALSE(fromCandidate("From"));
  CHECK(isSourceHeader("Source URL"));
  CHECK_FALSE(isSourceHeader("Website"));
}

TEST_CASE("kinds and types from the words people use", "[sheet-words]") {
  struct Case {
    const char* text;
    Kind kind;
    const char* type;
    GuessQuality q;
  };
  const Case cases[] = {
      {"Charity", Kind::Organisation, "charity", GuessQuality::Exact},
      {"charity", Kind::Organisation, "charity", GuessQuality::Exact},
      {"Registered charity", Kind::Organisation, "charity", GuessQuality::Phrase},
      {"Charities", Kind::Organisation, "charity", GuessQuality::Phrase},
      {"NHS trust", Kind::Organisation, "nhs-trust", GuessQuality::Phrase},
      {"NHS Foundation Trust", Kind::Organisation, "nhs-foundation-trust", GuessQuality::Phrase},
      {"nhs-foundation-trust", Kind::Organisation, "nhs-foundation-trust", GuessQuality::Exact},
      {"ICB", Kind::Organisation, "commissioning-body", GuessQuality::Phrase},
      {"Integrated Care Board", Kind::Organisation, "commissioning-body", GuessQuality::Phrase},
      {"CCG", Kind::Organisation, "commissioning-body", GuessQuality::Phrase},
      {"Social enterprise", Kind::Organisation, "social-enterprise", GuessQuality::Phrase},
      {"CIC", Kind::Organisation, "social-enterprise", GuessQuality::Phrase},
      {"Local authority", Kind::Organisation, "local-government", GuessQuality::Phrase},
      {"Think tank", Kind::Organisation, "think-tank", GuessQuality::Phrase},
      {"Arm's length body", Kind::Organisation, "arms-length-body", GuessQuality::Phrase},
      {"organisation/charity", Kind::Organisation, "charity", GuessQuality::Exact},
      {"Organisation", Kind::Organisation, "other", GuessQuality::Exact},
      {"Person", Kind::Person, "other", GuessQuality::Exact},
      {"CEO", Kind::Person, "chief-executive", GuessQuality::Phrase},
      {"Report", Kind::Document, "report", GuessQuality::Exact},
      {"Press release", Kind::Document, "news-release", GuessQuality::Phrase},
      {"Programme", Kind::Programme, "programme", GuessQuality::Exact},
      {"Grant scheme", Kind::Programme, "fund", GuessQuality::Phrase},
      {"Partnership", Kind::Partnership, "partnership", GuessQuality::Exact},
      {"Topic", Kind::Theme, "theme", GuessQuality::Phrase},
      {"Local charity shop", Kind::Organisation, "charity", GuessQuality::Contains},
      {"Acute NHS Foundation Trust", Kind::Organisation, "nhs-foundation-trust", GuessQuality::Contains},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const EntityTypeGuess g = guessEntityType(c.text);
    CHECK(g.quality == c.q);
    CHECK(g.kind == c.kind);
    CHECK(g.type == c.type);
  }
  CHECK(guessEntityType("Widget maker").quality == GuessQuality::None);
  CHECK(guessEntityType("").quality == GuessQuality::None);
  // A known kind (a Kind column) narrows the types.
  const Kind person = Kind::Person;
  CHECK(guessEntityType("Chair", &person).type == "chair");
  CHECK(guessEntityType("Charity", &person).quality == GuessQuality::None);
  Kind k;
  CHECK(guessKind("people", k));
  CHECK(k == Kind::Person);
  CHECK(guessKind("Organisation", k));
  CHECK(k == Kind::Organisation);
  CHECK_FALSE(guessKind("Gadget", k));
  // Types in names, when no type is given.
  CHECK(guessTypeFromName("Barts Health NHS Trust").type == "nhs-trust");
  CHECK(guessTypeFromName("Royal Free London NHS Foundation Trust").type == "nhs-foundation-trust");
  CHECK(guessTypeFromName("NHS North East London ICB").type == "commissioning-body");
  CHECK(guessTypeFromName("Camden Council").type == "local-government");
  CHECK(guessTypeFromName("Mind in Camden").quality == GuessQuality::None);
}

TEST_CASE("relation types from the words people use, reversed when they read backwards", "[sheet-words]") {
  auto id = [](const RelationTypeGuess& g) {
    return g.type < 0 ? std::string("?") : std::string(relationTypes()[static_cast<size_t>(g.type)].id);
  };
  CHECK(id(guessRelationType("funds")) == "funds");
  CHECK(guessRelationType("funds").quality == GuessQuality::Exact);
  const RelationTypeGuess funded = guessRelationType("Funded by");
  CHECK(id(funded) == "funds");
  CHECK(funded.reversed);
  CHECK(id(guessRelationType("is funded by")) == "funds");
  CHECK(guessRelationType("is funded by").reversed);
  const RelationTypeGuess partner = guessRelationType("Partner");
  CHECK(id(partner) == "works-with");
  CHECK(partner.partnerWord);
  CHECK(id(guessRelationType("works with")) == "works-with");  // our label
  CHECK(id(guessRelationType("works-with")) == "works-with");  // our id
  CHECK(id(guessRelationType("Member")) == "member-of");
  CHECK(id(guessRelationType("Supported by")) == "supports");
  CHECK(guessRelationType("Supported by").reversed);
  CHECK(id(guessRelationType("Commissioned by")) == "funds");
  CHECK(id(guessRelationType("Replaced by")) == "succeeded-by");
  CHECK(id(guessRelationType("Replaces")) == "succeeded-by");
  CHECK(guessRelationType("Replaces").reversed);
  CHECK(id(guessRelationType("Strategic partner")) == "works-with");
  CHECK(id(guessRelationType("Led by")) == "leads");
  CHECK(id(guessRelationType("related to")) == "related-to");
  CHECK(guessRelationType("shares an office with").quality == GuessQuality::None);
  CHECK(guessRelationType("").quality == GuessQuality::None);
}

TEST_CASE("dates as people write them, UK day/month order", "[sheet-words]") {
  struct Case {
    const char* text;
    const char* edtf;
  };
  const Case ok[] = {
      {"2023", "2023"}, {"April 2023", "2023-04"}, {"Apr 2023", "2023-04"}, {"apr. 2023", "2023-04"},
      {"Sept 2023", "2023-09"}, {"04/2023", "2023-04"}, {"4/2023", "2023-04"}, {"1/4/2023", "2023-04-01"},
      {"01/04/2023", "2023-04-01"}, {"1.4.2023", "2023-04-01"}, {"1-4-2023", "2023-04-01"},
      {"2023-04-01", "2023-04-01"}, {"2023-4-1", "2023-04-01"}, {"2023/04/01", "2023-04-01"},
      {"1 April 2023", "2023-04-01"}, {"1st April 2023", "2023-04-01"}, {"April 1, 2023", "2023-04-01"},
      {"Spring 2023", "2023-21"}, {"c. 1987", "1987~"}, {"circa 1987", "1987~"}, {"2014?", "2014?"},
      {"2019-2021", "2019/2021"}, {"2019 to 2021", "2019/2021"}, {"2019 \xe2\x80\x93 2021", "2019/2021"},
      {"April 2019 - March 2021", "2019-04/2021-03"}, {"2023-24", "2023/2024"}, {"2023/24", "2023/2024"},
      {"2013-21", "2013-21"}, {"2018-01/..", "2018-01/.."}, {" 2023 ", "2023"}, {"2019 to present", "2019/.."},
  };
  for (const Case& c : ok) {
    INFO(c.text);
    const SheetDate d = parseSheetDate(c.text);
    CHECK(d.status == SheetDate::Ok);
    CHECK(d.edtf == c.edtf);
  }
  for (const char* empty : {"", "  ", "unknown", "n/a", "TBC", "?", "-"}) {
    INFO(empty);
    CHECK(parseSheetDate(empty).status == SheetDate::Empty);
  }
  for (const char* open : {"present", "Ongoing", "now", "to date", "current"}) {
    INFO(open);
    CHECK(parseSheetDate(open).status == SheetDate::Ongoing);
  }
  struct Bad {
    const char* text;
    const char* hint;  // part of the hint, or "" for none
  };
  const Bad bad[] = {
      {"last spring", ""}, {"4/13/2023", "month 13"}, {"31/2/2023", "day 31"}, {"1/4/23", "two-digit year"},
      {"45017", "spreadsheet"}, {"sometime in 2020", ""}, {"2023-13", ""}, {"2021/2019", "before it starts"},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    const SheetDate d = parseSheetDate(b.text);
    CHECK(d.status == SheetDate::Unknown);
    CHECK(d.hint.find(b.hint) != std::string::npos);
  }
}

TEST_CASE("Start and End joined into one interval", "[sheet-words]") {
  auto join = [](const char* a, const char* b) {
    Date d;
    std::string edtf, hint;
    return joinDates(parseSheetDate(a), parseSheetDate(b), d, edtf, hint) ? edtf : "!" + hint;
  };
  CHECK(join("2019", "2021") == "2019/2021");
  CHECK(join("April 2023", "") == "2023-04/..");  // no end: still going
  CHECK(join("1987", "present") == "1987/..");
  CHECK(join("", "March 2024") == "/2024-03");    // no start known
  CHECK(join("2019-2021", "2023") == "2019/2023");  // an interval's start
  CHECK(join("2020", "2019").rfind("!", 0) == 0);   // ends before it starts
  CHECK(join("", "").rfind("!", 0) == 0);
}

TEST_CASE("match keys, slugs and id prefixes", "[sheet-words]") {
  CHECK(matchKey("The King's Fund") == matchKey("kings fund"));
  CHECK(matchKey("Health & Care") == matchKey("health and care"));
  CHECK(matchKey("  NHS   England ") == "nhs england");
  CHECK(matchKey("The") == "the");
  CHECK(slugOf("St Mungo's Housing & Care") == "st-mungos-housing-care");
  CHECK(slugOf("Café Ωmega") == "cafe-mega");
  CHECK(slugOf("Ωμέγα").empty());
  CHECK(slugOf(std::string(200, 'a') + " b").size() <= 48);
  CHECK(slugOf("alpha beta gamma delta epsilon zeta eta theta iota kappa") == "alpha-beta-gamma-delta-epsilon-zeta-eta-theta");
  CHECK(idPrefix(Kind::Organisation) == "org");
  CHECK(idPrefix(Kind::Programme) == "prog");
}

TEST_CASE("a tab in the header makes a table tab-separated; semicolons win over commas", "[sheet-words][csv]") {
  CHECK(detectDelimiter("Name\tType\nA, B\tCharity\n") == '\t');
  CHECK(detectDelimiter("Name,Type\nA,Charity\n") == ',');
  CHECK(detectDelimiter("Name;Type;Notes\nA;Charity;x, y\n") == ';');
  CHECK(detectDelimiter("\"a,b\";c\n") == ';');  // a comma inside quotes does not count
  CHECK(detectDelimiter("Name\n") == ',');
  CsvReader r("Name\tNotes\n\"Mind\"\t\"two\nlines\"\n", '\t');
  CsvRow row;
  REQUIRE(r.next(row));
  REQUIRE(r.next(row));
  REQUIRE(row.fields.size() == 2);
  CHECK(row.fields[1].text == "two\nlines");
  CHECK_FALSE(r.next(row));
  CHECK(r.errors().empty());
}
