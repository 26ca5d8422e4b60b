#include "ui/compare_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/url_state.h"
#include "ui/control_spots.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
// A typed date: a day, month or year, a month or year as it stood at its end (as explorer.compare reads it).
bool parseTyped(const char* text, int32_t& day) {
  double d = 0;
  if (!link::parseDay(text, true, false, d)) return false;
  day = static_cast<int32_t>(d);
  return true;
}

void setText(char* buf, size_t size, int32_t day) {
  std::snprintf(buf, size, "%s", day == kNoDay ? "" : isoDay(day).c_str());
}
}  // namespace

void ComparePanel::dateRow(const char* label, const std::vector<ComparePreset>& presets, char* buf, size_t size,
                           const std::string& control) {
  const float indent = ImGui::GetFontSize() * 4.5f;
  ImGui::PushID(label);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(indent);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.5f);
  ImGui::InputTextWithHint("##date", "YYYY-MM-DD", buf, size);
  noteControl(control);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A day, month or year (a month or year as it stood at its end)");
  // The presets beside the field when there is room for their name, else below it.
  const float comboMin = ImGui::CalcTextSize("Mandate starts").x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2.f;
  const bool beside = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - indent >= comboMin;
  if (beside) ImGui::SameLine();
  else ImGui::Indent(indent);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##preset", "Mandate starts", ImGuiComboFlags_HeightLarge)) {
    for (size_t i = 0; i < presets.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(presets[i].label.c_str())) setText(buf, size, presets[i].day);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (!beside) ImGui::Unindent(indent);
  // The "as of" cursor, dragged on the timeline's axis, picks a date too.
  if (asOf_ != kNoDay) {
    ImGui::Indent(indent);
    const std::string use = "Use the \"as of\" date, " + isoDay(asOf_);
    const bool pressed = ImGui::SmallButton(use.c_str());
    noteControl(control + "-asof");
    if (pressed) setText(buf, size, asOf_);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag the \"as of\" cursor on the timeline's axis to pick a day");
    ImGui::Unindent(indent);
  }
  ImGui::PopID();
}

void ComparePanel::draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis,
                        std::vector<LinkSpot>& spots) {
  if (presetsOf_ != s.corpusVersion) {
    presets_ = comparePresets(c);
    presetsOf_ = s.corpusVersion;
  }
  // The fields follow the state when it changes elsewhere (a link, a story step, the view's ✕).
  if (s.compareFirst != syncedFirst_ || s.compareSecond != syncedSecond_) {
    syncedFirst_ = s.compareFirst;
    syncedSecond_ = s.compareSecond;
    if (s.comparing()) {
      setText(first_, sizeof first_, s.compareFirst);
      setText(second_, sizeof second_, s.compareSecond);
    }
    error_.clear();
  }
  asOf_ = s.asOf;
  ImGui::TextWrapped("What changed between two dates: pick a mandate's start, type a date or use the timeline's "
                     "\"as of\" cursor.");
  dateRow("First", presets_, first_, sizeof first_, "compare:first");
  dateRow("Second", presets_, second_, sizeof second_, "compare:second");
  const bool go = ImGui::Button("Compare");
  noteControl("compare:go");
  if (go) {
    int32_t a = 0, b = 0;
    const bool okA = parseTyped(first_, a), okB = parseTyped(second_, b);
    if (!okA || !okB) {
      error_ = std::string("Not a date: \"") + (okA ? second_ : first_) + "\"; expected YYYY-MM-DD, YYYY-MM or YYYY";
    } else {
      error_.clear();
      out.push(act::SetComparison{a, b});
      if (s.view == View::Overview) out.push(act::SetView{View::Graph});  // the picture shows the differences
    }
  }
  if (s.comparing()) {
    ImGui::SameLine();
    if (ImGui::Button("Stop comparing")) out.push(act::SetComparison{});
  }
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette().accent));
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  }
  if (!s.comparing() || !vis.comparison) return;
  const Comparison& cmp = *vis.comparison;
  ImGui::Separator();
  ImGui::TextWrapped("Between %s and %s: %zu changes", formatUkDay(cmp.first).c_str(), formatUkDay(cmp.second).c_str(),
                     cmp.entities.size());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("In the relationship view (its legend says so too): struck through and faded, only at the first "
                     "date; ringed, only at the second; renamed between them, old \xe2\x86\x92 new.");
  ImGui::PopStyleColor();
  for (size_t i = 0; i < cmp.entities.size(); ++i) {
    const EntityChange& ch = cmp.entities[i];
    if (ch.entity >= c.entities.size()) continue;
    // The thing to select: a renamed body under its new name (the one the picture shows).
    const uint32_t target = ch.kind == ChangeKind::Renamed && ch.to >= 0 ? static_cast<uint32_t>(ch.to) : ch.entity;
    ImGui::PushID(static_cast<int>(i));
    const std::string text = describeChange(c, ch);
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, kindTextColour(c.entities[target].kind));
    ImGui::PushTextWrapPos(0.f);
    // A wrapped selectable: its height is the wrapped text's.
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, w);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool isSelection = s.selected == static_cast<int>(target);
    if (ImGui::Selectable("##change", isSelection, 0, ImVec2(w, size.y))) out.push(act::Select{static_cast<int>(target)});
    if (ImGui::IsItemVisible()) {
      spots.push_back({target, at.x + std::min(size.x, w) * 0.5f, at.y + ImGui::GetFontSize() * 0.5f, LinkSpot::Role::Change,
                       text, {}});
    }
    ImGui::SetCursorScreenPos(at);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    // Its sources, briefly (the details of the selection give the quotes).
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    std::vector<uint32_t> shown;
    for (const Citation* cit : changeCitations(c, ch)) {
      if (cit->source >= c.sources.size() || std::find(shown.begin(), shown.end(), cit->source) != shown.end()) continue;
      shown.push_back(cit->source);
      const Source& src = c.sources[cit->source];
      ImGui::TextWrapped("%s \xe2\x80\x94 %s", src.title.c_str(), src.publisher.c_str());
      if (ImGui::IsItemHovered() && !cit->quote.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.f);
        ImGui::TextUnformatted(("\xe2\x80\x9c" + cit->quote + "\xe2\x80\x9d").c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    if (shown.empty()) ImGui::TextUnformatted(c.citationsAbsent() ? c.citationsAbsent() : "no source given");
    ImGui::PopStyleColor();
    ImGui::Unindent();
    ImGui::PopID();
  }
}

}  // namespace nhsx
