// The "Embed on your site" snippet: the iframe code of docs/embedding.md ("Copy-paste snippet") for
// the size, start view, selection, theme and controls the reader picked. Built here, not in the page,
// so what the dialog shows is unit tested (tests/unit/test_embed_snippet.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace nhsx {

struct EmbedOptions {
  std::string base;              // the explorer's address without query or hash (the page's own)
  std::string size = "700x500";  // one of embedSizes()
  std::string view = "graph";    // "overview", "timeline" or "graph"
  std::string select;            // an entity id, or empty for none
  std::string theme = "light";   // "light", "dark" or "presentation" (large type, high contrast)
  bool compact = true;           // embed=1: the view fills the frame, controls on demand
};

struct EmbedSize {
  std::string_view id, label, width, height;  // width "100%" for full width
};
// The presets the dialog offers: 400x450, 700x500 and full width (560 high).
const std::vector<EmbedSize>& embedSizes();

// Reads "size=700x500&view=graph&select=org-x&theme=dark&compact=1&base=https%3A..." (the dialog's
// choices, as the page sends them). An unknown or malformed value keeps the default and adds a warning.
EmbedOptions parseEmbedOptions(std::string_view query, std::vector<std::string>* warnings = nullptr);

// The iframe's address: base?embed=1&view=...&select=...&theme=... (or &pres=1). The base is kept as
// given except that bytes which could end the attribute or the URL (space, quotes, <, >, `, #, ?, &,
// control bytes) are written %XX and any query or hash on it is cut off.
std::string embedUrl(const EmbedOptions& o);

// The snippet itself, in docs/embedding.md's form:
//   <iframe src="URL"
//           title="NHS governance explorer" width="100%" height="560" style="border: 0"
//           allow="fullscreen"></iframe>
std::string embedSnippet(const EmbedOptions& o);

}  // namespace nhsx
