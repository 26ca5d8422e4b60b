// Markdown emphasis in quotes shown as emphasis: splitting into styled runs, and wrapping them.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "core/styled_text.h"

using namespace nhsx;

namespace {
// Runs written compactly: plain text as is, bold in [b:...], italic [i:...], both [bi:...], sup [s:...].
std::string show(const std::vector<TextRun>& runs) {
  std::string out;
  for (const TextRun& r : runs) {
    std::string tag = std::string(r.bold ? "b" : "") + (r.italic ? "i" : "") + (r.superscript ? "s" : "");
    out += tag.empty() ? std::string(r.text) : "[" + tag + ":" + std::string(r.text) + "]";
  }
  return out;
}
std::string runs(std::string_view t) { return show(emphasisRuns(t)); }
}  // namespace

TEST_CASE("emphasis runs from the seeds' markdown", "[styled-text]") {
  CHECK(runs("plain text") == "plain text");
  CHECK(runs("") == "");
  CHECK(runs("**Minister of State for Care and Support** Department of Health 79 Whitehall") ==
        "[b:Minister of State for Care and Support] Department of Health 79 Whitehall");
  CHECK(runs("**Norman Lamb MP** **Minister of State for Care and Support**") ==
        "[b:Norman Lamb MP] [b:Minister of State for Care and Support]");
  CHECK(runs("part of a new *Mutuals in Health: Pathfinder Programme*.") ==
        "part of a new [i:Mutuals in Health: Pathfinder Programme].");
  CHECK(runs("is **Thursday 4<sup>th</sup> September 2014**.") ==
        "is [b:Thursday 4][bs:th][b: September 2014].");
  CHECK(runs("***both*** and *one **inside** it*") == "[bi:both] and [i:one ][bi:inside][i: it]");
}

TEST_CASE("emphasis markers without a partner stay as written", "[styled-text]") {
  CHECK(runs("5 * 3 * 2") == "5 * 3 * 2");     // spaces on both sides: neither opens nor closes
  CHECK(runs("a* b") == "a* b");               // a closer with nothing open
  CHECK(runs("**open only") == "**open only");
  CHECK(runs("*italic* and **unclosed") == "[i:italic] and **unclosed");
  CHECK(runs("****four****") == "****four****");  // runs of four or more are text
  CHECK(runs("**mixed*") == "**mixed*");           // lengths differ
  CHECK(runs("x</sup> y <sup>z") == "x</sup> y <sup>z");
  CHECK(runs("* list item") == "* list item");
  // The runs view the text given: markers dropped, nothing copied.
  const std::string text = "a **b** c";
  const auto r = emphasisRuns(text);
  REQUIRE(r.size() == 3);
  CHECK(r[1].text.data() == text.data() + 4);
}

TEST_CASE("styled runs wrap between words", "[styled-text]") {
  // Every character 10 wide, bold ones 11: easy to reason about.
  const MeasureText measure = [](std::string_view s, const TextRun& st) {
    return static_cast<float>(s.size()) * (st.bold ? 11.f : 10.f);
  };
  auto lines = [&](const std::vector<TextRun>& rs, float width) {
    const WrappedText w = wrapRuns(rs, width, measure);
    std::vector<std::string> out(static_cast<size_t>(w.lines));
    for (const PlacedText& p : w.pieces) {  // pieces of a line joined by |
      auto& line = out.at(static_cast<size_t>(p.line));
      line += (line.empty() ? "" : "|") + std::string(p.text);
    }
    return out;
  };
  const auto plain = emphasisRuns("one two three four");
  CHECK(lines(plain, 1000) == std::vector<std::string>{"one|two|three|four"});
  CHECK(lines(plain, 75) == std::vector<std::string>{"one|two", "three", "four"});
  const WrappedText w = wrapRuns(plain, 75, measure);
  CHECK(w.lines == 3);
  CHECK(w.pieces[1].x == 40.f);  // "one" (30) and a space (10)
  CHECK(w.width == 70.f);
  // A word across runs stays whole: "4" + superscript "th".
  const auto sup = emphasisRuns("on 4<sup>th</sup> Sept");
  const WrappedText ws = wrapRuns(sup, 45, measure);
  REQUIRE(ws.pieces.size() == 4);
  CHECK(ws.pieces[1].text == "4");
  CHECK(ws.pieces[2].text == "th");
  CHECK(ws.pieces[1].line == ws.pieces[2].line);
  CHECK(ws.pieces[2].x == ws.pieces[1].x + 10.f);
  // Bold measured as bold.
  const WrappedText wb = wrapRuns(emphasisRuns("**ab** c"), 1000, measure);
  CHECK(wb.width == 22.f + 10.f + 10.f);
  // A word wider than the line is broken between characters, whole UTF-8 sequences kept.
  CHECK(lines(emphasisRuns("https://example.org/x"), 60) ==
        std::vector<std::string>{"https:", "//exam", "ple.or", "g/x"});
  CHECK(lines(emphasisRuns("ab \xc3\xa9\xc3\xa9\xc3\xa9"), 25) ==
        std::vector<std::string>{"ab", "\xc3\xa9", "\xc3\xa9", "\xc3\xa9"});
  // Newlines start lines; blank text has none.
  CHECK(lines(emphasisRuns("a\nb"), 1000) == std::vector<std::string>{"a", "b"});
  CHECK(wrapRuns(emphasisRuns("   "), 100, measure).lines == 0);
  CHECK(wrapRuns({}, 100, measure).lines == 0);
}
