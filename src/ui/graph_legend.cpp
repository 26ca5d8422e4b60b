#include "ui/graph_legend.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/kind_style.h"
#include "ui/control_spots.h"
#include "ui/deferred.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
// A small filled shape, matching the renderer's shapes.
void legendShape(ImDrawList* dl, ImVec2 c, float r, float shape, ImU32 col) {
  if (shape < 0.5f) {
    dl->AddCircleFilled(c, r, col);
  } else if (shape < 1.5f) {
    dl->AddRectFilled(ImVec2(c.x - r * 0.86f, c.y - r * 0.86f), ImVec2(c.x + r * 0.86f, c.y + r * 0.86f), col, r * 0.2f);
  } else if (shape < 2.5f) {
    dl->AddQuadFilled(ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.2f, c.y), ImVec2(c.x, c.y + r * 1.2f),
                      ImVec2(c.x - r * 1.2f, c.y), col);
  } else if (shape < 3.5f) {
    dl->AddTriangleFilled(ImVec2(c.x, c.y - r * 1.1f), ImVec2(c.x + r, c.y + r * 0.7f), ImVec2(c.x - r, c.y + r * 0.7f), col);
  } else {
    dl->AddNgonFilled(c, r * 1.05f, col, 6);
  }
}
}  // namespace

namespace {
constexpr float kMargin = 8.f;
constexpr int kCompareRows = 4;  // "Two dates compared" and its three marks
const char* const kCompareText[kCompareRows] = {"Two dates compared", "only at the first", "only at the second",
                                                "renamed: old \xe2\x86\x92 new"};
const char* const kColourBy = "Colour by";
float rowH() { return ImGui::GetFontSize() * 1.3f; }
float buttonW() { return ImGui::CalcTextSize("Hide legend").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFontSize() * 1.2f; }
float buttonH() { return ImGui::GetFrameHeight(); }
// The first row: "Colour by" and its two choices.
float choiceH() { return std::max(rowH(), ImGui::GetFrameHeightWithSpacing()); }
float availH(float height) { return std::max(0.f, height - buttonH() - 3 * kMargin); }
// A kind's or a theme's row width: its swatch and the longest name.
float colourColW(const LegendChoices& c) {
  float w = 0;
  if (c.byTheme)
    for (const LegendTheme& t : c.themes) w = std::max(w, ImGui::CalcTextSize(t.name.c_str()).x);
  else
    for (int k = 0; k < kKindCount; ++k) w = std::max(w, ImGui::CalcTextSize(std::string(kindPlural(static_cast<Kind>(k))).c_str()).x);
  return 28 + w + 10;
}
// Lines the kinds (or the themes) take: two columns when one would not leave room for the rest
// (presentation type on a 720 px screen).
int colourLines(const LegendChoices& c, bool twoColumns) {
  const int n = c.byTheme ? static_cast<int>(c.themes.size()) : kKindCount;
  return twoColumns ? (n + 1) / 2 : n;
}
// The colouring's choice, the kinds (or the themes), the edge families, "Your data" when there is some, the
// marks of a comparison, then two choices.
float contentH(const LegendChoices& c, bool twoColumns) {
  return choiceH() +
         (colourLines(c, twoColumns) + (kRelationGroupCount - 1) + (c.own ? 1 : 0) + (c.comparing ? kCompareRows : 0)) * rowH() +
         2 * ImGui::GetFrameHeightWithSpacing();
}
bool twoColumns(const LegendChoices& c, float height) {
  return contentH(c, false) + 12 > availH(height);
}
float radioW(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}
float panelW(const LegendChoices& c, bool twoCols) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  float textW = std::max(ImGui::CalcTextSize("Show every part").x + ImGui::GetFrameHeight() + 8,
                         ImGui::CalcTextSize(kColourBy).x + gap + radioW("kind") + gap + radioW("theme"));
  for (int g = 0; g < kRelationGroupCount - 1; ++g)
    textW = std::max(textW, 28 + ImGui::CalcTextSize(relationGroupName(static_cast<RelationGroup>(g))).x);
  for (const char* t : kCompareText) textW = std::max(textW, 28 + ImGui::CalcTextSize(t).x);
  textW = std::max(textW, colourColW(c) * (twoCols ? 2 : 1) - 8);
  return textW + 16;
}
float panelH(const LegendChoices& c, float height) {
  return std::min(contentH(c, twoColumns(c, height)) + 12, availH(height));
}
}  // namespace

