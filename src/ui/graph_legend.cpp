#include "ui/graph_legend.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/kind_style.h"
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
float rowH() { return ImGui::GetFontSize() * 1.3f; }
// "Legend", the kinds, the edge families, "Your data" when there is some, the marks of a comparison, then two
// choices.
float contentH(bool own, bool comparing) {
  return (kKindCount + 1 + (kRelationGroupCount - 1) + (own ? 1 : 0) + (comparing ? kCompareRows : 0)) * rowH() +
         2 * ImGui::GetFrameHeightWithSpacing();
}
float buttonW() { return ImGui::CalcTextSize("Hide legend").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFontSize() * 1.2f; }
float buttonH() { return ImGui::GetFrameHeight(); }
float panelW() {
  float textW = ImGui::CalcTextSize("Show every part").x + ImGui::GetFrameHeight() + 8;
  for (int g = 0; g < kRelationGroupCount - 1; ++g)
    textW = std::max(textW, 28 + ImGui::CalcTextSize(relationGroupName(static_cast<RelationGroup>(g))).x);
  for (const char* t : kCompareText) textW = std::max(textW, 28 + ImGui::CalcTextSize(t).x);
  return textW + 16;
}
float panelH(float height, bool own, bool comparing) {
  return std::min(contentH(own, comparing) + 12, std::max(0.f, height - buttonH() - 3 * kMargin));
}
}  // namespace

void drawOwnRing(void* drawList, float cx, float cy, float radius) {
  auto* dl = static_cast<ImDrawList*>(drawList);
  dl->AddCircle(ImVec2(cx, cy), radius + 2.5f, palette().canvas, 0, 2.f);  // apart from what is under it
  dl->AddCircle(ImVec2(cx, cy), radius + 1.5f, palette().text, 0, 1.6f);
}

void graphLegendRect(bool open, float x, float y, float width, float height, float& x0, float& y0, float& x1, float& y1,
                     bool own, bool comparing) {
  (void)width;
  x0 = x + kMargin;
  y1 = y + height - kMargin;
  x1 = x0 + buttonW();
  y0 = y1 - buttonH();
  if (open) {
    y0 -= panelH(height, own, comparing) + 4;
    x1 = std::max(x1, x0 + panelW());
  }
  x0 -= 2, y0 -= 2, x1 += 2, y1 += 2;  // a little air around it
}

bool drawGraphLegend(LegendChoices& c, float x, float y, float width, float height) {
  float x0, y0, x1, y1;
  graphLegendRect(c.open, x, y, width, height, x0, y0, x1, y1, c.own, c.comparing);
  x0 += 2, y0 += 2, x1 -= 2, y1 -= 2;
  bool changed = false;
  // A child window of its own so that it takes the pointer from the canvas under it.
  ImGui::SetCursorScreenPos(ImVec2(x0, y0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(c.open ? palette().legendBg : 0));
  ImGui::BeginChild("graph-legend", ImVec2(x1 - x0, y1 - y0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (c.open) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize(), rh = rowH();
    const ImVec2 at(x0, y0);
    const float ph = panelH(height, c.own, c.comparing);
    int row = 0;
    auto rowY = [&](int r) { return at.y + r * rh + 4; };
    dl->AddText(ImVec2(at.x + 6, rowY(row++)), palette().muted, "Legend");
    for (int k = 0; k < kKindCount && rowY(row) + rh < at.y + ph; ++k, ++row) {
      const KindStyle& ks = kindStyle(static_cast<Kind>(k));
      legendShape(dl, ImVec2(at.x + 14, rowY(row) + fs * 0.55f), fs * 0.38f, ks.shape, ks.colour);
      dl->AddText(ImVec2(at.x + 28, rowY(row)), palette().text, std::string(kindPlural(static_cast<Kind>(k))).c_str());
    }
    for (int g = 0; g < kRelationGroupCount - 1 && rowY(row) + rh < at.y + ph; ++g, ++row) {  // "other" has no members
      const uint32_t col = relationGroupColour(static_cast<RelationGroup>(g));
      dl->AddLine(ImVec2(at.x + 6, rowY(row) + fs * 0.55f), ImVec2(at.x + 22, rowY(row) + fs * 0.55f), col, 2.5f);
      dl->AddText(ImVec2(at.x + 28, rowY(row)), palette().text, relationGroupName(static_cast<RelationGroup>(g)));
    }
    if (c.own && rowY(row) + rh < at.y + ph) {  // the user's own items: ringed
      const ImVec2 mid(at.x + 14, rowY(row) + fs * 0.55f);
      dl->AddCircleFilled(mid, fs * 0.3f, palette().muted);
      drawOwnRing(dl, mid.x, mid.y, fs * 0.3f);
      dl->AddText(ImVec2(at.x + 28, rowY(row)), palette().text, "Your data");
      ++row;
    }
    if (c.comparing && rowY(row) + kCompareRows * rh < at.y + ph) {  // the marks of two dates compared
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
    ImGui::SetCursorScreenPos(ImVec2(at.x + 6, rowY(row)));
    changed |= ImGui::Checkbox("Show every part", &c.showParts);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Parts of documents and programmes are folded into them (a +N badge)");
    ImGui::SetCursorScreenPos(ImVec2(at.x + 6, rowY(row) + ImGui::GetFrameHeightWithSpacing()));
    changed |= ImGui::Checkbox("Show themes", &c.showThemes);
  }
  ImGui::SetCursorScreenPos(ImVec2(x0, y1 - buttonH()));
  if (ImGui::Button(c.open ? "Hide legend" : "Legend", ImVec2(buttonW(), 0))) c.open = !c.open;
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  return changed;
}

}  // namespace nhsx
