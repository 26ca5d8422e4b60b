#include "ui/timeline_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/contrast.h"
#include "core/text_util.h"
#include "render/imgui_renderer.h"
#include "core/kind_style.h"
#include "ui/control_spots.h"
#include "ui/corner_tools.h"
#include "ui/drag.h"
#include "ui/icons.h"
#include "ui/text_fit.h"
#include "ui/theme.h"

namespace nhsx {

namespace {
constexpr uint32_t kEventColour = IM_COL32(70, 74, 86, 255);
constexpr uint32_t kCursorColour = IM_COL32(200, 30, 80, 255);
constexpr uint32_t kTodayColour = IM_COL32(0, 94, 184, 255);
constexpr float kDragSlopPx = 8.0f;  // fingers wobble: a tap may move this much

// A dashed vertical line.
void dashedV(ImDrawList* dl, float x, float y0, float y1, uint32_t col, float dash = 5.f) {
  for (float y = y0; y < y1; y += dash * 2) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + dash, y1)), col, 1.5f);
}
}  // namespace

void TimelineView::setCorpus(const Corpus& c, int32_t today, const std::vector<uint8_t>* entityMask,
                             TimelineGrouping grouping) {
  undatedWidths_.clear();
  chipsForWidth_ = -1;
  today_ = today;
  layout_.build(c, today, entityMask, grouping);
  byBody_ = grouping == TimelineGrouping::Body;
  corpusItems_ = static_cast<uint32_t>(c.entities.size() + c.events.size());
  corpus_ = &c;
  labelWidths_.clear();
  labelFontSize_ = 0;
  fitted_ = false;
  hovered_ = -1;
  lastSelected_ = -2;
}

void TimelineView::forgetCorpus(int32_t today) {
  layout_ = TimelineLayout{};
  visible_.clear();
  placed_.clear();
  drawn_.clear();
  chips_.clear();
  labelWidths_.clear();
  labelFontSize_ = 0;
  undatedWidths_.clear();
  chipsForWidth_ = -1;
  today_ = today;
  corpus_ = nullptr;  // draw() builds the layout
  fitted_ = false;
  hovered_ = -1;
  lastSelected_ = -2;
}

void TimelineView::ensureLabelWidths(const Corpus&) {
  const float fs = ImGui::GetFontSize();
  if (fs == labelFontSize_ && labelWidths_.size() == layout_.size()) return;
  labelWidths_.resize(layout_.size());
  shortWidths_.assign(layout_.size(), 0.f);
  for (size_t i = 0; i < layout_.size(); ++i) {
    const std::string_view l = layout_.items()[i].label, sl = layout_.items()[i].shortLabel;
    labelWidths_[i] = ImGui::CalcTextSize(l.data(), l.data() + l.size()).x;
    if (!sl.empty()) shortWidths_[i] = ImGui::CalcTextSize(sl.data(), sl.data() + sl.size()).x;
  }
  labelFontSize_ = fs;
  undatedWidths_.clear();  // measured again at this font size
  chipsForWidth_ = -1;
  TimelineStyle st;
  st.rowHeight = std::round(fs * 1.35f);
  st.laneHeaderHeight = std::round(fs * 1.3f);
  st.markerRadius = std::round(fs * 0.28f);
  st.minItemPx = fs * 5;
  st.minOnBarPx = fs * 4;
  layout_.setStyle(st);
}

void TimelineView::fitAll() { scale_.fit(layout_.dataFirst(), layout_.dataLast(), 0.04); }

void TimelineView::zoom(double factor) { scale_.zoomAt(scale_.width() * 0.5f, factor); }

void TimelineView::pinch(double factor, float screenX, float dx) {
  scale_.zoomAt(screenX - plotX_, factor);  // the date under the fingers stays under them
  scale_.pan(dx);
}

bool TimelineView::itemScreenPos(const AppState&, uint32_t entity, float& x, float& y) const {
  const int item = layout_.itemOfEntity(entity);
  if (item < 0) {  // in the "dates unknown" strip, if there
    for (const Chip& ch : chips_) {
      if (ch.entity != entity) continue;
      x = plotX_ + (ch.x0 + ch.x1) * 0.5f;
      y = lanesY_ - scrollY_ + chipsTop() + (ch.y0 + ch.y1) * 0.5f;
      return true;
    }
    return false;
  }
  for (const PlacedItem& p : placed_) {
    if (p.item != static_cast<uint32_t>(item)) continue;
    // The middle of the part that is on screen (a long bar may run off either side).
    const float a = std::max(p.x0, 0.f), b = std::min(p.x1, scale_.width());
    if (b < a) return false;
    x = plotX_ + (a + b) * 0.5f;
    y = lanesY_ - scrollY_ + (p.y0 + p.y1) * 0.5f;
    return true;
  }
  return false;
}

uint32_t TimelineView::colourOf(const Corpus& c, const TimelineItem& it) const {
  return it.isEvent ? kEventColour : kindStyle(c.entities[it.source].kind).colour;
}