void drawOwnRing(void* drawList, float cx, float cy, float radius) {
  auto* dl = static_cast<ImDrawList*>(drawList);
  dl->AddCircle(ImVec2(cx, cy), radius + 2.5f, palette().canvas, 0, 2.f);  // apart from what is under it
  dl->AddCircle(ImVec2(cx, cy), radius + 1.5f, palette().text, 0, 1.6f);
}

void graphLegendRect(const LegendChoices& c, float x, float y, float width, float height, float& x0, float& y0, float& x1,
                     float& y1) {
  (void)width;
  x0 = x + kMargin;
  y1 = y + height - kMargin;
  x1 = x0 + buttonW();
  y0 = y1 - buttonH();
  if (c.open) {
    y0 -= panelH(c, height) + 4;
    x1 = std::max(x1, x0 + panelW(c, twoColumns(c, height)));
  }
  x0 -= 2, y0 -= 2, x1 += 2, y1 += 2;  // a little air around it
}

namespace {
// The open legend's rows (a click opens it): code of the deferred wasm module (tools/deferred-code.txt),
// called through deferredCall. Whether a choice changed.
bool drawLegendPanel(LegendChoices& c, float x0, float y0, float x1, float height) {
  bool changed = false;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize(), rh = rowH();
  const ImVec2 at(x0, y0);
  const float ph = panelH(c, height);
  c.clickedTheme = -1;
  // The colouring: by kind or by theme (the rows below follow it).
  ImGui::SetCursorScreenPos(ImVec2(at.x + 6, at.y + 4));
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().muted), "%s", kColourBy);
  ImGui::SameLine();
  if (ImGui::RadioButton("kind", !c.byTheme) && c.byTheme) { c.byTheme = false; changed = true; }
  noteControl("legend:by-kind");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each node in the colour of its kind (organisation, person, ...)");
  ImGui::SameLine();
  if (ImGui::RadioButton("theme", c.byTheme) && !c.byTheme) { c.byTheme = true; changed = true; }
  noteControl("legend:by-theme");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each node in the colour of the theme it has most relations with");
  int row = 0;
  auto rowY = [&](int r) { return at.y + 4 + choiceH() + r * rh; };
  // Rows stop where the two choices at the bottom begin (a short view cuts the last rows, not them).
  const float rowsEnd = at.y + ph - 2 * ImGui::GetFrameHeightWithSpacing();
  const bool two = twoColumns(c, height);
  const int lines = colourLines(c, two);  // down the first column, then the second
  if (!c.byTheme) {
    for (int k = 0; k < kKindCount; ++k) {
      const float cx = at.x + (k / lines) * colourColW(c), cy = rowY(row + k % lines);
      if (cy + rh > rowsEnd) continue;
      const KindStyle& ks = kindStyle(static_cast<Kind>(k));
      legendShape(dl, ImVec2(cx + 14, cy + fs * 0.55f), fs * 0.38f, ks.shape, ks.colour);
      dl->AddText(ImVec2(cx + 28, cy), palette().text, std::string(kindPlural(static_cast<Kind>(k))).c_str());
    }
    row += lines;
  } else {
    // The themes: a click on a named one filters to it (again: shows every theme).
    const float rowW = two ? colourColW(c) - 4 : x1 - x0 - 8;
    // A selectable's box (and its highlight) reaches half the item spacing beyond its size: none here, so
    // each row's box is its own (line and column) and no row's highlight covers another row's name.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.f, 0.f));
    for (int k = 0; k < static_cast<int>(c.themes.size()); ++k) {
      const LegendTheme& t = c.themes[static_cast<size_t>(k)];
      const float cx = at.x + (k / lines) * colourColW(c), cy = rowY(row + k % lines);
      if (cy + rh > rowsEnd) continue;
      ImGui::SetCursorScreenPos(ImVec2(cx + 4, cy));
      ImGui::PushID(static_cast<int>(k));
      if (t.entity >= 0) {
        if (ImGui::Selectable("##theme", t.entity == c.filteredTheme, 0, ImVec2(rowW, rh - 1))) {
          c.clickedTheme = t.entity;
          changed = true;
        }
        noteControl("legend:" + t.id);
      } else {
        ImGui::Dummy(ImVec2(rowW, rh - 1));
      }
      if (!t.tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.tip.c_str());
      ImGui::PopID();
      dl->AddCircleFilled(ImVec2(cx + 14, cy + fs * 0.55f), fs * 0.38f, t.colour);
      dl->AddText(ImVec2(cx + 28, cy), palette().text, t.name.c_str());
    }
    ImGui::PopStyleVar();
    row += lines;
  }
  for (int g = 0; g < kRelationGroupCount - 1 && rowY(row) + rh <= rowsEnd; ++g, ++row) {  // "other" has no members
    const uint32_t col = relationGroupColour(static_cast<RelationGroup>(g));
    dl->AddLine(ImVec2(at.x + 6, rowY(row) + fs * 0.55f), ImVec2(at.x + 22, rowY(row) + fs * 0.55f), col, 2.5f);
    dl->AddText(ImVec2(at.x + 28, rowY(row)), palette().text, relationGroupName(static_cast<RelationGroup>(g)));
  }
  if (c.own && rowY(row) + rh <= rowsEnd) {  // the user's own items: ringed
    const ImVec2 mid(at.x + 14, rowY(row) + fs * 0.55f);
    dl->AddCircleFilled(mid, fs * 0.3f, palette().muted);
    drawOwnRing(dl, mid.x, mid.y, fs * 0.3f);
    dl->AddText(ImVec2(at.x + 28, rowY(row)), palette().text, "Your data");
    ++row;
  }
  if (c.comparing && rowY(row) + kCompareRows * rh <= rowsEnd) {  // the marks of two dates compared
    const ImU32 ink = palette().muted, ring = IM_COL32(0, 140, 102, 255);
    dl->AddText(ImVec2(at.x + 6, rowY(row++)), ink, kCompareText[0]);
    const float cy1 = rowY(row) + fs * 0.55f;
    dl->AddCircleFilled(ImVec2(at.x + 14, cy1), fs * 0.38f, IM_COL32(150, 150, 150, 115));
    dl->AddText(ImVec2(at.x + 28, rowY(row)), ink, kCompareText[1]);
    dl->AddLine(ImVec2(at.x + 28, cy1), ImVec2(at.x + 28 + ImGui::CalcTextSize(kCompareText[1]).x, cy1), ink, 1.5f);
    ++row;
    const float cy2 = rowY(row) + fs * 0.55f;
    dl->AddCircle(ImVec2(at.x + 14, cy2), fs * 0.42f, ring, 0, 2.5f);
    dl->AddText(ImVec2(at.x + 28, rowY(row++)), palette().text, kCompareText[2]);
    dl->AddRect(ImVec2(at.x + 6, rowY(row) - 1), ImVec2(at.x + 22, rowY(row) + fs + 1), ring, 3.f, 0, 2.f);
    dl->AddText(ImVec2(at.x + 28, rowY(row++)), palette().text, kCompareText[3]);
  }
  const float choicesY = std::min(rowY(row), rowsEnd);
  ImGui::SetCursorScreenPos(ImVec2(at.x + 6, choicesY));
  changed |= ImGui::Checkbox("Show every part", &c.showParts);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Parts of documents and programmes are folded into them (a +N badge)");
  ImGui::SetCursorScreenPos(ImVec2(at.x + 6, choicesY + ImGui::GetFrameHeightWithSpacing()));
  changed |= ImGui::Checkbox("Show themes", &c.showThemes);
  return changed;
}

}  // namespace

bool drawGraphLegend(LegendChoices& c, float x, float y, float width, float height) {
  float x0, y0, x1, y1;
  graphLegendRect(c, x, y, width, height, x0, y0, x1, y1);
  x0 += 2, y0 += 2, x1 -= 2, y1 -= 2;
  bool changed = false;
  // A child window of its own so that it takes the pointer from the canvas under it.
  ImGui::SetCursorScreenPos(ImVec2(x0, y0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(c.open ? palette().legendBg : 0));
  ImGui::BeginChild("graph-legend", ImVec2(x1 - x0, y1 - y0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (c.open) changed = deferredCall(&drawLegendPanel)(c, x0, y0, x1, height);  // opened by a click: ui/deferred.h
  ImGui::SetCursorScreenPos(ImVec2(x0, y1 - buttonH()));
  if (ImGui::Button(c.open ? "Hide legend" : "Legend", ImVec2(buttonW(), 0))) c.open = !c.open;
  noteControl("legend");
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  return changed;
}

}  // namespace nhsx
