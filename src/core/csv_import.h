// Import of a corpus from two spreadsheet exports (entities.csv, relations.csv); see docs/csv-import.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus_loader.h"

namespace nhsx {

struct CsvImportResult {
  Corpus corpus;  // complete only when ok
  // `where` is "entities.csv:14:9: column kind" (file, line:column, the column's header as written) or
  // shorter when less is known; `message` says what is wrong, expected vs found.
  std::vector<Diagnostic> errors;
  std::string json;  // the corpus file built from the rows (what the loader checked)
  bool ok() const { return errors.empty(); }
};

// Builds a format 1.0 corpus from the rows and checks it with loadCorpus, so every corpus rule applies;
// the loader's JSON paths are mapped back to the row and column they came from. An empty relations
// text means no relations.
CsvImportResult importCsv(std::string_view entitiesCsv, std::string_view entitiesName, std::string_view relationsCsv,
                          std::string_view relationsName);

// "entities.csv:14:9: column kind: expected one of ...; found \"organization\""
std::string formatCsvDiagnostic(const Diagnostic& d);

// The column headers the importer knows, in the order the exporter writes them.
const std::vector<std::string_view>& entityCsvColumns();
const std::vector<std::string_view>& relationCsvColumns();

}  // namespace nhsx
