#include "core/embed_snippet.h"

#include <algorithm>

#include "core/url_state.h"

namespace nhsx {

namespace {

bool validId(std::string_view id) {
  if (id.empty() || id.size() > 200 || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool oneOf(std::string_view v, std::initializer_list<std::string_view> choices) {
  return std::find(choices.begin(), choices.end(), v) != choices.end();
}

// %XX-decodes a query value ('+' is a space, as a form sends it).
std::string decode(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && link::hexDigit(v[i + 1]) >= 0 && link::hexDigit(v[i + 2]) >= 0) {
      out += static_cast<char>(link::hexDigit(v[i + 1]) * 16 + link::hexDigit(v[i + 2]));
      i += 2;
    } else {
      out += v[i] == '+' ? ' ' : v[i];
    }
  }
  return out;
}

// The base address with its query and hash cut off and the bytes that are unsafe in an HTML attribute
// or would change the URL's meaning written %XX.
std::string safeBase(std::string_view base) {
  const size_t cut = base.find_first_of("?#");
  if (cut != std::string_view::npos) base = base.substr(0, cut);
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (char ch : base) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f || ch == '"' || ch == '\'' || ch == '<' || ch == '>' || ch == '`' || ch == '&') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

const std::vector<EmbedSize>& embedSizes() {
  static const std::vector<EmbedSize> sizes = {
      {"400x450", "400 \xc3\x97 450", "400", "450"},
      {"700x500", "700 \xc3\x97 500", "700", "500"},
      {"full", "Full width", "100%", "560"},
  };
  return sizes;
}

EmbedOptions parseEmbedOptions(std::string_view query, std::vector<std::string>* warnings) {
  EmbedOptions o;
  auto warn = [&](std::string_view key, const std::string& value, std::string_view expected) {
    if (warnings) warnings->push_back(std::string(key) + ": expected " + std::string(expected) + ", found \"" + value + "\"");
  };
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view field = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const size_t eq = field.find('=');
    const std::string_view key = field.substr(0, eq);
    const std::string value = eq == std::string_view::npos ? std::string() : decode(field.substr(eq + 1));
    if (key == "base") {
      o.base = value;
    } else if (key == "size") {
      const auto& sizes = embedSizes();
      if (std::any_of(sizes.begin(), sizes.end(), [&](const EmbedSize& s) { return s.id == value; })) o.size = value;
      else warn(key, value, "400x450, 700x500 or full");
    } else if (key == "view") {
      if (oneOf(value, {"overview", "timeline", "graph"})) o.view = value;
      else warn(key, value, "overview, timeline or graph");
    } else if (key == "select") {
      if (value.empty() || validId(value)) o.select = value;
      else warn(key, value, "an entity id");
    } else if (key == "theme") {
      if (oneOf(value, {"light", "dark", "presentation"})) o.theme = value;
      else warn(key, value, "light, dark or presentation");
    } else if (key == "compact") {
      if (oneOf(value, {"0", "1"})) o.compact = value == "1";
      else warn(key, value, "0 or 1");
    }
  }
  return o;
}

std::string embedUrl(const EmbedOptions& o) {
  std::string q;
  auto add = [&](std::string_view key, std::string_view value) {
    q += q.empty() ? '?' : '&';
    q += key;
    q += '=';
    link::appendEncoded(q, value);
  };
  if (o.compact) add("embed", "1");
  add("view", o.view);
  if (validId(o.select)) add("select", o.select);
  if (o.theme == "presentation") add("pres", "1");
  else add("theme", o.theme == "dark" ? "dark" : "light");
  return safeBase(o.base) + q;
}

std::string embedSnippet(const EmbedOptions& o) {
  const auto& sizes = embedSizes();
  auto size = std::find_if(sizes.begin(), sizes.end(), [&](const EmbedSize& s) { return s.id == o.size; });
  if (size == sizes.end()) size = sizes.begin() + 1;
  std::string s = "<iframe src=\"" + embedUrl(o) + "\"\n";
  s += "        title=\"NHS governance explorer\" width=\"" + std::string(size->width) + "\" height=\"" +
       std::string(size->height) + "\" style=\"border: 0\"\n";
  s += "        allow=\"fullscreen\"></iframe>";
  return s;
}

}  // namespace nhsx
