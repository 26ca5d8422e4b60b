// Merging a corpus of the user's own items onto a base corpus (the bundled map): "Add to the map".
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "core/sheet_import.h"

namespace nhsx {

struct MergeOptions {
  bool markOwn = true;  // every item added from the extra corpus is marked as the user's own
  // Where each entity / relation of the extra corpus came from ("partners.csv:4"), for messages.
  const std::vector<std::string>* entityWhere = nullptr;
  const std::vector<std::string>* relationWhere = nullptr;
};

struct MergeJoin {
  uint32_t extra = 0, base = 0;  // entity indices
  std::string how;               // "by name", "by alias", "by id"
};

struct MergeResult {
  // The base's items first, at their own indices (a selection or layout of the base stays valid), then
  // the added ones. Indexed; passes loadCorpus's rules (own items may have no citation). Complete only
  // when ok.
  Corpus corpus;
  std::vector<Diagnostic> errors, warnings;
  std::vector<uint32_t> entityIndex;   // extra entity -> merged entity
  std::vector<int32_t> relationIndex;  // extra relation -> merged relation; -1 when it was the base's own
  std::vector<MergeJoin> joins;        // extra entities that became base entities
  size_t addedEntities = 0, addedRelations = 0, addedSources = 0, addedEvents = 0, renamedIds = 0;
  bool ok() const { return errors.empty(); }
};

// Keeps the base and adds the extra corpus's items. An extra entity whose name or alias matches one base
// entity's name or alias (compared by matchKey: "NHS England", "the NHS England", "nhs england") becomes
// that entity, not a copy: its relations attach to it, its extra fields and citations are added to it
// (the base's name, kind, type, date and description stay). The same for an entity with a base id that
// is not the user's own (a map entity the import brought along). A name matching two base entities is
// a warning naming both, and the entity is added. Ids already used in the base are renamed (-2, -3 ...).
// A cycle of succession or part-of relations made by the added ones is an error. Linear in the sizes.
MergeResult mergeCorpus(const Corpus& base, const Corpus& extra, const MergeOptions& options = {});
// The same for an import's result, with its rows named in messages.
MergeResult mergeImport(const Corpus& base, const SheetImportResult& imported);
// The same, moving the imported items into the result instead of copying them (for a large sheet: the
// peak memory is the base and the merged corpus). `imported.corpus` is left empty.
MergeResult mergeImport(const Corpus& base, SheetImportResult&& imported);

// Cycles of the relation types that may not form one (relationIsAcyclic): each with the relations along
// it, in order (the last closes it). At most `limit` cycles. O(entities + relations) per such type.
struct RelationCycle {
  int type = 0;
  std::vector<uint32_t> relations;
};
std::vector<RelationCycle> findRelationCycles(const Corpus& c, size_t limit = 100);
// "A → B → A" (a long cycle by its ends), with entity names.
std::string describeCycle(const Corpus& c, const RelationCycle& cycle);

}  // namespace nhsx
