#include "ui/import_flow.h"

#include <nlohmann/json.hpp>

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
  if (drawPasteTable(paste_, pasteOpen_, width, height, &pasteRects_)) pasted = paste_;
  if (!pasteOpen_) pasteRects_ = PasteTableRects{};
  if (!pending_) return ImportChoice::None;
  ImportReviewOptions o;
  o.canAddToMap = canAddToMap;
  o.viewportWidth = width;
  o.viewportHeight = height;
  o.rects = &reviewRects_;
  return drawImportReview(*pending_, reviewOpen_, o);
}

SheetImportResult ImportFlow::take() {
  SheetImportResult r = pending_ ? std::move(*pending_) : SheetImportResult{};
  pending_.reset();
  pendingReply_.clear();
  reviewOpen_ = false;
  reviewRects_ = ImportReviewRects{};
  return r;
}

namespace {
nlohmann::json rect(const ScreenRect& r) {
  if (r.w <= 0 || r.h <= 0) return nullptr;
  return {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
}
}  // namespace

std::string ImportFlow::stateJsonFields() const {
  nlohmann::json j;
  if (pending_) {
    nlohmann::json r = nlohmann::json::parse(pendingReply_, nullptr, false);
    if (r.is_discarded()) r = nlohmann::json::object();
    r["buttons"] = {{"add", rect(reviewRects_.addToMap)}, {"own", rect(reviewRects_.showOnOwn)},
                    {"cancel", rect(reviewRects_.cancel)}, {"window", rect(reviewRects_.window)}};
    j["importReview"] = std::move(r);
  } else {
    j["importReview"] = nullptr;
  }
  if (pasteOpen_) {
    j["pasteTable"] = {{"field", rect(pasteRects_.field)}, {"read", rect(pasteRects_.read)},
                       {"cancel", rect(pasteRects_.cancel)}, {"window", rect(pasteRects_.window)},
                       {"chars", paste_.size()}};
  } else {
    j["pasteTable"] = nullptr;
  }
  j["importMenu"] = {{"button", rect(menuButton_)}, {"paste", rect(pasteItem_)}};
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return s.substr(1, s.size() - 2);  // the fields alone, to go into the state's object
}

}  // namespace nhsx
