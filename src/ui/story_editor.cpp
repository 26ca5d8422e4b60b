#include "ui/story_editor.h"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <imgui_internal.h>

#include <algorithm>

#include "core/story_link.h"
#include "ui/control_spots.h"
#include "ui/flow.h"

namespace nhsx {

namespace {

// A text field over a std::string (Dear ImGui's imgui_stdlib grows it). `shown` is refreshed from
// `value` unless the field has the keys (so undo shows at once, and typing is not overwritten).
bool textField(const char* label, std::string& shown, const std::string& value, bool multiline, float height = 0) {
  const ImGuiID id = ImGui::GetID(label);
  if (ImGui::GetActiveID() != id) shown = value;
  ImGui::SetNextItemWidth(-1);
  return multiline ? ImGui::InputTextMultiline(label, &shown, ImVec2(-1, height)) : ImGui::InputText(label, &shown);
}

// A short form of a quote for the picker: its first words.
std::string shortQuote(const Citation& cit, size_t n = 90) {
  const std::string& q = cit.quote.empty() ? cit.note : cit.quote;
  if (q.size() <= n) return q;
  size_t cut = q.rfind(' ', n);
  if (cut == std::string::npos || cut < n / 2) cut = n;
  while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) --cut;
  return q.substr(0, cut) + "\xe2\x80\xa6";
}

}  // namespace

void StoryEditor::openNew(Corpus& c) {
  Story s;
  s.id = freeStoryId(c, "my-story");
  s.title = "My story";
  s.own = true;
  index_ = addStory(c, s);
  draft_.reset(c.stories[static_cast<size_t>(index_)]);
  synced_ = draft_.version();
  open_ = true;
  ++opened_;
  message_.clear();
}

void StoryEditor::openStory(Corpus& c, int index) {
  if (index < 0 || static_cast<size_t>(index) >= c.stories.size()) return;
  index_ = index;
  Story s = c.stories[static_cast<size_t>(index)];
  s.own = true;  // edited, it is the reader's: a step may then give no source
  draft_.reset(std::move(s));
  sync(c);
  open_ = true;
  ++opened_;
  message_.clear();
}

void StoryEditor::sync(Corpus& c) {
  if (index_ < 0 || static_cast<size_t>(index_) >= c.stories.size()) return;
  c.stories[static_cast<size_t>(index_)] = draft_.story();
  synced_ = draft_.version();
}

