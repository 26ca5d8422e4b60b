// A story shared as a link: "#tour=<text>" (docs/deep-links.md). The text is the story's JSON
// (core/story_edit.h) with short keys, each citation that is one of an entity's or a relation's written
// as its reference ("org-nhs-england#0") instead of the quote, in base64url. Reading it back goes
// through the same checks as a story file (loadStories), so a bad link is refused with located warnings
// and nothing of the current state is lost.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

constexpr const char* kStoryLinkKey = "tour";
// Longer links than this are not offered for pasting (the editor offers the file instead).
constexpr size_t kMaxStoryLink = 2000;

// The value written after "tour=" (letters, digits, '-' and '_' only).
std::string encodeStoryLink(const Corpus& c, const Story& s);

struct StoryLinkResult {
  bool ok = false;
  Story story;                        // when ok: checked against the corpus, `own` set
  std::vector<std::string> warnings;  // "tour: /steps/1/narration: expected ..." when not ok
};
// Reads the value of "tour=" (percent-decoded or not). Never throws.
StoryLinkResult decodeStoryLink(std::string_view value, const Corpus& c);

// The value of the "tour" key in a hash or query text ("#v=1&tour=..."), "" when there is none.
std::string storyLinkValue(std::string_view hashOrQuery);

namespace link {
std::string base64UrlEncode(std::string_view bytes);
// False at the first character that is not of the alphabet (its offset in *bad).
bool base64UrlDecode(std::string_view text, std::string& out, size_t* bad = nullptr);
}  // namespace link

}  // namespace nhsx
