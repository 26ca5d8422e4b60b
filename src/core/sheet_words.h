// The words people write in their own sheets, read onto the corpus vocabulary: column headers
// ("Organisation", "Partner", "From date"), kinds and types ("Charity", "NHS trust", "ICB"), relation
// types ("funded by", "partner") and dates ("April 2023", "1/4/2023"). Used by the forgiving importer
// (sheet_import.h); each function is pure and unit tested on its own. docs/csv-import.md lists the words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/edtf.h"
#include "core/vocab.h"

namespace nhsx {

// Lower case, accents removed, punctuation as spaces, a leading "the" and every "and" / "&" dropped:
// "The King's Fund" and "kings fund" match, "Health & Care" and "health and care" too. Names, aliases
// and ids are compared by this key.
std::string matchKey(std::string_view text);

// What a column holds, from its header.
enum class ColumnRole : uint8_t {
  Field,        // none of the below: kept as a named field of the item
  Id,
  Name,         // entities: the name (relations: a candidate for From, see fromCandidate)
  Kind,
  Type,         // entities: kind and/or type; relations: the relation type
  Aliases,
  ShortName,
  Description,
  Date,         // one date (a point or an interval as written)
  Start,        // with End: one interval
  End,
  Url,          // the entity's own address
  From,         // relations
  To,
  Role,         // relations: the role
  SourceTitle,
  SourceUrl,
  SourceAny,    // "Source", "Reference": a URL when the cell holds one, else the source's title
  Publisher,
  SourceDate,
  SourceSeed,
  Quote,
  Note,         // the citation's note ("note" when the sheet has a source column; else Description)
  Count
};
const char* columnRoleName(ColumnRole r);  // "name", "kind/type", "start date", ... (for the review)

// The role of a header in a sheet of entities (relations = false) or of relations. "Source" is From in a
// relations sheet and a source elsewhere; "note" is the citation's note only when the sheet cites
// (hasSourceColumn), else a description. Headers are compared case-, space- and punctuation-insensitively.
ColumnRole entityColumnRole(std::string_view header, bool hasSourceColumn);
ColumnRole relationColumnRole(std::string_view header, bool hasSourceColumn);
// True when a header of a relations sheet names the relation's first end only when no explicit From
// column is there ("Organisation", "Name", "Label"): true for those, false for "From"/"Source".
bool fromCandidate(std::string_view header);
// True when a header names a source column (any of the Source* roles, Quote, Publisher).
bool isSourceHeader(std::string_view header);

// How sure a guess is.
enum class GuessQuality : uint8_t {
  None,      // not understood
  Exact,     // our own word ("charity", "nhs-foundation-trust", "works-with", "works with")
  Phrase,    // a word people use, in our table ("Registered charity", "ICB", "funded by")
  Contains,  // such a word inside a longer text ("Local charity shop")
};

struct EntityTypeGuess {
  GuessQuality quality = GuessQuality::None;
  Kind kind = Kind::Organisation;
  std::string_view type = "other";  // one of typesOfKind(kind)
  bool kindOnly = false;            // only the kind was understood ("Organisation", "Person"): type other
};
// Reads a Type cell ("Charity", "NHS trust", "ICB", "organisation/charity", "Person") onto a kind and
// type. With a known kind (a separate Kind column), only types of that kind are considered.
EntityTypeGuess guessEntityType(std::string_view text, const Kind* knownKind = nullptr);
// Reads a Kind cell ("Organisation", "people", "Publication").
bool guessKind(std::string_view text, Kind& out);
// An organisation's type from its name when no type is given ("Barts Health NHS Trust", "NHS North
// East London ICB", "Camden Council"): Phrase or None, and only the plainest name endings.
EntityTypeGuess guessTypeFromName(std::string_view name);

struct RelationTypeGuess {
  GuessQuality quality = GuessQuality::None;
  int type = -1;          // index into relationTypes()
  bool reversed = false;  // the words read the other way ("funded by": To funds From)
  bool partnerWord = false;  // "partner": partner-in when the other end is a partnership or programme
};
RelationTypeGuess guessRelationType(std::string_view text);

// A date as people write it: "2023", "April 2023", "Apr 2023", "1 April 2023", "04/2023", "1/4/2023"
// (UK day/month order), "2023-04-01", "Spring 2023", "c. 1987", "2019-2021", "2019 to 2021", "2023-24"
// (a financial year: 2023/2024), and any EDTF text the corpus format reads. "present", "ongoing",
// "now" and "to date" mean an open end.
struct SheetDate {
  enum Status : uint8_t { Empty, Ok, Ongoing, Unknown } status = Empty;
  Date date;          // when Ok
  std::string edtf;   // canonical EDTF text when Ok
  std::string hint;   // when Unknown: why, in a few words (two-digit year, impossible day, ...)
};
SheetDate parseSheetDate(std::string_view text);

// Start and End cells to one date: "2019/2021", "2019/.." (no end: still going), "/2021" (no start
// known). Either may be empty. False with `hint` set when they cannot be joined (ends before it starts).
bool joinDates(const SheetDate& start, const SheetDate& end, Date& out, std::string& edtf, std::string& hint);

// A readable id part from a name: "St Mungo's Housing & Care" -> "st-mungos-housing-care" (ASCII
// letters and digits, words joined by '-', at most maxLength characters cut at a word); empty when the
// name has no ASCII letter or digit.
std::string slugOf(std::string_view name, size_t maxLength = 48);
// A text cut short for a message or the review: at most maxBytes (whole UTF-8 characters) and "…".
std::string briefText(std::string_view text, size_t maxBytes = 60);

// The id prefix of a kind: "org", "person", "doc", "prog", "partnership", "part", "theme".
std::string_view idPrefix(Kind k);

}  // namespace nhsx
