// Text that must fit a width: elided with an ellipsis (the whole text in a tooltip where it is a
// control), and quotes with the seeds' markdown emphasis drawn as bold, italic and superscript.
#pragma once
#include <string>
#include <string_view>

namespace nhsx {

// text as it is when it fits maxPx in the current font, else its longest prefix (whole UTF-8
// characters) that fits with "…" after it.
std::string elide(std::string_view text, float maxPx);

// Wrapped text whose **bold**, *italic* and <sup>superscript</sup> markers (core/styled_text.h) are
// drawn as such, between `before` and `after` (curly quotes, say), in the current text colour; wrapped
// at `width` pixels, or where the window's content ends when 0 (give a width in auto-sized windows
// such as tooltips).
void emphasisTextWrapped(std::string_view text, std::string_view before = {}, std::string_view after = {},
                         float width = 0.f);

}  // namespace nhsx
