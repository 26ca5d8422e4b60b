#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "core/embed_snippet.h"
#include "core/url_state.h"

using namespace nhsx;

TEST_CASE("the embed snippet is docs/embedding.md's iframe with the chosen size, view, selection and theme",
          "[embed-snippet]") {
  EmbedOptions o;
  o.base = "https://example.org/nhs-explorer/index.html";
  o.size = "full";
  o.view = "graph";
  o.select = "org-nhs-england";
  o.theme = "light";
  CHECK(embedSnippet(o) ==
        "<iframe src=\"https://example.org/nhs-explorer/index.html?embed=1&view=graph&select=org-nhs-england&theme=light\"\n"
        "        title=\"NHS governance explorer\" width=\"100%\" height=\"560\" style=\"border: 0\"\n"
        "        allow=\"fullscreen\"></iframe>");
  o.size = "400x450";
  o.theme = "dark";
  o.select.clear();
  o.view = "timeline";
  CHECK(embedSnippet(o).find("width=\"400\" height=\"450\"") != std::string::npos);
  CHECK(embedUrl(o) == "https://example.org/nhs-explorer/index.html?embed=1&view=timeline&theme=dark");
  o.size = "700x500";
  o.theme = "presentation";
  o.compact = false;
  CHECK(embedSnippet(o).find("width=\"700\" height=\"500\"") != std::string::npos);
  CHECK(embedUrl(o) == "https://example.org/nhs-explorer/index.html?view=timeline&pres=1");
}

TEST_CASE("the embed URL reads back as the link fields it was built from", "[embed-snippet]") {
  EmbedOptions o;
  o.base = "http://localhost:8123/";
  o.view = "overview";
  o.select = "org-acevo";
  o.theme = "dark";
  const std::string url = embedUrl(o);
  std::vector<std::string> warnings;
  const UrlState s = decodeUrlState(url.substr(url.find('?')), &warnings);
  CHECK(warnings.empty());
  CHECK(s.get("view") == "overview");
  CHECK(s.get("sel") == "org-acevo");
  CHECK(s.get("theme") == "dark");
  CHECK(s.get("embed") == "1");
}

TEST_CASE("the page's address loses its query and hash, and bytes unsafe in an attribute are escaped",
          "[embed-snippet]") {
  EmbedOptions o;
  o.base = "https://example.org/a b/\"x\"<y>&'z'`/index.html?embed=1&view=timeline#sel=org-x";
  const std::string url = embedUrl(o);
  CHECK(url == "https://example.org/a%20b/%22x%22%3Cy%3E%26%27z%27%60/index.html?embed=1&view=graph&theme=light");
  const std::string snippet = embedSnippet(o);
  // The quotes of its six attributes and none from the address.
  CHECK(std::count(snippet.begin(), snippet.end(), '"') == 12);
  CHECK(snippet.find('<', 1) == snippet.find("</iframe>"));
}

TEST_CASE("the dialog's choices are read from a query; bad values keep the default and warn", "[embed-snippet]") {
  std::vector<std::string> warnings;
  EmbedOptions o = parseEmbedOptions(
      "base=https%3A%2F%2Fexample.org%2Fx%2F&size=400x450&view=timeline&select=org-nhs-england&theme=dark&compact=0",
      &warnings);
  CHECK(warnings.empty());
  CHECK(o.base == "https://example.org/x/");
  CHECK(o.size == "400x450");
  CHECK(o.view == "timeline");
  CHECK(o.select == "org-nhs-england");
  CHECK(o.theme == "dark");
  CHECK_FALSE(o.compact);

  o = parseEmbedOptions("size=9x9&view=map&select=Org%20X&theme=neon&compact=maybe&other=1", &warnings);
  CHECK(warnings.size() == 5);
  CHECK(o.size == "700x500");
  CHECK(o.view == "graph");
  CHECK(o.select.empty());
  CHECK(o.theme == "light");
  CHECK(o.compact);
  CHECK(warnings[0] == "size: expected 400x450, 700x500 or full, found \"9x9\"");
  // An id that is not an id never reaches the URL, even when set directly.
  o.select = "x\"><script>";
  CHECK(embedUrl(o).find("select") == std::string::npos);
}
