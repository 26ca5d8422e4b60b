// The user's own sheet on its way in: the "Paste from spreadsheet" box, the import waiting on the review
// screen (ui/import_review.h) and the user's choice there. The app adopts what is chosen (App::finishImport);
// this holds only what is being decided, so a cancelled import leaves nothing behind.
#pragma once
#include <memory>
#include <string>

#include "core/sheet_import.h"
#include "ui/import_review.h"

namespace nhsx {

// How an import is taken: shown for review first (the user's choice adopts it), added to the map at
// once, or shown on its own (replacing the map).
enum class ImportMode { Review, Merge, Own };
bool parseImportMode(std::string_view text, ImportMode& out);  // "review", "merge", "own"

class ImportFlow {
 public:
  void openPaste() { pasteOpen_ = true; }
  // Holds an import for review (replacing one under review); `reply` is its answer for the page.
  void review(SheetImportResult&& r, std::string reply);
  bool busy() const { return pasteOpen_ || pending_ != nullptr; }  // a window of its own owns the keys
  // Draws the paste box and the review. The text of a paste read this frame goes to `pasted`; the
  // review's choice is returned (take() then gives the import it concerns).
  ImportChoice draw(float width, float height, bool canAddToMap, std::string& pasted);
  SheetImportResult take();
  // Its part of explorer.state(): "importReview" (the import's reply, or null) and "pasteTable" ({chars}
  // or null). (Its buttons and field are named controls, ui/control_spots.h.)
  std::string stateJsonFields() const;

 private:
  std::unique_ptr<SheetImportResult> pending_;
  std::string pendingReply_;
  bool reviewOpen_ = false;
  bool pasteOpen_ = false;
  std::string paste_;  // kept after Read, so a refused sheet can be corrected and read again
};

}  // namespace nhsx