// The timeline's own controls float over the top-right corner of the view as one compact row: fit,
// zoom, the "as of" cursor and playing through time. An embed shows them once the reader asks.
void TimelineView::drawToolbar(const AppState& s, ActionQueue& out) {
  tools_ = {};
  if (s.embed && !s.controlsShown) return;
  // A phone's view holds the row of tools only with Fit as its icon (its tooltip says what it does).
  const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 32;
  CornerTools tools;
  tools.begin("timeline-tools");
  if (CornerTools::button(narrow ? ICON_FIT : ICON_FIT " Fit", "Fit everything (F)", false)) fitAll();
  if (s.selected >= 0) {
    // Always offered with a selection; when it cannot fit, it says why rather than vanishing.
    const bool canFit = layout_.itemOfEntity(static_cast<uint32_t>(s.selected)) >= 0;
    ImGui::SameLine(0, 3.f);
    ImGui::BeginDisabled(!canFit);
    const bool pressed = ImGui::Button("Fit selection");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      const bool inStrip = std::any_of(chips_.begin(), chips_.end(),
                                       [&](const Chip& ch) { return ch.entity == static_cast<uint32_t>(s.selected); });
      ImGui::SetTooltip("%s", canFit ? "Show the selection's dates"
                              : inStrip ? "The selection has no known dates: it is in the \"Dates unknown\" strip below"
                                        : "The selection is not on the timeline (no dates, or hidden by the filters)");
    }
    if (pressed && canFit) {
      const TimelineItem& it = layout_.items()[static_cast<size_t>(layout_.itemOfEntity(static_cast<uint32_t>(s.selected)))];
      const double span = std::max(it.rangeEnd - it.rangeStart, 60.0);
      scale_.fit(it.rangeStart - span, it.rangeEnd + span, 0.0);
    }
  }
  if (CornerTools::button(ICON_ZOOM_OUT, "Zoom out (-)")) zoom(1 / 1.5);
  if (CornerTools::button(ICON_ZOOM_IN, "Zoom in (+)")) zoom(1.5);
  ImGui::SameLine(0, 6.f);
  bool cursorOn = s.asOf != kNoDay;
  if (ImGui::Checkbox("As of", &cursorOn)) {
    out.push(act::SetAsOf{cursorOn ? static_cast<int32_t>((scale_.t0() + scale_.t1()) * 0.5) : kNoDay, true});
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show what existed on one date (drag the cursor on the axis)");
  // "Organise by body": a toggle button, lit while on, narrower than a box with a tick (a phone's row of
  // tools holds Fit selection too).
  ImGui::SameLine(0, 3.f);
  if (s.timelineByBody) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool byBodyPressed = ImGui::Button("By body");
  if (s.timelineByBody) ImGui::PopStyleColor();
  noteControl("timeline:by-body");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(s.timelineByBody ? "Organised by body: back to lanes by kind"
                                       : "Organise by body: each body's documents and programmes on rows under its own row");
  if (byBodyPressed) out.push(act::SetTimelineGrouping{!s.timelineByBody});
  if (CornerTools::button(s.playing ? ICON_PAUSE : ICON_PLAY, s.playing ? "Pause" : "Play through time")) {
    out.push(act::TogglePlay{static_cast<int32_t>(layout_.dataFirst()), static_cast<int32_t>(layout_.dataLast())});
  }
  if (s.asOf != kNoDay) {
    ImGui::SameLine(0, 6.f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(formatUkDay(s.asOf).c_str());
  }
  tools.end();
  tools_ = ScreenRect{tools.min().x, tools.min().y, tools.max().x - tools.min().x, tools.max().y - tools.min().y};
}

void TimelineView::drawAxis(ImDrawList* dl, const AppState& s, float x0, float y0, float h) {
  const float w = scale_.width();
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), palette().axisBg);
  for (const Tick& t : ticks_.minors) dl->AddLine(ImVec2(x0 + t.x, y0 + h - 5), ImVec2(x0 + t.x, y0 + h), palette().tickMinor);
  for (const Tick& t : ticks_.majors) {
    dl->AddLine(ImVec2(x0 + t.x, y0 + h * 0.35f), ImVec2(x0 + t.x, y0 + h), palette().tickMajor);
    dl->AddText(ImVec2(x0 + t.x + 4, y0 + 2), palette().text, t.label.c_str());
  }
  // Today, and the "as of" handle.
  const float tx = scale_.toX(today_);
  if (tx >= 0 && tx <= w) {
    const float tw = ImGui::CalcTextSize("Today").x;  // left of the line where the right has no room
    const float lx = tx + 3 + tw <= w ? tx + 3 : tx - 3 - tw;
    const bool underTools = tools_.w > 0 && x0 + lx + tw > tools_.x && x0 + lx < tools_.x + tools_.w &&
                            y0 + h * 0.5f < tools_.y + tools_.h;
    if (!underTools) dl->AddText(ImVec2(x0 + lx, y0 + h * 0.5f), palette().today, "Today");
  }
  if (s.asOf != kNoDay) {
    const float cx = x0 + scale_.toX(s.asOf);
    if (cx >= x0 && cx <= x0 + w) {
      dl->AddTriangleFilled(ImVec2(cx - 7, y0 + h - 12), ImVec2(cx + 7, y0 + h - 12), ImVec2(cx, y0 + h), kCursorColour);
    }
  }
  dl->AddLine(ImVec2(x0, y0 + h), ImVec2(x0 + w, y0 + h), palette().tickMinor);
}

