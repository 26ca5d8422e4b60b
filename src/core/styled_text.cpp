#include "core/styled_text.h"

#include <algorithm>

namespace nhsx {

namespace {
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Marker {
  enum Type : uint8_t { Star, SupOpen, SupClose } type;
  size_t pos, len;
  bool canOpen, canClose;
  int partner = -1;  // index of the matching marker, -1 when it stays as text
};

std::vector<Marker> findMarkers(std::string_view t) {
  std::vector<Marker> out;
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '*') {
      size_t j = i;
      while (j < t.size() && t[j] == '*') ++j;
      const size_t len = j - i;
      if (len <= 3) {
        const bool canOpen = j < t.size() && !isSpace(t[j]);
        const bool canClose = i > 0 && !isSpace(t[i - 1]);
        out.push_back({Marker::Star, i, len, canOpen, canClose});
      }
      i = j;
    } else if (t.compare(i, 5, "<sup>") == 0) {
      out.push_back({Marker::SupOpen, i, 5, true, false});
      i += 5;
    } else if (t.compare(i, 6, "</sup>") == 0) {
      out.push_back({Marker::SupClose, i, 6, false, true});
      i += 6;
    } else {
      ++i;
    }
  }
  // Pair them: a closer takes the nearest open marker of its kind (and length); markers opened after
  // that one and never closed stay text.
  std::vector<int> open;
  for (int m = 0; m < static_cast<int>(out.size()); ++m) {
    Marker& mk = out[static_cast<size_t>(m)];
    if (mk.canClose) {
      for (int k = static_cast<int>(open.size()) - 1; k >= 0; --k) {
        Marker& o = out[static_cast<size_t>(open[static_cast<size_t>(k)])];
        const bool fits = mk.type == Marker::Star ? (o.type == Marker::Star && o.len == mk.len) : o.type == Marker::SupOpen;
        if (!fits) continue;
        o.partner = m;
        mk.partner = open[static_cast<size_t>(k)];
        open.resize(static_cast<size_t>(k));
        break;
      }
      if (mk.partner >= 0) continue;
    }
    if (mk.canOpen) open.push_back(m);
  }
  return out;
}
}  // namespace

std::vector<TextRun> emphasisRuns(std::string_view t) {
  std::vector<TextRun> runs;
  int bold = 0, italic = 0, sup = 0;
  size_t from = 0;
  auto flush = [&](size_t to) {
    if (to > from) runs.push_back({t.substr(from, to - from), bold > 0, italic > 0, sup > 0});
  };
  const std::vector<Marker> markers = findMarkers(t);
  for (int m = 0; m < static_cast<int>(markers.size()); ++m) {
    const Marker& mk = markers[static_cast<size_t>(m)];
    if (mk.partner < 0) continue;  // stays in the text
    flush(mk.pos);
    from = mk.pos + mk.len;
    const int step = mk.partner > m ? 1 : -1;  // opens when its partner comes later
    if (mk.type != Marker::Star) sup += step;
    else {
      if (mk.len >= 2) bold += step;
      if (mk.len != 2) italic += step;
    }
  }
  flush(t.size());
  return runs;
}

WrappedText wrapRuns(const std::vector<TextRun>& runs, float width, const MeasureText& measure) {
  WrappedText out;
  // Words: maximal stretches of non-space characters, possibly across runs; each as its pieces.
  struct Piece {
    size_t run;
    std::string_view text;
    float w;
  };
  std::vector<Piece> word;
  float wordW = 0;
  float x = 0;       // where the next thing goes on the current line
  float spaceW = 0;  // a space pending before the next word (from the style it was in)
  bool lineEmpty = true;
  auto newLine = [&]() {
    ++out.lines;
    x = 0;
    spaceW = 0;
    lineEmpty = true;
  };
  auto place = [&](size_t run, std::string_view text, float w) {
    out.pieces.push_back({run, text, x, out.lines});
    x += w;
    out.width = std::max(out.width, x);
    lineEmpty = false;
  };
  auto emitWord = [&]() {
    if (word.empty()) return;
    if (!lineEmpty && x + spaceW + wordW > width) newLine();
    if (!lineEmpty) x += spaceW;
    if (wordW <= width || !lineEmpty) {
      for (const Piece& p : word) place(p.run, p.text, p.w);
    } else {
      // Wider than a line: break between characters (UTF-8 sequences kept whole).
      for (const Piece& p : word) {
        std::string_view rest = p.text;
        while (!rest.empty()) {
          size_t n = 0;
          float w = 0;
          while (n < rest.size()) {
            size_t next = n + 1;
            while (next < rest.size() && (static_cast<unsigned char>(rest[next]) & 0xC0) == 0x80) ++next;
            const float wn = measure(rest.substr(0, next), runs[p.run]);
            if (x + wn > width && (n > 0 || !lineEmpty)) break;
            n = next;
            w = wn;
          }
          if (n == 0) { newLine(); continue; }
          place(p.run, rest.substr(0, n), w);
          rest.remove_prefix(n);
          if (!rest.empty()) newLine();
        }
      }
    }
    word.clear();
    wordW = 0;
    spaceW = 0;
  };
  for (size_t r = 0; r < runs.size(); ++r) {
    std::string_view s = runs[r].text;
    while (!s.empty()) {
      const char c = s[0];
      if (c == '\n') {
        emitWord();
        newLine();
        s.remove_prefix(1);
        continue;
      }
      if (isSpace(c)) {
        emitWord();
        if (!lineEmpty) spaceW = measure(" ", runs[r]);
        s.remove_prefix(1);
        continue;
      }
      size_t n = 0;
      while (n < s.size() && !isSpace(s[n])) ++n;
      const float w = measure(s.substr(0, n), runs[r]);
      word.push_back({r, s.substr(0, n), w});
      wordW += w;
      s.remove_prefix(n);
    }
  }
  emitWord();
  if (!out.pieces.empty() || out.lines > 0) ++out.lines;
  return out;
}

}  // namespace nhsx
