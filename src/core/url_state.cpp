#include "core/url_state.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nhsx {

bool UrlState::operator==(const UrlState& o) const {
  return view == o.view && selected == o.selected && pathTo == o.pathTo && windowFrom == o.windowFrom &&
         windowTo == o.windowTo && asOf == o.asOf && filter == o.filter && story == o.story &&
         storyStep == o.storyStep && embed == o.embed && theme == o.theme && accent == o.accent &&
         presentation == o.presentation;
}

bool isValidId(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; });
}

namespace {

constexpr size_t kMaxValueBytes = 64 * 1024;  // a longer value is dropped: no real link comes near
constexpr size_t kMaxIdBytes = 200;
constexpr int kMaxStoryStep = 1000000;
constexpr double kMinutesPerDay = 24 * 60;
const int32_t kFirstDay = daysFromCivil(1, 1, 1);      // years 0001-9999, as in corpus dates
const int32_t kLastDay = daysFromCivil(9999, 12, 31);

// ---- encoding -------------------------------------------------------------------------------------

// Letters, digits, '-', '.', '_' stay; every other byte becomes %XX (so ',', '~', '&' inside a value
// cannot be taken for separators).
void appendEncoded(std::string& out, std::string_view v) {
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char ch : v) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
        ch == '.' || ch == '_') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
}

// "2014-07-28", or "2014-07-28T06:30" when the day has a fraction (kept to the minute).
std::string formatDay(double day) {
  day = std::clamp(day, static_cast<double>(kFirstDay), kLastDay + (kMinutesPerDay - 1) / kMinutesPerDay);
  const long long minutes = std::llround(day * kMinutesPerDay);
  const long long whole = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  const int rest = static_cast<int>(minutes - whole * 1440);
  std::string s = isoDay(static_cast<int32_t>(whole));
  if (rest) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", rest / 60, rest % 60);
    s += buf;
  }
  return s;
}

// Appends "&name=value" fields to `out`.
struct Writer {
  void field(std::string_view name, std::string_view rawValue) {
    out += out.size() > 1 ? "&" : "";
    out += name;
    out += '=';
    out += rawValue;
  }
  void text(std::string_view name, std::string_view value) {
    if (value.empty()) return;
    std::string v;
    appendEncoded(v, value);
    field(name, v);
  }
  template <class Items, class ToName>
  void list(std::string_view name, const Items& items, ToName&& toName) {
    if (items.empty()) return;
    std::string v;
    for (const auto& item : items) {
      if (!v.empty()) v += ',';
      appendEncoded(v, toName(item));
    }
    field(name, v);
  }
  std::string out = "#";
};

}  // namespace

std::string encodeUrlState(const UrlState& s) {
  Writer w;
  w.field("v", std::to_string(kUrlStateVersion));
  w.text("view", s.view);
  w.text("sel", s.selected);
  w.text("path", s.pathTo);
  if (s.asOf != kNoDay) w.field("asof", formatDay(s.asOf));
  if (s.hasWindow() && std::isfinite(s.windowFrom) && std::isfinite(s.windowTo)) {
    w.field("win", formatDay(s.windowFrom) + "~" + formatDay(s.windowTo));
  }
  const FilterSpec& f = s.filter;
  w.list("kinds", f.kinds, [](Kind k) { return kindName(k); });
  w.list("types", f.orgTypes, [](const std::string& t) { return std::string_view(t); });
  w.list("rels", f.relationTypes, [](int t) {
    return t >= 0 && static_cast<size_t>(t) < relationTypes().size() ? relationTypes()[static_cast<size_t>(t)].id
                                                                      : std::string_view("?");
  });
  w.list("themes", f.themes, [](const std::string& t) { return std::string_view(t); });
  w.list("origin", f.origins, [](int o) { return std::string_view(o == kOriginOwn ? "own" : "map"); });
  if (f.hasRange()) {
    w.field("range", (f.fromDay == Date::kOpenStart ? "" : formatDay(f.fromDay)) + "~" +
                         (f.toDay == Date::kOpenEnd ? "" : formatDay(f.toDay)));
  }
  w.text("story", s.story);
  if (!s.story.empty() && s.storyStep > 0) w.field("step", std::to_string(std::min(s.storyStep, kMaxStoryStep - 1) + 1));
  if (s.embed) w.field("embed", "1");
  w.text("theme", s.theme);
  if (!s.accent.empty()) w.text("accent", s.accent[0] == '#' ? s.accent.substr(1) : s.accent);
  if (s.presentation) w.field("pres", "1");
  return w.out;
}

