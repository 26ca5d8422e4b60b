// "Organise by body" on the timeline (core/timeline_groups.h): which body each document and programme
// is under, the lanes that makes on the bundled corpus, that each is packed on its own (rows never
// overlap, with their labels), the option's action and its deep link.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

#include "bundled_corpus.h"
#include "core/actions.h"
#include "core/time_scale.h"
#include "core/timeline_groups.h"
#include "core/timeline_layout.h"
#include "core/view_link.h"

using namespace nhsx;

namespace {

const int32_t kToday = daysFromCivil(2025, 6, 1);

bool owned(const TimelineItem& it) {
  return !it.isEvent && (it.kindLane == static_cast<uint8_t>(Lane::Documents) ||
                         it.kindLane == static_cast<uint8_t>(Lane::Programmes));
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("by body: each document and programme is under the body that owns it, the rest under one lane",
          "[timeline][timeline-groups]") {
  const Corpus& c = bundledCorpus();
  TimelineLayout L;
  L.build(c, kToday, nullptr, TimelineGrouping::Body);
  REQUIRE(L.grouping() == TimelineGrouping::Body);
  const std::vector<BodyOwner> owners = bodyOwners(c);
  const std::vector<uint32_t> bodyGroup = lifelineGroups(c);  // a body's names are one group
  size_t underBody = 0, unlinked = 0;
  for (uint32_t i = 0; i < L.size(); ++i) {
    const TimelineItem& it = L.items()[i];
    const std::string& title = L.laneTitle(it.lane);
    if (it.isEvent) {
      CHECK(startsWith(title, "Events"));
      continue;
    }
    INFO(c.entities[it.source].id << " in lane " << it.lane << " \"" << title << "\"");
    if (owned(it)) {
      const int32_t o = owners[it.source].body;
      if (o >= 0) {
        // Under its body: the lane of that body's group, not the body's own row.
        CHECK(L.laneBody(it.lane) == static_cast<int32_t>(bodyGroup[static_cast<size_t>(o)]));
        const bool underRow = it.lane > 0 && L.laneBody(it.lane - 1) == L.laneBody(it.lane) && !L.hasHeader(it.lane);
        CHECK((underRow || L.hasHeader(it.lane)));
        ++underBody;
      } else {
        CHECK(title.rfind("Not linked to a body", 0) == 0);
        CHECK(L.laneBody(it.lane) == -1);
        ++unlinked;
      }
    } else if (it.kindLane == static_cast<uint8_t>(Lane::Organisations)) {
      // A body with documents or programmes heads its group with its own row; the others share a lane.
      const int32_t b = L.laneBody(it.lane);
      CHECK((b == static_cast<int32_t>(bodyGroup[it.source]) || startsWith(title, "Other organisations")));
      if (b >= 0) CHECK(L.rowCount(it.lane) == 1);  // its lifeline: one row across its renamings
    } else {
      CHECK(startsWith(title, "People"));
    }
  }
  CHECK(underBody >= 20);  // 26 of the dated documents and programmes name their publisher or lead (Dec 2026)
  CHECK(unlinked > 0);
  // No lane is empty; each lane's first item starts the lane's run, each body's header names it.
  for (int l = 0; l < L.laneCount(); ++l) {
    INFO("lane " << l << " " << L.laneTitle(l));
    CHECK(L.rowCount(l) > 0);
    CHECK(L.countIntersecting(l, -1e12, 1e12) > 0);
    if (l == 0) CHECK(L.hasHeader(l));
  }

  auto laneOf = [&](const char* id) {
    const int e = c.findEntity(id);
    REQUIRE(e >= 0);
    const int i = L.itemOfEntity(static_cast<uint32_t>(e));
    REQUIRE(i >= 0);
    return static_cast<int>(L.items()[static_cast<size_t>(i)].lane);
  };
  auto bodyOf = [&](const char* id) { return L.laneBody(laneOf(id)); };
  const int32_t dhsc = static_cast<int32_t>(bodyGroup[static_cast<size_t>(c.findEntity("org-dhsc"))]);
  // The mandates: published by the Department (DH, then DHSC: one body), one row as a series; the
  // 2025 mandate, published by the Government, goes under the Government.
  CHECK(bodyOf("doc-mandate-2012") == dhsc);
  CHECK(bodyOf("doc-mandate-2023") == dhsc);
  CHECK(laneOf("doc-mandate-2012") == laneOf("doc-mandate-2022-23"));
  CHECK(L.rowOf(static_cast<uint32_t>(L.itemOfEntity(static_cast<uint32_t>(c.findEntity("doc-mandate-2012"))))) ==
        L.rowOf(static_cast<uint32_t>(L.itemOfEntity(static_cast<uint32_t>(c.findEntity("doc-mandate-2019-20"))))));
  CHECK(bodyOf("doc-mandate-2025") == c.findEntity("org-government"));
  CHECK(bodyOf("doc-five-year-forward-view") == c.findEntity("org-nhs-england"));
  CHECK(bodyOf("prog-provider-options-2015-16") == c.findEntity("org-government"));  // led by it
  CHECK(laneOf("org-nhs-england") + 1 == laneOf("doc-five-year-forward-view"));     // its row, then its documents
  CHECK(startsWith(L.laneTitle(laneOf("org-dhsc")), "Department of Health and Social Care ("));  // its latest name
  CHECK(bodyOf("doc-health-and-social-care-act-2012") == -1);  // an act: no publishing body in the corpus
  // Two publishers: the first in the corpus's order, and the tooltip says there is another.
  const uint32_t letter = static_cast<uint32_t>(c.findEntity("doc-mutuals-letter-2014"));
  CHECK(owners[letter].candidates == 2);
  const std::string note = ownerNote(c, owners, letter);
  CHECK(startsWith(note, "Under "));
  CHECK(note.find("also linked to") != std::string::npos);
  CHECK(startsWith(ownerNote(c, owners, static_cast<uint32_t>(c.findEntity("doc-health-and-social-care-act-2012"))),
                   "Not linked to a body"));
  // Successions join rows within a lane only (no line across other bodies' groups).
  TimelineLayout byKind;
  byKind.build(c, kToday);
  CHECK(byKind.laneCount() == kLaneCount);
  CHECK(L.links().size() <= byKind.links().size());
  for (const TimelineLink& k : L.links()) CHECK(L.items()[k.fromItem].lane == L.items()[k.toItem].lane);
  // The bodies with the most documents and programmes first: the Department (the mandates) leads.
  CHECK(L.laneBody(0) == dhsc);
}

TEST_CASE("by body: every lane is packed on its own, rows and labels never overlap", "[timeline][timeline-groups]") {
  const Corpus& c = bundledCorpus();
  TimelineLayout L;
  L.build(c, kToday, nullptr, TimelineGrouping::Body);
  std::vector<float> widths(L.size());
  for (size_t i = 0; i < L.size(); ++i) widths[i] = 7.f * static_cast<float>(L.items()[i].label.size());
  for (double years : {200.0, 40.0, 12.0, 3.0}) {
    TimeScale s;
    s.setView(daysFromCivil(2025, 1, 1) - years * 365.25, daysFromCivil(2025, 1, 1), 1000.f);
    L.packForZoom(s.pxPerDay(), UINT32_MAX);
    INFO(years << " years across 1000 px");
    // Rows by start, never overlapping at this zoom.
    for (int l = 0; l < L.laneCount(); ++l) {
      std::vector<uint32_t> inLane;
      L.visible(-1e12, 1e12, l, 0, L.rowCount(l), inLane);
      CHECK(inLane.size() == L.countIntersecting(l, -1e12, 1e12));
      // Row by row (visible() gives each row in start order): an item that starts a row's run (not the
      // next name of a body or the next mandate of a series, which continue it) begins after everything
      // before it in its row has ended, at this zoom.
      double busyUntil = -1e300;
      for (size_t k = 0; k < inLane.size(); ++k) {
        const TimelineItem& it = L.items()[inLane[k]];
        if (k > 0 && L.rowOf(inLane[k - 1]) != L.rowOf(inLane[k])) busyUntil = -1e300;
        if (k > 0 && L.rowOf(inLane[k - 1]) == L.rowOf(inLane[k])) CHECK(L.items()[inLane[k - 1]].rangeStart <= it.rangeStart);
        double from, to;
        L.packExtent(it, L.packedPxPerDay(), L.style().minItemPx, from, to);
        if (!it.continues) CHECK(from >= busyUntil - 1e-6);
        busyUntil = std::max(busyUntil, to);
      }
    }
    // Labels as placed: none over another label, and each within its row, clear of every header.
    std::vector<uint32_t> vis;
    L.visible(s, 0.f, L.totalHeight(), vis);
    std::vector<PlacedItem> placed;
    L.place(s, vis, widths, -1, placed);
    for (size_t a = 0; a < placed.size(); ++a) {
      const PlacedItem& p = placed[a];
      if (p.fit == LabelFit::Hidden) continue;
      const float top = L.rowTop(p.lane, p.row);
      CHECK(p.y0 >= top);
      CHECK(p.y1 <= top + L.style().rowHeight);
      for (int l = 0; l < L.laneCount(); ++l) {
        if (!L.hasHeader(l)) continue;
        const float h0 = L.laneTop(l), h1 = h0 + L.headerHeight(l);
        CHECK((p.y1 <= h0 || p.y0 >= h1));
      }
      for (size_t b = a + 1; b < placed.size(); ++b) {
        const PlacedItem& q = placed[b];
        if (q.fit == LabelFit::Hidden || q.lane != p.lane || q.row != p.row) continue;
        CHECK((p.labelX + p.labelMaxPx <= q.labelX || q.labelX + q.labelMaxPx <= p.labelX));
      }
    }
  }
}

TEST_CASE("by body: a folded group stays folded when the filters rebuild it", "[timeline][timeline-groups]") {
  const Corpus& c = bundledCorpus();
  TimelineLayout L;
  L.build(c, kToday, nullptr, TimelineGrouping::Body);
  const int e = c.findEntity("org-nhs-england");
  const int lane = L.items()[static_cast<size_t>(L.itemOfEntity(static_cast<uint32_t>(e)))].lane;
  REQUIRE(L.hasHeader(lane));
  REQUIRE_FALSE(L.hasHeader(lane + 1));
  L.setCollapsed(lane, true);
  CHECK(L.collapsed(lane + 1));  // its documents fold with it
  std::vector<uint8_t> mask(c.entities.size(), 1);
  mask[static_cast<size_t>(c.findEntity("doc-mandate-2025"))] = 0;
  L.build(c, kToday, &mask, TimelineGrouping::Body);
  const int again = L.items()[static_cast<size_t>(L.itemOfEntity(static_cast<uint32_t>(e)))].lane;
  CHECK(L.collapsed(again));
  CHECK(L.collapsed(again + 1));
  // Filtered to documents only: no body's own row, so its documents lane takes its header.
  std::vector<uint8_t> docs(c.entities.size(), 0);
  for (uint32_t k = 0; k < c.entities.size(); ++k) docs[k] = c.entities[k].kind == Kind::Document;
  L.build(c, kToday, &docs, TimelineGrouping::Body);
  for (int l = 0; l < L.laneCount(); ++l) {
    CHECK(L.rowCount(l) > 0);
    if (L.laneBody(l) >= 0) CHECK(L.hasHeader(l));
  }
  const int fyfv = L.itemOfEntity(static_cast<uint32_t>(c.findEntity("doc-five-year-forward-view")));
  REQUIRE(fyfv >= 0);
  CHECK(startsWith(L.laneTitle(L.items()[static_cast<size_t>(fyfv)].lane), "NHS England ("));
}

TEST_CASE("the timeline's grouping goes through the one path and the deep link", "[timeline-groups][url]") {
  const Corpus& c = bundledCorpus();
  AppState s;
  CHECK(applyAction(c, s, act::SetTimelineGrouping{true}) == kChangeLook);
  CHECK(s.timelineByBody);
  CHECK(applyAction(c, s, act::SetTimelineGrouping{true}) == 0);  // nothing changed
  s.view = View::Timeline;
  const std::string link = encodeViewLink(s, c);
  CHECK(link.find("group=body") != std::string::npos);
  std::vector<std::string> warnings;
  bool hasWindow = false;
  const ViewState back = decodeViewLink(link, c, &warnings, &hasWindow, nullptr);
  CHECK(warnings.empty());
  CHECK(back.timelineByBody);
  CHECK(back == static_cast<const ViewState&>(s));
  // By kind is the default: not written; "kind" reads as it; anything else warns and is dropped.
  CHECK(applyAction(c, s, act::SetTimelineGrouping{false}) == kChangeLook);
  CHECK(encodeViewLink(s, c).find("group=") == std::string::npos);
  CHECK_FALSE(decodeViewLink("#v=1&group=kind", c, &warnings, &hasWindow, nullptr).timelineByBody);
  CHECK(warnings.empty());
  CHECK_FALSE(decodeViewLink("#v=1&group=banana", c, &warnings, &hasWindow, nullptr).timelineByBody);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("group") != std::string::npos);
}
