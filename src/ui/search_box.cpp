#include "ui/search_box.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/kind_style.h"
#include "ui/deferred.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
const char* fieldHint(SearchField f) {
  switch (f) {
    case SearchField::Alias: return "also known as";
    case SearchField::Description: return "in description";
    case SearchField::Quote: return "in a quote";
    case SearchField::Name: break;
  }
  return "";
}

std::string hintOf(const Entity& e, const SearchHit& h) {
  std::string hint(kindName(e.kind));
  if (*fieldHint(h.field)) hint += std::string(" ") + fieldHint(h.field);
  if (h.missing) hint += " \xc2\xb7 " + std::to_string(h.missing) + (h.missing == 1 ? " word missing" : " words missing");
  return hint;
}

std::string cssColour(ImU32 c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
  return buf;
}
}  // namespace

void SearchBox::setCorpus(const Corpus& c) {
  corpus_ = &c;
  built_ = false;
  lastQuery_.clear();
  hits_.clear();
  text_[0] = 0;
  close();
}

void SearchBox::ensureIndex() {
  if (built_ || !corpus_) return;
  index_.build(*corpus_);
  built_ = true;
}

std::vector<SearchHit> SearchBox::query(std::string_view q, size_t limit) {
  ensureIndex();
  return index_.query(q, limit);
}

void SearchBox::open(Purpose p, unsigned opener) {
  purpose_ = p;
  if (!open_) {
    awaitingField_ = true;
    opener_ = opener;
    early_.clear();
  }
  open_ = true;
  focusInput_ = true;  // the field takes the keyboard with its old text selected
  cursor_ = 0;
}

void SearchBox::close() {
  open_ = false;
  awaitingField_ = false;
  heldKey_ = Key::None;
  early_.clear();
  pageField_ = false;
  pendingKey_ = Key::None;
  if (!fieldSent_.empty()) pageRequest_ = "search-input-close";
  fieldSent_.clear();
}

void SearchBox::setText(std::string_view text, bool pageField) {
  const size_t n = std::min(text.size(), sizeof text_ - 1);
  std::memcpy(text_, text.data(), n);
  text_[n] = 0;
  pageField_ = pageField_ || pageField;
}

std::string SearchBox::takeAnnouncement() { return std::move(announcement_); }

void SearchBox::pick(const Corpus& c, const AppState& s, ActionQueue& out, uint32_t entity) {
  if (purpose_ == Purpose::PathTarget && s.selected >= 0) out.push(act::SetPathTarget{static_cast<int>(entity)});
  else out.push(act::Select{static_cast<int>(entity)});
  announcement_ = (purpose_ == Purpose::PathTarget ? "Connections to " : "Selected ") + c.entities[entity].name;
  close();
}

void SearchBox::draw(const Corpus& c, const AppState& s, ActionQueue& out, float viewportWidth) {
  if (!open_) {
    if (!fieldSent_.empty()) close();  // closed by its title bar's button
    return;
  }
  (this->*deferredCall(&SearchBox::drawOpen))(c, s, out, viewportWidth);  // opened by the reader: ui/deferred.h
}