void TimelineView::drawnLabels(const Corpus& c, std::vector<DrawnLabel>& out) const {
  out.clear();
  for (const Drawn& d : drawn_) {
    if (d.item >= layout_.size()) continue;
    const TimelineItem& it = layout_.items()[d.item];
    const std::string& id = it.isEvent ? c.events[it.source].id : c.entities[it.source].id;
    const std::string_view label = d.useShort ? it.shortLabel : it.label;
    out.push_back(DrawnLabel{id, d.elided || !d.text.empty() ? d.text : std::string(label), d.x, d.y, d.w, d.h, d.elided});
  }
}

void TimelineView::drawItem(ImDrawList* dl, const Corpus& c, const PlacedItem& p, bool selected, float x0, float y0) {
  const TimelineItem& it = layout_.items()[p.item];
  const uint32_t col = colourOf(c, it);
  const float ya = y0 + p.y0, yb = y0 + p.y1, ym = (ya + yb) * 0.5f;
  const uint32_t faint = withAlpha(col, 0.18f);
  const uint32_t clear = withAlpha(col, 0.0f);
  if (it.published != TimelineItem::kNoPublished) {
    // The day it was published, on its row: a diamond, joined to the bar when that starts later (a
    // mandate published months before the period it governs).
    const float px = x0 + scale_.toX(it.published), r = std::max(3.f, (yb - ya) * 0.32f);
    if (px < x0 + p.x0) dl->AddLine(ImVec2(px, ym), ImVec2(x0 + p.x0, ym), withAlpha(col, 0.6f), 1.f);
    dl->AddQuadFilled(ImVec2(px, ym - r), ImVec2(px + r, ym), ImVec2(px, ym + r), ImVec2(px - r, ym), col);
    dl->AddQuad(ImVec2(px, ym - r - 1), ImVec2(px + r + 1, ym), ImVec2(px, ym + r + 1), ImVec2(px - r - 1, ym),
                palette().strong, 1.f);
  }
  if (it.inferred && it.isSpan) {
    // An inferred span is an outline over a faint fill: where the body shows up in the sources, not its dates.
    const float a = x0 + p.x0, b = x0 + p.x1;
    dl->AddRectFilled(ImVec2(a, ya), ImVec2(b, yb), faint);
    dl->AddRect(ImVec2(a, ya), ImVec2(b, yb), col, 0.f, 0, 1.5f);
    if (selected) dl->AddRect(ImVec2(a - 2, ya - 2), ImVec2(b + 2, yb + 2), palette().strong, 3.f, 0, 2.f);
  } else if (it.isSpan || it.openStart || it.unknownStart) {
    float a = x0 + p.x0, b = x0 + p.x1;
    // Inexact ends fade out over a few pixels instead of ending sharply.
    const float fade = std::min(12.f, (b - a) * 0.3f);
    const bool fadeStart = it.startApproximate || it.startUncertain;
    const bool fadeEnd = it.endApproximate || it.endUncertain;
    // Square corners: a rounded, anti-aliased bar is ~60 triangles, a square one 2, and a frame of a
    // dense timeline draws hundreds of bars (software WebGL pays per triangle).
    dl->AddRectFilled(ImVec2(a + (fadeStart ? fade : 0), ya), ImVec2(b - (fadeEnd ? fade : 0), yb), col);
    if (fadeStart) dl->AddRectFilledMultiColor(ImVec2(a, ya), ImVec2(a + fade, yb), clear, col, col, clear);
    if (fadeEnd) dl->AddRectFilledMultiColor(ImVec2(b - fade, ya), ImVec2(b, yb), col, clear, clear, col);
    // Tails: an open or unknown start runs in from the left; an unknown end trails off to the right.
    const float tail = layout_.style().tailPx;
    if (it.openStart || it.unknownStart) dl->AddRectFilledMultiColor(ImVec2(a - tail, ya), ImVec2(a, yb), clear, faint, faint, clear);
    if (it.unknownEnd) dl->AddRectFilledMultiColor(ImVec2(b, ya), ImVec2(b + tail, yb), faint, clear, clear, faint);
    if (it.openEnd) dl->AddTriangleFilled(ImVec2(b, ya), ImVec2(b + 6, ym), ImVec2(b, yb), col);  // still going
    // The same body under a new name (or the next mandate of a series): a mark where the row changes.
    if (it.continues) dl->AddRectFilled(ImVec2(a - 1, ya - 3), ImVec2(a + 1, yb + 3), palette().strong);
    if (selected) dl->AddRect(ImVec2(a - 2, ya - 2), ImVec2(b + 2, yb + 2), palette().strong, 3.f, 0, 2.f);
  } else {
    // A point: its precision band (the month, season or year it could be), then the marker.
    if (p.bandX1 - p.bandX0 > 1.5f) dl->AddRectFilled(ImVec2(x0 + p.bandX0, ya + 2), ImVec2(x0 + p.bandX1, yb - 2), faint);
    const float cx = x0 + (p.x0 + p.x1) * 0.5f, r = (p.x1 - p.x0) * 0.5f;
    const bool inexact = it.startApproximate || it.startUncertain || it.inferred;
    if (inexact) {
      // Uncertain or approximate: a hollow dashed ring rather than a solid marker.
      const int segs = 10;
      for (int k = 0; k < segs; k += 2) {
        dl->PathArcTo(ImVec2(cx, ym), r, k * 2 * 3.14159f / segs, (k + 1) * 2 * 3.14159f / segs, 2);
        dl->PathStroke(col, 0, 2.f);
      }
    } else {
      dl->AddCircleFilled(ImVec2(cx, ym), r, col, r <= 6.f ? 8 : 0);  // 8 sides look round at marker size
    }
    if (selected) dl->AddCircle(ImVec2(cx, ym), r + 3, palette().strong, 0, 2.f);
  }
  if (p.fit == LabelFit::Hidden) return;
  const uint32_t textCol = selected ? palette().strong : palette().text;
  const float ty = ym - ImGui::GetFontSize() * 0.5f;
  // Labels also end at the plot's right edge: elided there rather than cut mid-letter.
  const float room = scale_.width() - p.labelX - 4.f;
  const std::string_view label = p.useShort ? it.shortLabel : it.label;
  const float width = p.fit == LabelFit::Full ? (p.useShort ? shortWidths_ : labelWidths_)[p.item] : p.labelMaxPx;
  // On the bar only while the text stays on it (a few letters' room, or the view's text colour beside).
  // An inferred span is an outline: its label is in the text colour, never on a bar.
  const LabelInk ink = labelInk(it.isSpan && !it.inferred && p.labelX >= p.x0, width, room, p.x1 - 4.f - p.labelX,
                                ImGui::GetFontSize() * 4);
  const float limit = ink.limit;
  // On the bar: black or white, whichever reads on its colour (core/contrast.h).
  const Rgba barInk = inkOn(Rgba{static_cast<uint8_t>(col), static_cast<uint8_t>(col >> 8), static_cast<uint8_t>(col >> 16)});
  const uint32_t onCol = ink.onBar ? IM_COL32(barInk.r, barInk.g, barInk.b, 255) : textCol;
  if (room < layout_.style().minLabelPx) return;  // no room before the plot's edge (a short whole label still shows)
  for (const ScreenRect& r : overlays_) {  // under the story card: left out rather than half covered
    const float lx = x0 + p.labelX, lw = std::min(width, limit);
    if (lx < r.x + r.w && lx + lw > r.x && ty < r.y + r.h && ty + ImGui::GetFontSize() > r.y) return;
  }
  // What is drawn is recorded (explorer.labels()), as clipped to the lanes.
  const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
  auto record = [&](float textW, bool elided, std::string text) {
    const float ax = std::max(x0 + p.labelX, clipMin.x), ay = std::max(ty, clipMin.y);
    const float bx = std::min(x0 + p.labelX + textW, clipMax.x), by = std::min(ty + ImGui::GetFontSize(), clipMax.y);
    if (bx > ax && by > ay) drawn_.push_back(Drawn{p.item, ax, ay, bx - ax, by - ay, elided, std::move(text), p.useShort});
  };
  if (p.fit == LabelFit::Full && width <= limit) {
    dl->AddText(ImVec2(x0 + p.labelX, ty), onCol, label.data(), label.data() + label.size());
    record(width, false, {});
  } else {
    std::string e = elide(label, limit);
    dl->AddText(ImVec2(x0 + p.labelX, ty), onCol, e.c_str());
    const float ew = ImGui::CalcTextSize(e.c_str()).x;
    record(ew, e != label, std::move(e));
  }
}