// ---- decoding -------------------------------------------------------------------------------------

namespace {

enum class Field { Version, View, Selected, Path, AsOf, Window, Kinds, Types, Rels, Themes, Origin, Range, Story,
                   Step, Embed, Theme, Accent, Presentation, Count };

// URL names; "select" is the older ?select= parameter of the page, read as sel.
bool fieldByName(std::string_view name, Field& out) {
  static const std::pair<std::string_view, Field> kNames[] = {
      {"v", Field::Version},       {"view", Field::View},     {"sel", Field::Selected},  {"select", Field::Selected},
      {"path", Field::Path},       {"asof", Field::AsOf},     {"win", Field::Window},    {"kinds", Field::Kinds},
      {"types", Field::Types},     {"rels", Field::Rels},     {"themes", Field::Themes}, {"origin", Field::Origin}, {"range", Field::Range},
      {"story", Field::Story},     {"step", Field::Step},     {"embed", Field::Embed},   {"theme", Field::Theme},
      {"accent", Field::Accent},   {"pres", Field::Presentation}};
  for (const auto& [n, f] : kNames) {
    if (n == name) { out = f; return true; }
  }
  return false;
}

int hexDigit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

bool percentDecode(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') { out += in[i]; continue; }
    const int hi = i + 1 < in.size() ? hexDigit(in[i + 1]) : -1;
    const int lo = i + 2 < in.size() ? hexDigit(in[i + 2]) : -1;
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

// The value as a warning shows it: quoted, control and non-ASCII bytes as \xNN, long ones cut.
std::string quoted(std::string_view v) {
  constexpr size_t kShown = 60;
  std::string s = "\"";
  for (size_t i = 0; i < v.size() && i < kShown; ++i) {
    const unsigned char ch = static_cast<unsigned char>(v[i]);
    if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') {
      s += static_cast<char>(ch);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", ch);
      s += buf;
    }
  }
  if (v.size() > kShown) s += "...";
  return s + "\"";
}

bool parseUint(std::string_view s, size_t digits, int& out) {
  if (s.size() != digits) return false;
  out = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
    out = out * 10 + (ch - '0');
  }
  return true;
}

// "YYYY", "YYYY-MM", "YYYY-MM-DD" and, when allowTime, "YYYY-MM-DDTHH:MM". A year or month stands for
// its first day, or its last when atEnd.
bool parseDay(std::string_view s, bool atEnd, bool allowTime, double& out) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  const size_t t = s.find('T');
  const std::string_view date = s.substr(0, t);
  if (t != std::string_view::npos) {
    const std::string_view time = s.substr(t + 1);
    if (!allowTime || date.size() != 10 || time.size() != 5 || time[2] != ':' ||
        !parseUint(time.substr(0, 2), 2, hh) || !parseUint(time.substr(3), 2, mm) || hh > 23 || mm > 59) {
      return false;
    }
  }
  if (!parseUint(date.substr(0, 4), 4, y) || y < 1) return false;
  if (date.size() > 4 && (date[4] != '-' || !parseUint(date.substr(5, 2), 2, m) || m < 1 || m > 12)) return false;
  if (date.size() > 7 && (date[7] != '-' || !parseUint(date.substr(8), 2, d) || d < 1 || d > daysInMonth(y, m))) {
    return false;
  }
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  if (d) out = daysFromCivil(y, m, d) + (hh * 60 + mm) / kMinutesPerDay;
  else if (m) out = atEnd ? daysFromCivil(y, m, daysInMonth(y, m)) : daysFromCivil(y, m, 1);
  else out = atEnd ? daysFromCivil(y, 12, 31) : daysFromCivil(y, 1, 1);
  return true;
}

// "FROM~TO" (or "FROM/TO"); an empty side is reported as missing.
bool splitRange(std::string_view s, std::string_view& from, std::string_view& to) {
  const size_t sep = s.find_first_of("~/");
  if (sep == std::string_view::npos || s.find_first_of("~/", sep + 1) != std::string_view::npos) return false;
  from = s.substr(0, sep);
  to = s.substr(sep + 1);
  return true;
}

