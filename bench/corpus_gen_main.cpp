// corpus-gen: writes a generated corpus to stdout.  corpus-gen ENTITIES RELATIONS [EVENTS] [SEED]
#include <cstdio>
#include <cstdlib>

#include "core/corpus_gen.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: corpus-gen ENTITIES RELATIONS [EVENTS] [SEED] > corpus.json\n");
    return 2;
  }
  nhsx::GenOptions o;
  o.entities = static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10));
  o.relations = static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10));
  if (argc > 3) o.events = static_cast<uint32_t>(std::strtoul(argv[3], nullptr, 10));
  if (argc > 4) o.seed = static_cast<uint32_t>(std::strtoul(argv[4], nullptr, 10));
  const std::string s = nhsx::generateCorpus(o);
  std::fwrite(s.data(), 1, s.size(), stdout);
  return 0;
}
