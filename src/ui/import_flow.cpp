#include "ui/import_flow.h"

#include <nlohmann/json.hpp>

#include "ui/deferred.h"

namespace nhsx {

bool parseImportMode(std::string_view text, ImportMode& out) {
  if (text == "review") out = ImportMode::Review;
  else if (text == "merge") out = ImportMode::Merge;
  else if (text == "own") out = ImportMode::Own;
  else return false;
  return true;
}

void ImportFlow::review(SheetImportResult&& r, std::string reply) {
  pending_ = std::make_unique<SheetImportResult>(std::move(r));
  pendingReply_ = std::move(reply);
  reviewOpen_ = true;
}

ImportChoice ImportFlow::draw(float width, float height, bool canAddToMap, std::string& pasted) {
  // Both panels are called only when open: their code is in the deferred wasm module (ui/deferred.h).
  if (pasteOpen_ && deferredCall(&drawPasteTable)(paste_, pasteOpen_, width, height)) pasted = paste_;
  if (!pending_ || !reviewOpen_) return ImportChoice::None;
  ImportReviewOptions o;
  o.canAddToMap = canAddToMap;
  o.viewportWidth = width;
  o.viewportHeight = height;
  return deferredCall(&drawImportReview)(*pending_, reviewOpen_, o);
}

SheetImportResult ImportFlow::take() {
  SheetImportResult r = pending_ ? std::move(*pending_) : SheetImportResult{};
  pending_.reset();
  pendingReply_.clear();
  reviewOpen_ = false;
  return r;
}

std::string ImportFlow::stateJsonFields() const {
  nlohmann::json j;
  if (pending_) {
    nlohmann::json r = nlohmann::json::parse(pendingReply_, nullptr, false);
    if (r.is_discarded()) r = nlohmann::json::object();
    j["importReview"] = std::move(r);
  } else {
    j["importReview"] = nullptr;
  }
  if (pasteOpen_) {
    j["pasteTable"] = {{"chars", paste_.size()}};
  } else {
    j["pasteTable"] = nullptr;
  }
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return s.substr(1, s.size() - 2);  // the fields alone, to go into the state's object
}

}  // namespace nhsx
