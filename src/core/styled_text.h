// Quotes keep the seed documents' markdown verbatim ("**Norman Lamb MP**", "a new *Pathfinder
// Programme*", "4<sup>th</sup>"); the UI shows that emphasis as emphasis. emphasisRuns splits such text
// into runs of plain, bold, italic and superscript text (the markers dropped), and wrapRuns lays the
// runs out in lines of a given width, breaking between words, for any measure of text width.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace nhsx {

struct TextRun {
  std::string_view text;  // a view into the text given (or a literal): no copies
  bool bold = false, italic = false, superscript = false;
  bool operator==(const TextRun& o) const {
    return text == o.text && bold == o.bold && italic == o.italic && superscript == o.superscript;
  }
};

// Markers, as in CommonMark (simplified): "**" bold, "*" italic, "***" both, and the HTML pair
// <sup>...</sup>. An opening "*" run must be followed, and a closing one preceded, by a non-space; a
// marker with no partner, or a run of four or more, stays as written ("5 * 3", "a*" ...). A new run
// starts where the style changes; empty runs are left out.
std::vector<TextRun> emphasisRuns(std::string_view text);

// One piece of a run placed on a line: x from the line's start, line from 0.
struct PlacedText {
  size_t run = 0;  // index into the runs given
  std::string_view text;
  float x = 0;
  int line = 0;
};
struct WrappedText {
  std::vector<PlacedText> pieces;
  int lines = 0;
  float width = 0;  // of the widest line
};
// Measures the width of text in a run's style.
using MeasureText = std::function<float(std::string_view text, const TextRun& style)>;
// Greedy word wrap at spaces (a run boundary inside a word, as in "4<sup>th</sup>", does not break
// it). A word wider than a line gets a line of its own and is broken between characters. Spaces at a
// line's start or end are dropped; newlines in the text start new lines.
WrappedText wrapRuns(const std::vector<TextRun>& runs, float width, const MeasureText& measure);

}  // namespace nhsx