void StoryEditor::drawCitations(const Corpus& c) {
  const Story& story = draft_.story();
  if (draft_.current() < 0) return;
  const StoryStep& step = story.steps[static_cast<size_t>(draft_.current())];
  std::vector<OfferedCitation> offered = offeredCitations(c, step);
  // Citations the step gives that the focus no longer offers stay listed, to be unticked.
  for (const Citation& cit : step.citations) {
    const bool listed = std::any_of(offered.begin(), offered.end(), [&](const OfferedCitation& o) { return sameCitation(o.citation, cit); });
    if (!listed) offered.insert(offered.begin(), OfferedCitation{"", "Given before", cit});
  }
  if (offered.empty()) {
    ImGui::TextDisabled("Select something, then Re-record, to cite its sources.");
    return;
  }
  const float h = std::min(ImGui::GetFontSize() * 9, ImGui::GetContentRegionAvail().y);
  ImGui::BeginChild("citations", ImVec2(0, h), true);
  for (size_t i = 0; i < offered.size(); ++i) {
    const OfferedCitation& o = offered[i];
    ImGui::PushID(static_cast<int>(i));
    bool on = std::any_of(step.citations.begin(), step.citations.end(), [&](const Citation& x) { return sameCitation(x, o.citation); });
    const std::string label = o.label + ": \xe2\x80\x9c" + shortQuote(o.citation) + "\xe2\x80\x9d";
    ImGui::PushTextWrapPos(0.f);
    if (ImGui::Checkbox("##on", &on)) {
      std::vector<Citation> next;
      for (const Citation& x : step.citations) if (!sameCitation(x, o.citation)) next.push_back(x);
      if (on) next.push_back(o.citation);
      draft_.setCitations(std::move(next));
    }
    noteControl("cite:" + std::to_string(i));
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
    if (o.citation.source < c.sources.size()) ImGui::TextDisabled("%s", c.sources[o.citation.source].title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void StoryEditor::draw(Corpus& c, const AppState& s, ActionQueue& out, std::vector<std::string>& requests) {
  if (!open_) return;
  if (index_ < 0 || static_cast<size_t>(index_) >= c.stories.size()) { open_ = false; return; }
  const float fs = ImGui::GetFontSize();
  ImGui::SeparatorText("Your story");
  if (s.story == index_ && s.storyStep != followedStep_) draft_.setCurrent(s.storyStep);  // a step moved to by the keys
  followedStep_ = s.story == index_ ? s.storyStep : -1;
  const ImGuiIO& io = ImGui::GetIO();
  // Undo and redo from the keyboard, when no text field has the keys (a field undoes its own typing).
  if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper)) {
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) io.KeyShift ? draft_.redo() : draft_.undo();
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) draft_.redo();
  }
  const Story& story = draft_.story();
  ImGui::TextDisabled("Story title");
  if (textField("##story-title", title_, story.title, false)) draft_.setTitle(title_);
  noteControl("story-title");
  if (ImGui::IsItemDeactivated()) draft_.endTyping();

  // The steps: click one to show it and edit it; the marked ones cite nothing.
  ImGui::TextDisabled("Steps (%zu)", story.steps.size());
  const float rowH = ImGui::GetTextLineHeightWithSpacing();
  const float listH = std::clamp(rowH * static_cast<float>(story.steps.size()) + 4.f, rowH + 4.f, rowH * 6 + 4.f);
  ImGui::BeginChild("steps", ImVec2(0, listH), false);
  if (story.steps.empty()) ImGui::TextDisabled("None yet: show something, then Record step.");
  for (size_t i = 0; i < story.steps.size(); ++i) {
    const StoryStep& st = story.steps[i];
    const std::string row = std::to_string(i + 1) + ". " + st.title + (stepUncited(st) ? "  (no source)" : "") + "##step" + std::to_string(i);
    if (ImGui::Selectable(row.c_str(), draft_.current() == static_cast<int>(i))) {
      draft_.setCurrent(static_cast<int>(i));
      out.push(act::GoToStoryStep{index_, static_cast<int>(i)});
    }
    noteControl("step:" + std::to_string(i));
    if (stepUncited(st) && ImGui::IsItemHovered()) ImGui::SetTooltip("This step's narration cites no source");
  }
  ImGui::EndChild();

  const bool hasStep = draft_.current() >= 0;
  Flow row;  // the buttons wrap on a narrow panel
  const float arrowW = ImGui::GetFrameHeight();
  row.before(Flow::button("Record step"));
  if (ImGui::Button("Record step")) draft_.record(captureStep(c, s));
  noteControl("record");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a step showing what is on screen now");
  ImGui::BeginDisabled(!hasStep);
  row.before(Flow::button("Re-record"));
  if (ImGui::Button("Re-record")) draft_.rerecord(captureStep(c, s));
  noteControl("rerecord");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("This step shows what is on screen now");
  ImGui::BeginDisabled(draft_.current() <= 0);
  row.before(arrowW);
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) draft_.move(-1);
  noteControl("up");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move the step up");
  ImGui::BeginDisabled(draft_.current() + 1 >= static_cast<int>(story.steps.size()));
  row.before(arrowW);
  if (ImGui::ArrowButton("##down", ImGuiDir_Down)) draft_.move(1);
  noteControl("down");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move the step down");
  row.before(Flow::button("Delete"));
  if (ImGui::Button("Delete")) draft_.remove();
  noteControl("delete");
  ImGui::EndDisabled();

  if (draft_.current() >= 0) {
    const StoryStep& st = story.steps[static_cast<size_t>(draft_.current())];
    ImGui::TextDisabled("Step %d title", draft_.current() + 1);
    if (textField("##step-title", stepTitle_, st.title, false)) draft_.setStepTitle(stepTitle_);
    noteControl("step-title");
    if (ImGui::IsItemDeactivated()) draft_.endTyping();
    ImGui::TextDisabled("Narration");
    if (textField("##narration", narration_, st.narration, true, fs * 4.2f)) draft_.setNarration(narration_);
    noteControl("narration");
    if (ImGui::IsItemDeactivated()) draft_.endTyping();
    const std::string cits = stepUncited(st) ? std::string("Citations: none###citations")
                                             : "Citations (" + std::to_string(st.citations.size()) + ")###citations";
    const bool citsOpen = ImGui::CollapsingHeader(cits.c_str());
    noteControl("citations");
    if (stepUncited(st) && ImGui::IsItemHovered()) ImGui::SetTooltip("The narration cites no source: tick the ones it rests on");
    if (citsOpen) drawCitations(c);
  }

  ImGui::Separator();
  Flow bottom;
  ImGui::BeginDisabled(!draft_.canUndo());
  bottom.before(Flow::button("Undo"));
  if (ImGui::Button("Undo")) draft_.undo();
  noteControl("undo");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Undo the last edit (Ctrl+Z)");
  ImGui::BeginDisabled(!draft_.canRedo());
  bottom.before(Flow::button("Redo"));
  if (ImGui::Button("Redo")) draft_.redo();
  noteControl("redo");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Redo (Ctrl+Y)");
  ImGui::BeginDisabled(story.steps.empty());
  bottom.before(Flow::button("Play"));
  const bool play = ImGui::Button("Play");
  noteControl("play");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Play the story from its first step");
  bottom.before(Flow::button("Share link"));
  const bool share = ImGui::Button("Share link");
  noteControl("share-link");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("A link that opens this story (copied)");
  if (share) {
    const std::string link = std::string("#") + kStoryLinkKey + "=" + encodeStoryLink(c, story);
    if (link.size() > kMaxStoryLink) {
      message_ = "The link would be " + std::to_string(link.size()) +
                 " characters, too long to paste: save the story as a file instead.";
    } else {
      requests.push_back("share-link " + link);
      message_ = "Link copied (" + std::to_string(link.size()) + " characters).";
    }
  }
  bottom.before(Flow::button("Save file"));
  if (ImGui::Button("Save file")) requests.push_back("export-story");
  noteControl("save-file");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Download the story as a small JSON file (Open data adds it back)");
  ImGui::EndDisabled();
  bottom.before(Flow::button("Close"));
  const bool done = ImGui::Button("Close");
  noteControl("close");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close the editor: the story stays in the list (Edit reopens it)");
  if (!message_.empty()) {
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(message_.c_str());
    ImGui::PopTextWrapPos();
  }
  // What the story's checks say (the same as a story file's when it is opened), located.
  if (checked_ != draft_.version()) {
    checked_ = draft_.version();
    problems_ = story.steps.empty() ? std::vector<Diagnostic>{} : checkStory(c, story);
  }
  if (!problems_.empty()) {
    ImGui::PushTextWrapPos(0.f);
    for (size_t i = 0; i < problems_.size() && i < 3; ++i)
      ImGui::TextDisabled("To do: %s: %s", problems_[i].where.c_str(), problems_[i].message.c_str());
    ImGui::PopTextWrapPos();
  }
  if (draft_.version() != synced_) sync(c);
  if (play && !story.steps.empty()) {
    out.push(act::GoToStoryStep{index_, 0});
    open_ = false;
  }
  if (done) open_ = false;
}

}  // namespace nhsx
