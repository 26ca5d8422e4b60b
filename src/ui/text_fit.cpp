#include "ui/text_fit.h"

#include <imgui.h>

#include "core/text_util.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/styled_text.h"

namespace nhsx {

std::string elide(std::string_view text, float maxPx) {
  if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= maxPx) return std::string(text);
  const char* ell = "\xe2\x80\xa6";
  const float ellW = ImGui::CalcTextSize(ell).x;
  size_t lo = 0, hi = text.size();
  while (lo < hi) {  // the longest prefix that fits with the ellipsis
    const size_t mid = (lo + hi + 1) / 2;
    if (ImGui::CalcTextSize(text.data(), text.data() + mid).x + ellW <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return std::string(text.substr(0, utf8Floor(text, lo))) + ell;  // whole UTF-8 characters
}

namespace {
constexpr float kSupScale = 0.72f;     // superscript size
constexpr float kItalicSlant = 0.2f;   // x shift per pixel above the baseline

float runSize(const TextRun& r) { return ImGui::GetFontSize() * (r.superscript ? kSupScale : 1.f); }
// Bold is the run drawn twice, the second this far right: whole pixels (text is drawn from a floored
// position, so a fraction could land on the same pixel), more for large type.
float boldOffset() { return std::max(1.f, std::round(ImGui::GetFontSize() * 0.06f)); }

float measureRun(std::string_view s, const TextRun& r) {
  const float w = ImGui::GetFont()->CalcTextSizeA(runSize(r), FLT_MAX, 0.f, s.data(), s.data() + s.size()).x;
  // A bold run is drawn twice, a bit apart; an italic one leans right over what follows it.
  return w + (r.bold ? boldOffset() : 0.f) + (r.italic ? runSize(r) * kItalicSlant * 0.5f : 0.f);
}
}  // namespace

void emphasisTextWrapped(std::string_view text, std::string_view before, std::string_view after, float wrapWidth) {
  std::vector<TextRun> runs;
  if (!before.empty()) runs.push_back({before});
  for (const TextRun& r : emphasisRuns(text)) runs.push_back(r);
  if (!after.empty()) runs.push_back({after});
  const float width = wrapWidth > 0.f ? wrapWidth : std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4);
  const WrappedText w = wrapRuns(runs, width, measureRun);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float lineH = ImGui::GetTextLineHeightWithSpacing() - ImGui::GetStyle().ItemSpacing.y + 1.f;
  const float height = std::max(1, w.lines) * lineH;
  ImGui::Dummy(ImVec2(w.width, height));
  if (!ImGui::IsItemVisible()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
  const float fs = ImGui::GetFontSize();
  for (const PlacedText& p : w.pieces) {
    const TextRun& r = runs[p.run];
    const float size = runSize(r);
    const ImVec2 pos(at.x + p.x, at.y + p.line * lineH + (r.superscript ? -fs * 0.08f : 0.f));
    const int first = dl->VtxBuffer.Size;
    const char* b = p.text.data();
    const char* e = b + p.text.size();
    dl->AddText(font, size, pos, col, b, e);
    if (r.bold) dl->AddText(font, size, ImVec2(pos.x + boldOffset(), pos.y), col, b, e);
    if (r.italic) {  // slant the glyphs just drawn about the baseline
      const float baseline = pos.y + size * 0.8f;
      for (int v = first; v < dl->VtxBuffer.Size; ++v) dl->VtxBuffer[v].pos.x += (baseline - dl->VtxBuffer[v].pos.y) * kItalicSlant;
    }
  }
}

}  // namespace nhsx