// A lane's header: its folding triangle (right when folded, down when open) and its title, elided to the
// view (a body's name may be long).
void TimelineView::drawLaneHeader(ImDrawList* dl, int lane, float x0, float ly) {
  const float w = scale_.width(), fs = ImGui::GetFontSize(), tx = x0 + 8;
  const float ty = ly + layout_.style().laneHeaderHeight * 0.5f;
  dl->AddRectFilled(ImVec2(x0, ly), ImVec2(x0 + w, ly + layout_.style().laneHeaderHeight), palette().laneHeader);
  if (layout_.collapsed(lane)) {
    dl->AddTriangleFilled(ImVec2(tx, ty - fs * 0.3f), ImVec2(tx + fs * 0.45f, ty), ImVec2(tx, ty + fs * 0.3f), palette().text);
  } else {
    dl->AddTriangleFilled(ImVec2(tx - 1, ty - fs * 0.2f), ImVec2(tx + fs * 0.55f, ty - fs * 0.2f),
                          ImVec2(tx + fs * 0.27f, ty + fs * 0.25f), palette().text);
  }
  // The name elided, its count kept: "Association of Chief Executives of Vol… (2)".
  const std::string count = layout_.laneCountText(lane);
  const std::string title = elide(layout_.laneHeading(lane), w - 16 - fs * 0.8f - ImGui::CalcTextSize(count.c_str()).x) + count;
  dl->AddText(ImVec2(x0 + 8 + fs * 0.8f, ly + 2), palette().text, title.c_str());
}

