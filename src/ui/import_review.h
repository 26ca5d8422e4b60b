// The review screen of an import of the user's own sheet: what was understood (counts, columns, the
// words read as kinds, types and relation types, what is already on the map, rows without a source,
// dates not understood, each warning where it is), then "Add to the map", "Show on its own" or "Cancel".
// Self-contained: it draws from a SheetImportResult (core/sheet_import.h) and returns the user's choice;
// the caller adopts the corpus (see docs/csv-import.md, "Wiring the review screen").
#pragma once
#include <string>

#include "core/sheet_import.h"

namespace nhsx {

enum class ImportChoice {
  None,        // still deciding (or nothing to review): draw again next frame
  AddToMap,    // merge onto the map shown: mergeImport(map, result)
  ShowOnOwn,   // show the imported items alone: result.corpus
  Cancel,      // close; nothing changes
};

struct ImportReviewOptions {
  bool canAddToMap = true;   // false when there is no map to add to (then "Show on its own" is the default)
  float viewportWidth = 0;   // the window is centred and sized to it (0: the display's width)
  float viewportHeight = 0;
};

// Draws the review window while `open`; returns the button pressed this frame (closing the window or Esc is
// Cancel, Enter the default button). With errors the import cannot be adopted: only Cancel is offered,
// with the errors listed. Sets `open` to false once a choice is made. Its buttons are named controls
// (ui/control_spots.h): "review:add", "review:own", "review:cancel".
ImportChoice drawImportReview(const SheetImportResult& result, bool& open, const ImportReviewOptions& options = {});

// A "Paste from spreadsheet" box: a multi-line text field into which cells copied from a spreadsheet
// (tab-separated) or CSV text are pasted, and a Read button. True on the frame Read is pressed; the
// text is in `buffer` (which the box grows as needed). Its window opens while `open`. Its field and
// buttons are named controls: "paste:field", "paste:read", "paste:cancel".
bool drawPasteTable(std::string& buffer, bool& open, float viewportWidth = 0, float viewportHeight = 0);

}  // namespace nhsx
