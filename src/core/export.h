// Export of the visible part of a corpus: as a corpus file, or as the two CSV files the importer reads.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

// Masks are indexed like corpus.entities / corpus.relations: 1 = visible. An index past the end of a
// mask counts as hidden. A relation is exported when it is visible and both its ends are.

// A format 1.x corpus that loadCorpus reads back without errors: the visible entities, the visible
// relations between them, the events involving at least one of them (their entity lists cut to the
// visible ones), the stories all of whose entities are visible and that pass the checks (one's own
// stories with them), and only the sources these cite.
std::string exportJson(const Corpus& corpus, const std::vector<uint8_t>& entityVisible,
                       const std::vector<uint8_t>& relationVisible);

// The whole corpus now loaded (the bundled one with whatever was merged into it, or one opened): every
// entity, relation, event and source, and the stories, in a file loadCorpus reads back to the same
// corpus. The one-file explorer (web/one-file-export.js) carries it in place of the bundled corpus.
std::string exportWholeCorpus(const Corpus& corpus);

// The importer's column layout (docs/csv-import.md). An item's first citation shares its row; each
// further citation is a row of its own repeating the id with the item's own columns left empty.
// Figures, date notes, `collective`, `order` and source notes have no column: use exportJson for them.
std::string exportEntitiesCsv(const Corpus& corpus, const std::vector<uint8_t>& entityVisible);
std::string exportRelationsCsv(const Corpus& corpus, const std::vector<uint8_t>& entityVisible,
                               const std::vector<uint8_t>& relationVisible);

}  // namespace nhsx
