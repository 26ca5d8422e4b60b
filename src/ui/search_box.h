// Search: a box opened with `/` or Ctrl/Cmd+K (or its button) over names, aliases, descriptions and
// quotes; results update as you type, arrow keys move, Enter picks. The same box picks the far end of
// a path ("Find connections to...").
#pragma once
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/search.h"

namespace nhsx {

class SearchBox {
 public:
  enum class Purpose : uint8_t { Select, PathTarget };

  void setCorpus(const Corpus& c);
  void open(Purpose p = Purpose::Select);
  bool isOpen() const { return open_; }
  // Draws the box when open; a pick selects (or, picking a path's far end, sets the path target).
  void draw(const Corpus& c, const AppState& s, ActionQueue& out, float viewportWidth);
  // What a screen reader should hear about the results, once per change; empty when nothing new.
  std::string takeAnnouncement();
  // For the page's API: runs a query without the box.
  std::vector<SearchHit> query(std::string_view q, size_t limit);

 private:
  void pick(const Corpus& c, const AppState& s, ActionQueue& out, uint32_t entity);

  void ensureIndex();

  // Built on first use, not on load: at 100k entities it takes seconds in wasm.
  SearchIndex index_;
  const Corpus* corpus_ = nullptr;
  bool built_ = false;
  char text_[256] = {};
  std::string lastQuery_;
  std::vector<SearchHit> hits_;
  std::string announcement_;
  int cursor_ = 0;
  bool open_ = false, focusInput_ = false;
  Purpose purpose_ = Purpose::Select;
};

}  // namespace nhsx