void TimelineView::drawLanes(ImDrawList* dl, const Corpus& c, const AppState& s, float x0, float y0, float h) {
  const float w = scale_.width();
  const float top = y0 - scrollY_;
  const int selItem = s.selected >= 0 ? layout_.itemOfEntity(static_cast<uint32_t>(s.selected)) : -1;
  layout_.visible(scale_, scrollY_, scrollY_ + h, visible_);
  layout_.place(scale_, visible_, labelWidths_, selItem, placed_, &shortWidths_);
  drawn_.clear();
  dl->PushClipRect(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), true);
  // Lane headers and row stripes.
  for (int lane = 0; lane < layout_.laneCount(); ++lane) {
    const float ly = top + layout_.laneTop(lane);
    const float lh = layout_.laneHeight(lane);
    if (ly > y0 + h || ly + lh < y0) continue;
    if (layout_.hasHeader(lane)) drawLaneHeader(dl, lane, x0, ly);
    if (layout_.collapsed(lane)) {
      // A collapsed lane summarises its items as a density strip.
      const float bucket = 4.f;
      layout_.density(lane, scale_, bucket, density_);
      const uint32_t peak = density_.empty() ? 0 : *std::max_element(density_.begin(), density_.end());
      const float ry = top + layout_.rowTop(lane, 0), rh = layout_.style().rowHeight;
      for (size_t i = 0; i < density_.size() && peak; ++i) {
        if (!density_[i]) continue;
        const float f = 0.25f + 0.75f * static_cast<float>(density_[i]) / static_cast<float>(peak);
        dl->AddRectFilled(ImVec2(x0 + i * bucket, ry + rh * (1 - f)), ImVec2(x0 + (i + 1) * bucket - 1, ry + rh),
                          palette().density);
      }
    }
  }
  // Today and the "as of" cursor across the lanes.
  const float tx = scale_.toX(today_);
  if (tx >= 0 && tx <= w) dashedV(dl, x0 + tx, y0, y0 + h, withAlpha(kTodayColour, 0.7f));
  drawLinks(dl, x0, top);
  for (const PlacedItem& p : placed_) drawItem(dl, c, p, static_cast<int>(p.item) == selItem, x0, top);
  if (s.asOf != kNoDay) {
    const float cx = scale_.toX(s.asOf);
    if (cx >= 0 && cx <= w) dl->AddLine(ImVec2(x0 + cx, y0), ImVec2(x0 + cx, y0 + h), kCursorColour, 2.f);
  }
  drawUndatedStrip(dl, c, s, x0, top);  // over the time lines: the strip is not on the time axis
  dl->PopClipRect();
}

void TimelineView::updateChips(const Corpus& c, float width) {
  const std::vector<uint32_t>& und = layout_.undated();
  if (undatedWidths_.size() != und.size() || chipsForWidth_ < 0) {
    undatedWidths_.resize(und.size());
    for (size_t i = 0; i < und.size(); ++i) undatedWidths_[i] = ImGui::CalcTextSize(c.entities[und[i]].name.c_str()).x;
    chipsForWidth_ = -1;
  }
  if (width == chipsForWidth_) return;
  chipsForWidth_ = width;
  const float fs = ImGui::GetFontSize();
  chipsHeight_ = layoutChips(und, undatedWidths_, width - 16.f, fs * 0.5f, fs * 0.4f, layout_.style().rowHeight, chips_);
  for (Chip& ch : chips_) ch.x0 += 8.f, ch.x1 += 8.f;  // the strip's left margin
}