class Reader {
 public:
  explicit Reader(std::vector<std::string>* warnings) : warnings_(warnings) {}

  void warn(std::string_view field, std::string_view value, std::string_view expected) {
    say(std::string(field) + ": expected " + std::string(expected) + ", found " + quoted(value));
  }
  void say(std::string message) {
    if (warnings_) warnings_->push_back(std::move(message));
  }

  void read(std::string_view text) {
    std::vector<bool> seen(static_cast<size_t>(Field::Count), false);
    std::string name, value;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find_first_of("&#?", start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view piece = text.substr(start, end - start);
      start = end + 1;
      if (piece.empty()) continue;
      const size_t eq = piece.find('=');
      Field f;
      // Unknown or undecodable names are someone else's (or a later version's) fields: skipped silently.
      if (!percentDecode(piece.substr(0, eq), name) || !fieldByName(name, f)) continue;
      const std::string_view raw = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
      if (seen[static_cast<size_t>(f)]) {
        say(name + ": given more than once; the later valid value " + quoted(raw) + " replaces the earlier");
      }
      seen[static_cast<size_t>(f)] = true;
      if (raw.size() > kMaxValueBytes) {
        say(name + ": expected at most " + std::to_string(kMaxValueBytes) + " bytes, found " +
            std::to_string(raw.size()) + " starting " + quoted(raw));
        continue;
      }
      if (!percentDecode(raw, value)) {
        warn(name, raw, "percent-encoding as %XX with two hex digits");
        continue;
      }
      apply(f, name, value);
    }
    // Fields that only mean something with another.
    if (!s.pathTo.empty() && s.selected.empty()) {
      warn("path", s.pathTo, "sel as well (a path runs from the selection)");
      s.pathTo.clear();
    }
    if (s.storyStep > 0 && s.story.empty()) {
      warn("step", std::to_string(s.storyStep + 1), "story as well");
      s.storyStep = 0;
    }
  }

  UrlState s;

