// The user's own sheet coming into the app (App's import functions; docs/csv-import.md): read with the
// forgiving importer, held for review or adopted at once, and the one place an import is adopted.
#include "ui/app.h"

#include <nlohmann/json.hpp>

#include "core/corpus_merge.h"
#include "core/import_reply.h"

namespace nhsx {

namespace {
// The sheets an import read, for the errors panel's title: "partners.csv and relations.csv".
std::string sheetNames(const SheetImportResult& r) {
  std::string names;
  for (const SheetSummary& sh : r.review.sheets) names += (names.empty() ? "" : " and ") + sh.name;
  return names.empty() ? "The sheet" : names;
}
// The page's answer: the import's reply with what became of it.
std::string decorate(const std::string& reply, bool adopted, bool reviewing) {
  nlohmann::json j = nlohmann::json::parse(reply, nullptr, false);
  if (j.is_discarded()) j = nlohmann::json::object();
  j["adopted"] = adopted;
  j["reviewing"] = reviewing;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace

std::string App::importTable(std::string_view text, std::string_view name, ImportMode mode) {
  SheetImportOptions o;
  if (state_.corpusLoaded) o.base = &corpus_;
  return takeImport(nhsx::importTable({text, name}, o), mode);
}

std::string App::importSheets(std::string_view entities, std::string_view entitiesName, std::string_view relations,
                              std::string_view relationsName, ImportMode mode) {
  SheetImportOptions o;
  if (state_.corpusLoaded) o.base = &corpus_;
  return takeImport(nhsx::importSheets({entities, entitiesName}, {relations, relationsName}, o), mode);
}

// Review: the review screen holds the import (a refused one too: it lists the errors and offers only
// Cancel); otherwise it is adopted, or refused, at once.
std::string App::takeImport(SheetImportResult&& r, ImportMode mode) {
  if (mode == ImportMode::Review) {
    std::string reply = importReplyJson(r);
    announcement_ = r.ok() ? "What was understood: " + r.review.headline +
                                 ". Add to the map (Enter), Show on its own, or Cancel (Escape)."
                           : "The sheet cannot be imported: " + std::to_string(r.errors.size()) + " problems listed. Cancel closes.";
    import_.review(std::move(r), reply);
    return decorate(reply, false, true);
  }
  return finishImport(std::move(r), mode == ImportMode::Merge ? ImportChoice::AddToMap : ImportChoice::ShowOnOwn);
}

// The one place an import is adopted: onto the map (mergeImport) or on its own (the import's corpus).
// Anything refused, or a Cancel, leaves the corpus, the selection and the filters as they were.
std::string App::finishImport(SheetImportResult&& r, ImportChoice how) {
  const std::string source = sheetNames(r);
  std::vector<std::string> lines;
  if (!r.ok()) {
    for (const Diagnostic& d : r.errors) lines.push_back(formatImportDiagnostic(d));
    adopt(Corpus{}, source, std::move(lines));  // lists the errors; keeps the corpus
    return decorate(importReplyJson(r), false, false);
  }
  if (how == ImportChoice::AddToMap) {
    ensureCitations();  // the map's own citations go into the merged corpus
    MergeResult m = mergeImport(corpus_, r);
    const std::string reply = importReplyJson(r, &m);
    for (const Diagnostic& d : m.errors) lines.push_back(formatImportDiagnostic(d));
    const bool ok = m.ok();
    if (ok) announcement_ = "Added to the map: " + r.review.headline;
    adopt(std::move(m.corpus), source, std::move(lines));
    return decorate(reply, ok, false);
  }
  const std::string reply = importReplyJson(r);
  if (how == ImportChoice::ShowOnOwn && r.corpus.entities.empty()) {  // nothing to show: the map stays
    adopt(Corpus{}, source, {"The sheet has no rows to show: nothing has changed."});
    return decorate(reply, false, false);
  }
  if (how == ImportChoice::ShowOnOwn) {
    adopt(std::move(r.corpus), source, {});
    return decorate(reply, true, false);
  }
  return decorate(reply, false, false);  // cancelled
}

std::string App::mergeCorpusText(std::string_view text, std::string_view name) {
  ensureCitations();  // the map's own citations go into the merged corpus
  LoadResult loaded = nhsx::loadCorpus(text);
  std::vector<std::string> lines;
  nlohmann::json j;
  j["errors"] = nlohmann::json::array();
  for (const Diagnostic& d : loaded.errors) {
    lines.push_back(formatDiagnostic(name, d));
    j["errors"].push_back({{"where", d.where}, {"message", d.message}, {"text", lines.back()}});
  }
  if (loaded.errors.empty()) {
    MergeResult m = mergeCorpus(corpus_, loaded.corpus);
    for (const Diagnostic& d : m.errors) {
      lines.push_back(std::string(name) + ": " + formatImportDiagnostic(d));
      j["errors"].push_back({{"where", d.where}, {"message", d.message}, {"text", lines.back()}});
    }
    j["merge"] = {{"addedEntities", m.addedEntities}, {"addedRelations", m.addedRelations},
                  {"joined", m.joins.size()}, {"renamedIds", m.renamedIds}};
    if (m.ok()) adopt(std::move(m.corpus), std::string(name), {});
  }
  if (!lines.empty()) adopt(Corpus{}, std::string(name), std::move(lines));
  j["ok"] = j["errors"].empty();
  j["adopted"] = j["ok"];
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void App::drawImports(float width, float height) {
  std::string pasted;
  const ImportChoice choice = import_.draw(width, height, state_.corpusLoaded && !corpus_.entities.empty(), pasted);
  if (!pasted.empty()) importTable(pasted, "pasted table", ImportMode::Review);
  if (choice == ImportChoice::AddToMap || choice == ImportChoice::ShowOnOwn) finishImport(import_.take(), choice);
  else if (choice == ImportChoice::Cancel) import_.take();  // dropped: nothing changes
}

}  // namespace nhsx
