// The forgiving importer: a sheet as people keep it (CSV, TSV, or cells pasted from a spreadsheet) read
// into corpus items, everything understood listed for review. docs/csv-import.md says what it reads.
//
//   SheetImportResult r = importTable({text, "pasted table"}, {&bundled});   // one sheet, told apart by its columns
//   SheetImportResult r = importSheets({ents, "entities.csv"}, {rels, "relations.csv"}, {&bundled});
//   if (r.ok()) show r.review; then "Add to the map": mergeImport(bundled, r) (corpus_merge.h),
//                                   "Show on its own": r.corpus.
//
// What it does, briefly: header synonyms (Name/Label/Organisation, From/Source, To/Target/Partner,
// Start/End, Website, Notes, ...) case-, space- and punctuation-insensitively; any other column kept as a
// named field of the item; references by id, name or alias, in the sheet and (given a base corpus) on the
// map; an id made up from the name when none is given; kinds, types and relation types guessed from
// the words people use, each listed; rows without a source accepted (the items are the user's own);
// dates as people write them. Errors (text that is not UTF-8, a quote never closed, a relation with an
// empty end, an ambiguous or unknown id, a cycle of successions) make the import fail; everything else is a
// warning with file:line:column. Linear time in the text; memory of the items plus one row.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus_loader.h"
#include "core/sheet_words.h"

namespace nhsx {

struct SheetText {
  std::string_view text;
  std::string_view name;  // used in messages: "partners.csv", "pasted table"
};

enum class SheetKind : uint8_t { Entities, Relations };

struct SheetColumn {
  std::string header;  // as written ("Column 4" when empty)
  ColumnRole role = ColumnRole::Field;
  std::string note;    // why a synonym became a field: "'Description' is the description"
};

struct SheetSummary {
  std::string name;
  SheetKind kind = SheetKind::Entities;
  char delimiter = ',';
  size_t rows = 0;  // data rows read (not the header, not blank)
  std::vector<SheetColumn> columns;
};

// One distinct word of a type column and how it was read.
struct ImportGuess {
  std::string sheet, column;  // the sheet's name and the column's header as written
  std::string written;        // as first met ("Charity"); for a type read from a name, the name (column empty)
  std::string readAs;         // "organisation/charity", "funds"
  GuessQuality quality = GuessQuality::None;  // None: not understood, became other / related-to
  bool relation = false;
  bool reversed = false;      // "funded by": To funds From
  size_t rows = 0;
  std::string where;          // first row using it: "file:line:column"
};

// An imported entity that is on the base map already (by name, alias or id): it will be that entity.
struct ImportJoin {
  std::string written;  // the name as written in the sheet
  std::string id;       // the map's entity
  std::string name;     // its name there
};

struct ImportCounts {
  std::array<size_t, kKindCount> entities{};  // the user's own entities by kind
  size_t relations = 0;
  size_t rows = 0;                // data rows read, all sheets
  size_t noSource = 0;            // own items with no source given
  size_t unknownDates = 0;        // date cells not understood (left out)
  size_t unknownTypes = 0;        // rows whose type was not understood (became other / related-to)
  size_t guessedTypes = 0;        // rows whose type came from a guess (not our own word)
  size_t madeUpIds = 0;
  size_t fields = 0;              // values kept as named fields
  size_t onMap = 0;               // own entities that are on the map already (with a base)
  size_t mapEntities = 0;         // map entities brought in because the sheet refers to them
  size_t addedFromRelations = 0;  // organisations named only in relations, added
  size_t sources = 0;             // sources made from the sheet's source columns
  size_t entityTotal() const;
};

struct ImportReview {
  std::vector<SheetSummary> sheets;
  std::vector<ImportGuess> guesses;  // in the order met (at most 200; moreGuesses counts the rest)
  size_t moreGuesses = 0;
  std::vector<ImportJoin> onMap;
  std::vector<std::string> addedNames;  // organisations named only in relations (first 50)
  std::string headline;                 // "3 organisations, 2 relations"
  std::vector<std::string> lines;       // each thing understood, a line: "'Type' read as kind/type: ..."
  std::string summary;                  // headline and lines in one text, joined by "; "
};

struct SheetImportResult {
  // The imported items: the user's own (own = true), plus the map entities they refer to (copied with
  // their citations and sources, own = false) when a base was given. Indexed; loadCorpus would accept
  // it. Complete only when ok.
  Corpus corpus;
  std::vector<Diagnostic> errors;    // where: "file:line:column: column Header"; message
  std::vector<Diagnostic> warnings;  // same form; at most maxMessages of one sort, then one that counts the rest
  ImportCounts counts;
  ImportReview review;
  // Where each entity and relation of `corpus` came from ("partners.csv:4"; empty for map entities).
  std::vector<std::string> entityWhere, relationWhere;
  bool ok() const { return errors.empty(); }
};

struct SheetImportOptions {
  const Corpus* base = nullptr;  // the map: names and ids are looked up there too
  size_t maxMessages = 25;       // warnings (and errors) of one sort listed before they are counted
};

// One sheet of entities or of relations, told apart by its columns (a To/Target/Partner column and a
// From/Source/Organisation/Name column make it relations). The delimiter is a tab when the header has
// one (pasted cells, TSV), else ';' or ','.
SheetImportResult importTable(SheetText sheet, const SheetImportOptions& options = {});
// A sheet of entities and one of relations (either text may be empty). Given the other way round (their
// columns say so) they are swapped.
SheetImportResult importSheets(SheetText entities, SheetText relations, const SheetImportOptions& options = {});

// "partners.csv:4:12: column Start: ..." (the same form as formatCsvDiagnostic).
std::string formatImportDiagnostic(const Diagnostic& d);

}  // namespace nhsx
