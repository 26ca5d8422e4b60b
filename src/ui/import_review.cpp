#include "ui/import_review.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/control_spots.h"
#include "ui/theme.h"

namespace nhsx {

namespace {

const char* sheetKindWords(SheetKind k) { return k == SheetKind::Relations ? "a list of relations" : "a list of organisations and other entities"; }

const char* delimiterWords(char d) {
  switch (d) {
    case '\t': return "tab-separated (cells pasted from a spreadsheet, or TSV)";
    case ';': return "separated by semicolons";
    default: return "comma-separated (CSV)";
  }
}

// A line of the list, with a bullet.
void bullet(const std::string& text) {
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text.c_str());
}

void muted(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

// A list of diagnostics, at most `limit` shown before a count.
void diagnostics(const std::vector<Diagnostic>& list, size_t limit) {
  for (size_t i = 0; i < list.size() && i < limit; ++i) bullet(formatImportDiagnostic(list[i]));
  if (list.size() > limit) ImGui::TextDisabled("and %zu more", list.size() - limit);
}


void columnsTable(const SheetSummary& s) {
  ImGui::TextWrapped("%s: %s, %zu row%s, %s", s.name.c_str(), sheetKindWords(s.kind), s.rows, s.rows == 1 ? "" : "s",
                     delimiterWords(s.delimiter));
  if (!ImGui::BeginTable(s.name.c_str(), 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                                ImGuiTableFlags_SizingStretchProp)) {
    return;
  }
  ImGui::TableSetupColumn("Column");
  ImGui::TableSetupColumn("Read as");
  ImGui::TableHeadersRow();
  for (const SheetColumn& c : s.columns) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.header.c_str());
    ImGui::TableNextColumn();
    std::string what = c.role == ColumnRole::Field ? "kept as a field" : columnRoleName(c.role);
    if (c.role == ColumnRole::Type && s.kind == SheetKind::Relations) what = "relation type";
    if (!c.note.empty()) what += " (" + c.note + ")";
    ImGui::TextWrapped("%s", what.c_str());
  }
  ImGui::EndTable();
}

void guessesTable(const ImportReview& rv) {
  if (!ImGui::BeginTable("guesses", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                           ImGuiTableFlags_SizingStretchProp)) {
    return;
  }
  ImGui::TableSetupColumn("Column");
  ImGui::TableSetupColumn("Written");
  ImGui::TableSetupColumn("Read as");
  ImGui::TableSetupColumn("Rows", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const ImportGuess& g : rv.guesses) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(g.column.empty() ? "(the name)" : g.column.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", g.written.c_str());
    ImGui::TableNextColumn();
    std::string readAs = g.readAs;
    if (g.reversed) readAs += " (reversed: To " + g.readAs + " From)";
    if (g.quality == GuessQuality::None) readAs += " \xe2\x80\x94 not understood";
    else if (g.quality == GuessQuality::Contains) readAs += " (from a word in it)";
    if (g.quality == GuessQuality::None) ImGui::PushStyleColor(ImGuiCol_Text, palette().strong);
    ImGui::TextWrapped("%s", readAs.c_str());
    if (g.quality == GuessQuality::None) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::Text("%zu", g.rows);
  }
  ImGui::EndTable();
  if (rv.moreGuesses) ImGui::TextDisabled("and %zu more words (not listed)", rv.moreGuesses);
}

}  // namespace