// Below the lanes: bodies and people with no date and nothing dated to infer one from, as chips that stay
// put while time pans. Never silently absent.
void TimelineView::drawUndatedStrip(ImDrawList* dl, const Corpus& c, const AppState& s, float x0, float top) {
  if (chips_.empty()) return;
  const float w = scale_.width(), fs = ImGui::GetFontSize();
  const float ly = top + stripTop();
  dl->AddRectFilled(ImVec2(x0, ly), ImVec2(x0 + w, top + chipsTop() + chipsHeight_ + 8.f), palette().canvas);
  dl->AddRectFilled(ImVec2(x0, ly), ImVec2(x0 + w, ly + layout_.style().laneHeaderHeight), palette().laneHeader);
  const std::string title = "Dates unknown (" + std::to_string(chips_.size()) + ")";
  dl->AddText(ImVec2(x0 + 8 + fs * 0.8f, ly + 2), palette().text, title.c_str());
  const float cy = top + chipsTop();
  for (size_t i = 0; i < chips_.size(); ++i) {
    const Chip& ch = chips_[i];
    const Entity& e = c.entities[ch.entity];
    const uint32_t col = kindStyle(e.kind).colour;
    const ImVec2 a(x0 + ch.x0, cy + ch.y0 + 1), b(x0 + ch.x1, cy + ch.y1 - 1);
    dl->AddRectFilled(a, b, withAlpha(col, static_cast<int>(i) == hoveredChip_ ? 0.3f : 0.14f), 4.f);
    dl->AddRect(a, b, col, 4.f, 0, static_cast<int>(ch.entity) == s.selected ? 2.5f : 1.f);
    const float room = ch.x1 - ch.x0 - fs;  // the chip is the name's width and its padding, unless cut to the row
    const std::string text = undatedWidths_[i] <= room + 0.5f ? e.name : elide(e.name, room);
    dl->AddText(ImVec2(a.x + fs * 0.5f, (a.y + b.y - fs) * 0.5f), palette().text, text.c_str());
  }
}

// Successions across rows (merged into, succeeded by): a connector at the day it took effect, from the
// earlier body's row to the later one's, with an arrowhead; no timeline peer draws links between items.
void TimelineView::drawLinks(ImDrawList* dl, float x0, float top) {
  const float half = layout_.style().rowHeight * 0.5f;
  const uint32_t col = withAlpha(palette().strong, 0.55f);
  for (const TimelineLink& k : layout_.links()) {
    const TimelineItem& a = layout_.items()[k.fromItem];
    const TimelineItem& b = layout_.items()[k.toItem];
    if (layout_.collapsed(a.lane) || layout_.collapsed(b.lane)) continue;
    const float x = x0 + scale_.toX(k.day);
    if (x < x0 - 8 || x > x0 + scale_.width() + 8) continue;
    const float ya = top + layout_.rowTop(a.lane, layout_.rowOf(k.fromItem)) + half;
    const float yb = top + layout_.rowTop(b.lane, layout_.rowOf(k.toItem)) + half;
    const float dir = yb > ya ? 1.f : -1.f, tip = yb - dir * (half - 2);
    dl->AddLine(ImVec2(x, ya), ImVec2(x, tip), col, 1.5f);
    dl->AddTriangleFilled(ImVec2(x - 4, tip - dir * 6), ImVec2(x + 4, tip - dir * 6), ImVec2(x, tip), col);
  }
}

void TimelineView::followSelection(const AppState& s, float lanesHeight) {
  const bool isNew = s.selected != lastSelected_;
  if (isNew) {
    lastSelected_ = s.selected;
    // A story step or a link asks for a new window with the selection: the rows repack for the new zoom
    // over a few frames, so the row is followed until that settles (a few frames at most).
    followFrames_ = s.selected >= 0 ? 30 : 0;
  }
  if (followFrames_ <= 0 || s.selected < 0) return;
  --followFrames_;
  const int item = layout_.itemOfEntity(static_cast<uint32_t>(s.selected));
  if (item < 0) {  // in the "dates unknown" strip, if there: scroll to its chip
    for (const Chip& ch : chips_) {
      if (ch.entity != static_cast<uint32_t>(s.selected)) continue;
      const float y = chipsTop() + ch.y0;
      if (y < scrollY_ || y > scrollY_ + lanesHeight - layout_.style().rowHeight * 2) scrollY_ = std::max(0.f, y - lanesHeight * 0.3f);
    }
    if (!chips_.empty()) followFrames_ = 0;
    return;
  }
  const TimelineItem& it = layout_.items()[static_cast<size_t>(item)];
  // Bring the item into view horizontally (keeping the zoom) once, and vertically until the rows settle.
  if (isNew && (it.start < scale_.t0() || it.start > scale_.t1())) {
    const double span = scale_.span();
    scale_.setView(it.start - span * 0.3, it.start + span * 0.7, scale_.width());
  }
  const float rowY = layout_.rowTop(it.lane, layout_.collapsed(it.lane) ? 0 : layout_.rowOf(static_cast<uint32_t>(item)));
  if (rowY < scrollY_ || rowY > scrollY_ + lanesHeight - layout_.style().rowHeight * 2) {
    scrollY_ = std::max(0.f, rowY - lanesHeight * 0.3f);
  }
  if (!layout_.packPending() && !isNew) followFrames_ = 0;
}

