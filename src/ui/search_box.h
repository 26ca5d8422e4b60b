// Search: a box opened with `/` or Ctrl/Cmd+K (or its button) over names, aliases, descriptions and
// quotes; results update as you type, arrow keys move, Enter picks. The same box picks the far end of
// a path ("Find connections to..."). Reopened, it shows the last text selected, so typing replaces it.
// On a touch screen the page lays a real text field over the box's field (so the phone's keyboard
// opens): it hears where through pageRequest() and sends the text and keys back (setText, pressKey).
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
  enum class Key : uint8_t { None, Enter, Up, Down, Escape };

  void setCorpus(const Corpus& c);
  // The corpus's text changed in place (its citations arrived): built again at the next search.
  void forgetIndex() { built_ = false; lastQuery_.clear(); }
  // opener: the character of the key that opened it ('/'), not to be typed into the field.
  void open(Purpose p = Purpose::Select, unsigned opener = 0);
  bool isOpen() const { return open_; }
  // Draws the box when open; a pick selects (or, picking a path's far end, sets the path target).
  void draw(const Corpus& c, const AppState& s, ActionQueue& out, float viewportWidth);
  // What a screen reader should hear about the results, once per change; empty when nothing new.
  std::string takeAnnouncement();
  // For the page's API: runs a query without the box.
  std::vector<SearchHit> query(std::string_view q, size_t limit);

  // Replaces the box's text. From the page's own text field (pageField): the box's field then only
  // shows the text, and the page sends the field's Enter, arrow and Escape keys through pressKey.
  void setText(std::string_view text, bool pageField);
  void pressKey(Key k) { pendingKey_ = k; }
  // For the page, once: "search-input {x, y, w, h, fontPx, text, fg, bg}" (CSS pixels of the canvas)
  // when the open box's field is placed or moves, "search-input-close" when the box closes; else "".
  std::string takePageRequest() { return std::move(pageRequest_); }

 private:
  // The open box (its field, the hits): its code is in the deferred module (tools/deferred-code.txt).
  void drawOpen(const Corpus& c, const AppState& s, ActionQueue& out, float viewportWidth);
  void pick(const Corpus& c, const AppState& s, ActionQueue& out, uint32_t entity);
  void ensureIndex();
  void close();

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
  // The field takes the keyboard a frame or two after the box opens: characters typed meanwhile are
  // kept here and handed to it then, not lost (a fast typist's "/nhs" gave "hs").
  bool awaitingField_ = false;
  unsigned opener_ = 0;
  std::vector<unsigned> early_;
  Key heldKey_ = Key::None;  // Enter, an arrow or Escape pressed after such characters: handled after them
  bool pageField_ = false;  // the page's text field has the text (touch screens)
  Key pendingKey_ = Key::None;
  std::string pageRequest_, fieldSent_;  // fieldSent_: the field's place last told to the page
  Purpose purpose_ = Purpose::Select;
};

}  // namespace nhsx
