#include "ui/search_box.h"

#include <imgui.h>

#include <algorithm>

#include "core/kind_style.h"

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
}  // namespace

void SearchBox::setCorpus(const Corpus& c) {
  corpus_ = &c;
  built_ = false;
  lastQuery_.clear();
  hits_.clear();
  text_[0] = 0;
  open_ = false;
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

void SearchBox::open(Purpose p) {
  purpose_ = p;
  open_ = true;
  focusInput_ = true;
  cursor_ = 0;
}

std::string SearchBox::takeAnnouncement() { return std::move(announcement_); }

void SearchBox::pick(const Corpus& c, const AppState& s, ActionQueue& out, uint32_t entity) {
  if (purpose_ == Purpose::PathTarget && s.selected >= 0) out.push(act::SetPathTarget{static_cast<int>(entity)});
  else out.push(act::Select{static_cast<int>(entity)});
  announcement_ = (purpose_ == Purpose::PathTarget ? "Connections to " : "Selected ") + c.entities[entity].name;
  open_ = false;
}

void SearchBox::draw(const Corpus& c, const AppState& s, ActionQueue& out, float viewportWidth) {
  if (!open_) return;
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
  if (focusInput_) { ImGui::SetKeyboardFocusHere(); focusInput_ = false; }
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##q", "Names, aliases, descriptions, quotes", text_, sizeof text_,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
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
  if (n > 0) {
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) cursor_ = (cursor_ + 1) % n;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) cursor_ = (cursor_ + n - 1) % n;
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Escape)) open_ = false;
  if (enter && n > 0) { pick(c, s, out, hits_[static_cast<size_t>(cursor_)].entity); ImGui::End(); return; }
  if (n == 0 && !lastQuery_.empty()) ImGui::TextDisabled("Nothing matches \xe2\x80\x9c%s\xe2\x80\x9d", text_);
  ImGui::BeginChild("results", ImVec2(0, std::min(n, 10) * fs * 1.6f + (n ? 6 : 0)));
  for (int i = 0; i < n; ++i) {
    const SearchHit& h = hits_[static_cast<size_t>(i)];
    const Entity& e = c.entities[h.entity];
    ImGui::PushID(i);
    ImGui::PushStyleColor(ImGuiCol_Text, kindStyle(e.kind).colour);
    if (ImGui::Selectable(e.name.c_str(), i == cursor_)) { ImGui::PopStyleColor(); ImGui::PopID(); pick(c, s, out, h.entity); break; }
    ImGui::PopStyleColor();
    if (i == cursor_ && (ImGui::IsKeyPressed(ImGuiKey_DownArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)))
      ImGui::SetScrollHereY();
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s", std::string(kindName(e.kind)).c_str(), fieldHint(h.field));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::TextDisabled("Up/Down to move, Enter to choose, Esc to close");
  ImGui::End();
}

}  // namespace nhsx