void SearchBox::drawOpen(const Corpus& c, const AppState& s, ActionQueue& out, float viewportWidth) {
  const float fs = ImGui::GetFontSize();
  const float w = std::min(viewportWidth - 16.f, fs * 34);
  ImGui::SetNextWindowPos(ImVec2((viewportWidth - w) * 0.5f, fs * 3.2f), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowFocus();
  const char* title = purpose_ == Purpose::PathTarget ? "Find connections to###search" : "Search###search";
  if (!ImGui::Begin(title, &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  // Typed into the page's field, the box's field only shows the text (it would not see the keys).
  if (focusInput_ && !pageField_) ImGui::SetKeyboardFocusHere();
  focusInput_ = false;
  ImGui::SetNextItemWidth(-1);
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                    (pageField_ ? ImGuiInputTextFlags_ReadOnly : 0);
  // Characters typed before the field has the keyboard wait in early_. The field ignores and drops those
  // queued in the frame it takes the keyboard by request, so the queue is copied before it runs.
  ImGuiIO& io = ImGui::GetIO();
  for (const unsigned ch : early_) io.InputQueueCharacters.push_back(static_cast<ImWchar>(ch));
  early_.clear();
  std::vector<unsigned> typed;
  if (awaitingField_) typed.assign(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end());
  bool enter = ImGui::InputTextWithHint("##q", "Names, aliases, descriptions, quotes", text_, sizeof text_, flags);
  const bool justTaken = awaitingField_ && ImGui::IsItemActivated();
  if (pageField_ || (ImGui::IsItemActive() && !justTaken)) {
    awaitingField_ = false;
  } else if (awaitingField_) {  // not the field's yet: keep what was typed (the opening '/' left out)
    for (const unsigned ch : typed) {
      if (opener_ != 0 && ch == opener_) opener_ = 0;
      else early_.push_back(ch);
    }
    io.InputQueueCharacters.resize(0);
  }
  {  // where the page's own field goes (it uses it on touch screens)
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    nlohmann::json field = {{"x", a.x}, {"y", a.y}, {"w", b.x - a.x}, {"h", b.y - a.y}, {"fontPx", fs},
                            {"padX", ImGui::GetStyle().FramePadding.x},
                            {"fg", cssColour(ImGui::GetColorU32(ImGuiCol_Text))},
                            {"bg", cssColour(ImGui::GetColorU32(ImGuiCol_FrameBg, 1.f))}};
    const std::string place = field.dump();
    if (place != fieldSent_) {
      field["text"] = text_;
      pageRequest_ = "search-input " + field.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      fieldSent_ = place;
    }
  }
  if (lastQuery_ != text_) {
    lastQuery_ = text_;
    hits_ = query(lastQuery_, 30);
    cursor_ = 0;
    if (!lastQuery_.empty()) {
      announcement_ = std::to_string(hits_.size()) + (hits_.size() == 1 ? " result" : " results");
      if (!hits_.empty()) announcement_ += "; first: " + c.entities[hits_[0].entity].name;
    }
  }
  const int n = static_cast<int>(hits_.size());
  Key key = pendingKey_;
  pendingKey_ = Key::None;
  if (key == Key::None && early_.empty()) std::swap(key, heldKey_);
  bool down = ImGui::IsKeyPressed(ImGuiKey_DownArrow) || key == Key::Down;
  bool up = ImGui::IsKeyPressed(ImGuiKey_UpArrow) || key == Key::Up;
  enter = enter || key == Key::Enter;
  bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape) || key == Key::Escape;
  if (!early_.empty()) {  // characters typed before it are still on their way to the field: the key waits
    const Key held = enter ? Key::Enter : escape ? Key::Escape : down ? Key::Down : up ? Key::Up : Key::None;
    if (held != Key::None) heldKey_ = held;
    enter = escape = down = up = false;
  }
  if (n > 0) {
    if (down) cursor_ = (cursor_ + 1) % n;
    if (up) cursor_ = (cursor_ + n - 1) % n;
  }
  if (escape) open_ = false;
  if (enter && n > 0) { pick(c, s, out, hits_[static_cast<size_t>(cursor_)].entity); ImGui::End(); return; }
  ImGui::PushTextWrapPos(0.f);
  if (n == 0 && !lastQuery_.empty()) ImGui::TextDisabled("Nothing matches \xe2\x80\x9c%s\xe2\x80\x9d", text_);

  // Each result on one line with its kind beside it; a name too long for that gets the kind below it,
  // and is elided (whole in a tooltip) only if wider than the box. Nothing is cut at the edge.
  const ImGuiStyle& st = ImGui::GetStyle();
  const float rowH = fs + st.ItemSpacing.y;
  const float inner = ImGui::GetContentRegionAvail().x - (n > 10 ? st.ScrollbarSize : 0.f) - st.WindowPadding.x * 0.5f;
  struct Row {
    std::string name, hint;
    bool below;
  };
  std::vector<Row> rows;
  float height = 0;
  for (int i = 0; i < n; ++i) {
    const SearchHit& h = hits_[static_cast<size_t>(i)];
    const Entity& e = c.entities[h.entity];
    Row r{e.name, hintOf(e, h), false};
    const float hintW = ImGui::CalcTextSize(r.hint.c_str()).x + st.ItemSpacing.x;
    const float nameW = ImGui::CalcTextSize(e.name.c_str()).x;
    if (nameW + hintW > inner) {
      r.below = true;
      r.name = elide(e.name, inner);
      r.hint = elide(r.hint, inner);
    }
    if (i < 10) height += r.below ? rowH * 2 : rowH;
    rows.push_back(std::move(r));
  }
  // The list scrolls rather than push the box past the bottom of the screen (the hint below stays).
  const char* footer = "Up/Down to move, Enter to choose, Esc to close";
  const float footerH = ImGui::CalcTextSize(footer, nullptr, false, ImGui::GetContentRegionAvail().x).y;
  const float room = ImGui::GetIO().DisplaySize.y - ImGui::GetCursorScreenPos().y - footerH - st.ItemSpacing.y -
                     st.WindowPadding.y - 8.f;
  height = std::max(std::min(height + (n ? 6 : 0), room), n ? rowH * 2 : 0.f);
  ImGui::BeginChild("results", ImVec2(0, height));
  for (int i = 0; i < n; ++i) {
    const SearchHit& h = hits_[static_cast<size_t>(i)];
    const Entity& e = c.entities[h.entity];
    const Row& r = rows[static_cast<size_t>(i)];
    ImGui::PushID(i);
    ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(e.kind));
    const ImVec2 textAt = ImGui::GetCursorScreenPos();  // (the selectable's box reaches a little further left)
    const ImVec2 size(0.f, r.below ? rowH * 2 - st.ItemSpacing.y : 0.f);
    const bool picked = ImGui::Selectable(r.name.c_str(), i == cursor_, ImGuiSelectableFlags_AllowOverlap, size);
    ImGui::PopStyleColor();
    if (r.name.size() != e.name.size()) ImGui::SetItemTooltip("%s", e.name.c_str());
    if (picked) { ImGui::PopID(); pick(c, s, out, h.entity); break; }
    if (i == cursor_ && (down || up)) ImGui::SetScrollHereY();
    if (r.below) {
      // Under the name, inside the selectable's two lines.
      ImGui::GetWindowDrawList()->AddText(ImVec2(textAt.x, textAt.y + rowH), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                          r.hint.c_str());
    } else {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", r.hint.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::TextDisabled("%s", footer);
  ImGui::PopTextWrapPos();
  ImGui::End();
  if (!open_) close();
}

}  // namespace nhsx
