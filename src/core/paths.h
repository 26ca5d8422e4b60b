// Shortest connections between two entities over relations, and how to read one aloud.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

// One hop: the relation taken and the entity it leads to. forward is true when the relation points
// the way the path goes (relation.from is the previous entity), false when it is walked backwards.
struct PathStep {
  uint32_t relation = 0;
  uint32_t entity = 0;
  bool forward = true;
};

struct Path {
  uint32_t from = 0;
  std::vector<PathStep> steps;  // empty when from is the target itself
};

// Every shortest path from `from` to `to` (relations walked either way; self-relations never help),
// at most maxPaths of them. Two relations between the same two entities make two paths. Order is
// deterministic: paths compare step by step by (entity index, relation index). relationMask, when
// given, has one byte per relation: 1 = the relation may be used (indices past its end may not).
// Returns no path when they are not connected or an index is out of range; one empty path when
// from == to. Searches from both ends, level by level, always growing the smaller frontier.
std::vector<Path> shortestPaths(const Corpus& c, uint32_t from, uint32_t to, size_t maxPaths = 5,
                                const std::vector<uint8_t>* relationMask = nullptr);

// "Macmillan Cancer Support — partner in → X ← leads — Y": a forward step reads
// " — label → name", a backward one " ← label — name" (Y leads X).
std::string describePath(const Corpus& c, const Path& p);

}  // namespace nhsx
