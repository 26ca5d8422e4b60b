// The answer of the page's importTable / importCsv calls (web/explorer-api.js), as one JSON text built
// in core so that the bridge only passes it on: { ok, errors, warnings, counts, review[, merge] }.
#pragma once
#include <string>

#include "core/corpus_merge.h"
#include "core/sheet_import.h"

namespace nhsx {

// {
//   "ok": true,                       // the import (and the merge, when given) succeeded
//   "errors":   [{"where", "message", "text"}],   // text: "file:line:column: column H: message"
//   "warnings": [{"where", "message", "text"}],
//   "counts": {"organisations": 3, "people": 0, ..., "relations": 2, "rows", "noSource", "unknownDates",
//              "unknownTypes", "guessedTypes", "madeUpIds", "fields", "onMap", "addedFromRelations", "sources"},
//   "review": {"headline", "summary", "lines": [...], "onMap": [{"written", "id", "name"}],
//              "guesses": [{"sheet", "column", "written", "readAs", "rows", "reversed", "understood"}],
//              "sheets": [{"name", "kind": "entities"|"relations", "rows", "delimiter",
//                          "columns": [{"header", "readAs"}]}]},
//   "merge": {"ok", "errors", "warnings", "joined": [{"id", "name", "how"}], "addedEntities",
//             "addedRelations", "renamedIds"}        // only with a merge
// }
std::string importReplyJson(const SheetImportResult& imported, const MergeResult* merged = nullptr);

}  // namespace nhsx