 private:
  void apply(Field f, std::string_view name, std::string_view v) {
    switch (f) {
      case Field::Version: {
        int version = 0;
        if (v.empty() || v.size() > 6 || !parseUint(v, v.size(), version)) warn(name, v, "a version number such as 1");
        else if (version > kUrlStateVersion) warn(name, v, "version 1 or older (reading the fields this version knows)");
        return;
      }
      case Field::View: {
        View view;
        if (parseView(v, view)) s.view = std::string(v);
        else warn(name, v, "overview, timeline or graph");
        return;
      }
      case Field::Selected: readId(name, v, s.selected); return;
      case Field::Path: readId(name, v, s.pathTo); return;
      case Field::Story: readId(name, v, s.story); return;
      case Field::AsOf: {
        double day;
        if (v.empty()) s.asOf = kNoDay;
        else if (parseDay(v, false, false, day)) s.asOf = static_cast<int32_t>(day);
        else warn(name, v, "a date YYYY-MM-DD (or YYYY-MM, YYYY)");
        return;
      }
      case Field::Window: {
        std::string_view a, b;
        double from, to;
        if (!splitRange(v, a, b) || !parseDay(a, false, true, from) || !parseDay(b, true, true, to)) {
          warn(name, v, "two dates FROM~TO, each YYYY-MM-DD or YYYY-MM-DDTHH:MM");
        } else if (!(to > from)) {
          warn(name, v, "a window that ends after it starts");
        } else {
          s.windowFrom = from;
          s.windowTo = to;
        }
        return;
      }
      case Field::Range: {
        std::string_view a, b;
        double from = Date::kOpenStart, to = Date::kOpenEnd;
        if (!splitRange(v, a, b) || (!a.empty() && !parseDay(a, false, false, from)) ||
            (!b.empty() && !parseDay(b, true, false, to))) {
          warn(name, v, "FROM~TO, each a date YYYY-MM-DD (or YYYY-MM, YYYY) or empty for open");
        } else if (to < from) {
          warn(name, v, "a range that does not end before it starts");
        } else {
          s.filter.fromDay = static_cast<int32_t>(from);
          s.filter.toDay = static_cast<int32_t>(to);
        }
        return;
      }
      case Field::Kinds: {
        static const std::string kChoices = [] {
          std::vector<std::string_view> names;
          for (int k = 0; k < kKindCount; ++k) names.push_back(kindName(static_cast<Kind>(k)));
          return "a kind (" + joinChoices(names) + ")";
        }();
        readList(name, v, s.filter.kinds, kChoices, [](std::string_view item, Kind& k) { return parseKind(item, k); });
        return;
      }
      case Field::Types: {
        static const std::string kChoices =
            "an organisation type (" + joinChoices(typesOfKind(Kind::Organisation)) + ")";
        readList(name, v, s.filter.orgTypes, kChoices, [](std::string_view item, std::string& t) {
          t = std::string(item);
          return organisationTypeIndex(item) >= 0;
        });
        return;
      }
      case Field::Rels:
        readList(name, v, s.filter.relationTypes, "a relation type (see docs/corpus-format.md)",
                 [](std::string_view item, int& t) { return (t = relationTypeIndex(item)) >= 0; });
        return;
      case Field::Themes:
        readList(name, v, s.filter.themes, "a theme id (a-z, 0-9, -)", [](std::string_view item, std::string& t) {
          t = std::string(item);
          return item.size() <= kMaxIdBytes && isValidId(item);
        });
        return;
      case Field::Origin:
        readList(name, v, s.filter.origins, "map or own", [](std::string_view item, int& o) {
          o = item == "own" ? kOriginOwn : kOriginMap;
          return item == "own" || item == "map";
        });
        return;
      case Field::Step: {
        int step = 0;
        if (v.empty() || v.size() > 7 || !parseUint(v, v.size(), step) || step < 1 || step > kMaxStoryStep) {
          warn(name, v, "a step number from 1 to " + std::to_string(kMaxStoryStep));
        } else {
          s.storyStep = step - 1;
        }
        return;
      }
      case Field::Embed: readBool(name, v, s.embed); return;
      case Field::Presentation: readBool(name, v, s.presentation); return;
      case Field::Theme:
        if (v == "light" || v == "dark") s.theme = std::string(v);
        else warn(name, v, "light or dark");
        return;
      case Field::Accent: {
        const std::string_view hex = !v.empty() && v[0] == '#' ? v.substr(1) : v;
        if (hex.size() != 6 || !std::all_of(hex.begin(), hex.end(), [](char ch) { return hexDigit(ch) >= 0; })) {
          warn(name, v, "a colour rrggbb (six hex digits, '#' optional)");
          return;
        }
        s.accent = "#";
        for (char ch : hex) s.accent += static_cast<char>(ch >= 'A' && ch <= 'F' ? ch - 'A' + 'a' : ch);
        return;
      }
      case Field::Count: return;
    }
  }

  void readId(std::string_view name, std::string_view v, std::string& out) {
    if (v.empty()) out.clear();
    else if (v.size() <= kMaxIdBytes && isValidId(v)) out = std::string(v);
    else warn(name, v, "an id (a lower-case letter, then a-z, 0-9, -; at most 200 bytes)");
  }

  void readBool(std::string_view name, std::string_view v, bool& out) {
    if (v.empty() || v == "1" || v == "true" || v == "yes" || v == "on") out = true;
    else if (v == "0" || v == "false" || v == "no" || v == "off") out = false;
    else warn(name, v, "1 or 0");
  }

  // Comma-separated items; bad items are dropped one by one. The good ones replace what an earlier
  // copy of the field gave, unless there are none (an empty value clears the list).
  template <class T, class Parse>
  void readList(std::string_view name, std::string_view v, std::set<T>& out, const std::string& expected,
                Parse&& parse) {
    std::set<T> items;
    bool anyBad = false;
    for (size_t start = 0; start <= v.size();) {
      size_t end = v.find(',', start);
      if (end == std::string_view::npos) end = v.size();
      const std::string_view item = v.substr(start, end - start);
      start = end + 1;
      if (item.empty()) continue;
      T value{};
      if (parse(item, value)) items.insert(std::move(value));
      else { warn(name, item, expected); anyBad = true; }
    }
    if (!items.empty() || !anyBad) out = std::move(items);
  }

  std::vector<std::string>* warnings_;
};

}  // namespace

UrlState decodeUrlState(std::string_view hash, std::vector<std::string>* warnings) {
  Reader r(warnings);
  r.read(hash);
  return std::move(r.s);
}

}  // namespace nhsx
