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

void drawGraphLegend(float x, float y, float height) {
  const float fs = ImGui::GetFontSize();
  const int rows = kKindCount + 1 + (kRelationGroupCount - 1);
  if (rows * fs * 1.3f + 24 > height) return;  // no room: the button still toggles
  const ImVec2 at(x + 8, y + height - rows * fs * 1.3f - 12);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float textW = 0;  // as wide as its longest label, at whatever size the type is
  for (int g = 0; g < kRelationGroupCount - 1; ++g)
    textW = std::max(textW, ImGui::CalcTextSize(relationGroupName(static_cast<RelationGroup>(g))).x);
  dl->AddRectFilled(at, ImVec2(at.x + 28 + textW + 10, at.y + rows * fs * 1.3f + 8), palette().legendBg, 4.f);
  for (int g = 0; g < kRelationGroupCount - 1; ++g) {  // edge families ("other" has no members)
    const float ly = at.y + (kKindCount + 1 + g) * fs * 1.3f + 6;
    const uint32_t col = relationGroupColour(static_cast<RelationGroup>(g));
    dl->AddLine(ImVec2(at.x + 6, ly + fs * 0.55f), ImVec2(at.x + 22, ly + fs * 0.55f), col, 2.5f);
    dl->AddText(ImVec2(at.x + 28, ly), palette().text, relationGroupName(static_cast<RelationGroup>(g)));
  }
  dl->AddText(ImVec2(at.x + 6, at.y + 3), palette().muted, "Legend");
  for (int k = 0; k < kKindCount; ++k) {
    const KindStyle& ks = kindStyle(static_cast<Kind>(k));
    const float ly = at.y + (k + 1) * fs * 1.3f + 3;
    legendShape(dl, ImVec2(at.x + 14, ly + fs * 0.55f), fs * 0.38f, ks.shape, ks.colour);
    dl->AddText(ImVec2(at.x + 28, ly), palette().text, std::string(kindPlural(static_cast<Kind>(k))).c_str());
  }
}

}  // namespace nhsx