void TimelineView::handleInput(const Corpus& c, const AppState& s, ActionQueue& out, bool hovered, float x0, float y0,
                               float h, int touchFingers) {
  ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x - x0, my = io.MousePos.y - y0;
  hovered_ = -1;
  if (hovered && my >= 0) hovered_ = layout_.hit(scale_, mx, my + scrollY_, 3.f, &placed_);
  const float maxScroll = std::max(0.f, chipsTop() + chipsHeight_ - h + 20.f);
  hoveredChip_ = -1;
  if (hovered && hovered_ < 0 && my >= 0) {
    const float cy = my + scrollY_ - chipsTop();
    for (size_t i = 0; i < chips_.size(); ++i) {
      if (mx >= chips_[i].x0 && mx < chips_[i].x1 && cy >= chips_[i].y0 && cy < chips_[i].y1) hoveredChip_ = static_cast<int>(i);
    }
  }
  if (hovered && io.MouseWheel != 0.0f) {
    if (io.KeyShift) scrollY_ = std::clamp(scrollY_ - io.MouseWheel * 40.f, 0.f, maxScroll);
    else scale_.zoomAt(mx, std::pow(1.2, io.MouseWheel));
  }
  if (hovered && io.MouseWheelH != 0.0f) scale_.pan(io.MouseWheelH * 40.f);
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    // The "as of" handle sits on the axis (above the lanes).
    draggingCursor_ = s.asOf != kNoDay && my < 0 && std::fabs(mx - scale_.toX(s.asOf)) < 12.f;
    if (!draggingCursor_ && my < 0) {
      out.push(act::SetAsOf{static_cast<int32_t>(std::lround(scale_.toTime(mx)))});  // a click on the axis moves the cursor
      draggingCursor_ = true;
    }
    dragging_ = !draggingCursor_;
  }
  if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && draggingCursor_) {
    out.push(act::SetAsOf{static_cast<int32_t>(std::lround(std::clamp(scale_.toTime(mx), layout_.dataFirst(), layout_.dataLast()))), true});
  } else if (dragging_ && touchFingers < 2 && dragMovedThisFrame(kDragSlopPx)) {
    scale_.pan(io.MouseDelta.x);
    scrollY_ = std::clamp(scrollY_ - io.MouseDelta.y, 0.f, maxScroll);
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    if (dragging_ && hovered && touchFingers < 2 && std::hypot(d.x, d.y) < kDragSlopPx) {
      int lane = -1, row = -1;
      if (hoveredChip_ >= 0) {
        const int pick = static_cast<int>(chips_[static_cast<size_t>(hoveredChip_)].entity);
        out.push(act::Select{pick});
        lastSelected_ = pick;  // already in view: do not jump
      } else if (hovered_ >= 0) {
        const TimelineItem& it = layout_.items()[static_cast<size_t>(hovered_)];
        // Events are not entities: selecting one selects the first entity it involves.
        int pick = -1;
        if (!it.isEvent) pick = static_cast<int>(it.source);
        else if (!c.events[it.source].entities.empty()) pick = static_cast<int>(c.events[it.source].entities[0]);
        if (pick >= 0) {
          out.push(act::Select{pick});
          lastSelected_ = pick;  // already in view: do not jump
        }
      } else if ((lane = layout_.laneAt(my + scrollY_, &row)) >= 0 && row < 0) {
        layout_.setCollapsed(lane, !layout_.collapsed(lane));  // a click on a lane header folds it
      }
    }
    dragging_ = draggingCursor_ = false;
  }
  if (hovered && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) zoom(1.25);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) zoom(1 / 1.25);
    if (s.story < 0 && ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) scale_.pan(scale_.width() * 0.1f);
    if (s.story < 0 && ImGui::IsKeyPressed(ImGuiKey_RightArrow)) scale_.pan(-scale_.width() * 0.1f);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) scrollY_ = std::max(0.f, scrollY_ - 40.f);
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) scrollY_ = std::min(maxScroll, scrollY_ + 40.f);
    if (ImGui::IsKeyPressed(ImGuiKey_F)) fitAll();
  }
  scrollY_ = std::clamp(scrollY_, 0.f, maxScroll);
  int hoveredEntity = hovered_ >= 0 && !layout_.items()[static_cast<size_t>(hovered_)].isEvent
                          ? static_cast<int>(layout_.items()[static_cast<size_t>(hovered_)].source)
                          : -1;
  if (hoveredChip_ >= 0) hoveredEntity = static_cast<int>(chips_[static_cast<size_t>(hoveredChip_)].entity);
  if (hoveredEntity != s.hovered) out.push(act::SetHover{hoveredEntity});
  if (hoveredChip_ >= 0 && !dragging_) {
    const Entity& e = c.entities[chips_[static_cast<size_t>(hoveredChip_)].entity];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextWrapped("%s", e.name.c_str());
    ImGui::TextWrapped("%s", e.date.note.empty() ? "No date, and nothing dated links to it." : e.date.note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  if (hovered_ >= 0 && !dragging_) {
    const TimelineItem& it = layout_.items()[static_cast<size_t>(hovered_)];
    const DateField& df = it.isEvent ? c.events[it.source].date : c.entities[it.source].date;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::PushStyleColor(ImGuiCol_Text, it.isEvent ? ImGui::GetColorU32(ImGuiCol_Text) : kindTextColour(c.entities[it.source].kind));
    ImGui::TextWrapped("%.*s", static_cast<int>(it.label.size()), it.label.data());
    ImGui::PopStyleColor();
    if (it.inferred) {
      // No date of its own: say where the span shown comes from.
      const std::string from = formatUkDay(static_cast<int32_t>(it.start));
      const std::string to = formatUkDay(static_cast<int32_t>((it.isSpan ? it.end : it.start + 1.0) - 1.0));
      ImGui::TextWrapped("Dates not known; shown %s%s%s, inferred from its dated relations and events", from.c_str(),
                         it.isSpan ? " \xe2\x80\x93 " : "", it.isSpan ? to.c_str() : "");
    } else {
      ImGui::Text("%s", formatUk(df.value).c_str());
      ImGui::TextDisabled("Precision: %s", describePrecision(df.value).c_str());
    }
    if (it.published != TimelineItem::kNoPublished)
      ImGui::Text("Published %s (the diamond on its row)", formatUkDay(it.published).c_str());
    if (!df.note.empty()) ImGui::TextWrapped("About the date: %s", df.note.c_str());
    if (it.isEvent) ImGui::TextDisabled("Event \xc2\xb7 %s", c.events[it.source].type.c_str());
    const bool owned = it.kindLane == static_cast<uint8_t>(Lane::Documents) || it.kindLane == static_cast<uint8_t>(Lane::Programmes);
    if (!it.isEvent && owned && layout_.grouping() == TimelineGrouping::Body)  // which body's rows, and why
      ImGui::TextWrapped("%s", ownerNote(c, layout_.owners(), it.source).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool TimelineView::draw(const Corpus& c, const AppState& s, ActionQueue& out, const Visibility& vis, int touchFingers) {
  if (corpus_ != &c || corpusItems_ != c.entities.size() + c.events.size() || filterVersion_ != vis.filterVersion ||
      byBody_ != s.timelineByBody) {
    const bool keepView = fitted_ && corpus_ == &c;  // a filter or grouping change keeps the window
    setCorpus(c, today_, &vis.filtered.entityVisible, s.timelineByBody ? TimelineGrouping::Body : TimelineGrouping::Kind);
    filterVersion_ = vis.filterVersion;
    fitted_ = keepView;
  }
  ensureLabelWidths(c);
  drawToolbar(s, out);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float axisH = std::round(ImGui::GetFontSize() * 2.2f);
  const float w = std::max(avail.x, 50.f), h = std::max(avail.y - axisH, 40.f);
  if (!fitted_) {  // first view: the years things happened in (Fit all shows every founding too)
    scale_.setView(0, 1, w);
    scale_.fit(layout_.activityFirst(), layout_.dataLast(), 0.04);
    fitted_ = true;
  }
  if (s.requestSerial != requestSerial_) {  // a link or a story step asks for a window
    requestSerial_ = s.requestSerial;
    if (s.requestTo > s.requestFrom) scale_.setView(s.requestFrom, s.requestTo, w);
  }
  scale_.setWidth(w);
  updateChips(c, w);
  scale_.clampTo(layout_.dataFirst(), layout_.dataLast(), layout_.defaultMarginDays());
  plotX_ = pos.x;
  lanesY_ = pos.y + axisH;
  plotRect_ = ScreenRect{pos.x, pos.y, w, axisH + h};
  ImGui::InvisibleButton("timeline-canvas", ImVec2(w, axisH + h));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  addClearRect(dl, ImVec2(pos.x, lanesY_), ImVec2(pos.x + w, lanesY_ + h), palette().canvas);

  bool animating = false;
  if (s.playing && s.asOf != kNoDay) {  // App advances the cursor; keep it in view
    const float cx = scale_.toX(s.asOf);
    if (cx > w * 0.9f || cx < 0) scale_.pan(-(cx - w * 0.5f));  // keep the cursor in view while playing
    animating = s.playing;
  }
  followSelection(s, h);
  // Rows are repacked in slices as the zoom changes; keep drawing until they settle.
  if (layout_.packForZoom(scale_.pxPerDay()) || layout_.packPending()) animating = true;
  computeTicks(scale_, ImGui::CalcTextSize("13 Nov 2012").x + 16.f, ticks_);
  if (tools_.w > 0 && tools_.y < pos.y + axisH)  // the controls float over the axis's right end
    clearLabelsUnder(ticks_, tools_.x - pos.x, tools_.x + tools_.w - pos.x, 4.f,
                     [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; });
  handleInput(c, s, out, hovered, pos.x, lanesY_, h, touchFingers);
  drawAxis(dl, s, pos.x, pos.y, axisH);
  drawLanes(dl, c, s, pos.x, lanesY_, h);
  if (scale_.t0() != s.windowFrom || scale_.t1() != s.windowTo) out.push(act::SetWindow{scale_.t0(), scale_.t1()});
  return animating || dragging_ || draggingCursor_;
}

}  // namespace nhsx