ImportChoice drawImportReview(const SheetImportResult& r, bool& open, const ImportReviewOptions& o) {
  if (!open) return ImportChoice::None;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float vw = o.viewportWidth > 0 ? o.viewportWidth : display.x;
  const float vh = o.viewportHeight > 0 ? o.viewportHeight : display.y;
  const float fs = ImGui::GetFontSize();
  const float w = std::min(vw - 16.f, fs * 44), h = std::min(vh - 16.f, fs * 36);
  ImGui::SetNextWindowPos(ImVec2((vw - w) * 0.5f, std::max(8.f, (vh - h) * 0.5f)), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Appearing);
  ImGui::SetNextWindowFocus();
  ImportChoice choice = ImportChoice::None;
  bool keepOpen = true;
  const bool ok = r.ok();
  if (ImGui::Begin("Your data: what was understood###import-review", &keepOpen,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    // The buttons stay at the bottom; the review scrolls above them.
    const float buttons = ImGui::GetFrameHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("review", ImVec2(0, -buttons));
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextWrapped("%s", r.review.headline.empty() ? "Nothing to import" : r.review.headline.c_str());
    ImGui::SetWindowFontScale(1.f);
    if (!ok) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette().strong);
      ImGui::TextWrapped("%zu problem%s stop%s this import. Nothing has changed; correct the sheet and try again.",
                         r.errors.size(), r.errors.size() == 1 ? "" : "s", r.errors.size() == 1 ? "s" : "");
      ImGui::PopStyleColor();
      diagnostics(r.errors, 100);
      ImGui::Separator();
    }
    for (const std::string& line : r.review.lines) bullet(line);
    if (r.counts.entityTotal() == 0 && r.counts.relations == 0 && ok) muted("The sheet has no rows to import.");
    ImGui::Spacing();
    if (!r.warnings.empty() &&
        ImGui::CollapsingHeader(("Warnings (" + std::to_string(r.warnings.size()) + ")###warnings").c_str())) {
      muted("The import goes ahead with these; each says where in the sheet it is (file:line:column).");
      diagnostics(r.warnings, 200);
    }
    if (!r.review.guesses.empty() &&
        ImGui::CollapsingHeader(("Words read as types (" + std::to_string(r.review.guesses.size()) + ")###guesses").c_str())) {
      guessesTable(r.review);
    }
    if (!r.review.onMap.empty() &&
        ImGui::CollapsingHeader(("Already on the map (" + std::to_string(r.review.onMap.size()) + ")###onmap").c_str())) {
      muted("Added to the map, these are the map's own entries: your relations attach to them.");
      for (const ImportJoin& j : r.review.onMap) bullet(j.written + " \xe2\x86\x92 " + j.name + " (" + j.id + ")");
    }
    if (ImGui::CollapsingHeader("Columns###columns")) {
      for (const SheetSummary& s : r.review.sheets) columnsTable(s);
    }
    ImGui::EndChild();
    ImGui::Separator();
    // Add to the map (the default), Show on its own, Cancel.
    const bool canAdd = ok && o.canAddToMap;
    ImGui::BeginDisabled(!canAdd);
    if (ImGui::Button("Add to the map")) choice = ImportChoice::AddToMap;
    noteControl("review:add");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("%s", canAdd ? "Keep the map and add your items to it (Enter)"
                                     : ok ? "There is no map to add to" : "Correct the problems first");
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!ok);
    if (ImGui::Button("Show on its own")) choice = ImportChoice::ShowOnOwn;
    noteControl("review:own");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Show only your items");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) choice = ImportChoice::Cancel;
    noteControl("review:cancel");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close: nothing changes (Esc)");
    if (choice == ImportChoice::None && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
      if (ImGui::IsKeyPressed(ImGuiKey_Escape)) choice = ImportChoice::Cancel;
      else if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) {
        choice = canAdd ? ImportChoice::AddToMap : ok ? ImportChoice::ShowOnOwn : ImportChoice::Cancel;
      }
    }
  }
  ImGui::End();
  if (!keepOpen && choice == ImportChoice::None) choice = ImportChoice::Cancel;
  if (choice != ImportChoice::None) open = false;
  return choice;
}

bool drawPasteTable(std::string& buffer, bool& open, float viewportWidth, float viewportHeight) {
  if (!open) return false;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float vw = viewportWidth > 0 ? viewportWidth : display.x;
  const float vh = viewportHeight > 0 ? viewportHeight : display.y;
  const float fs = ImGui::GetFontSize();
  const float w = std::min(vw - 16.f, fs * 40), h = std::min(vh - 16.f, fs * 24);
  ImGui::SetNextWindowPos(ImVec2((vw - w) * 0.5f, std::max(8.f, (vh - h) * 0.5f)), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Appearing);
  bool read = false;
  if (ImGui::Begin("Paste from spreadsheet###paste-table", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("Copy the cells of your sheet, header row included (a Name column for organisations, or From "
                       "and To columns for relations), and paste them here.");
    ImGui::InputTextMultiline("##pasted", &buffer, ImVec2(-1, -ImGui::GetFrameHeightWithSpacing() * 1.6f),
                              ImGuiInputTextFlags_AllowTabInput);
    noteControl("paste:field");
    ImGui::BeginDisabled(buffer.find_first_not_of(" \t\r\n") == std::string::npos);
    if (ImGui::Button("Read")) read = true;
    noteControl("paste:read");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open = false;
    noteControl("paste:cancel");
  }
  ImGui::End();
  if (read) open = false;
  return read;
}

}  // namespace nhsx
