#include "core/seed_texts.h"

#include <filesystem>

#include "core/sha256.h"
#include "core/text_file.h"

namespace nhsx {

std::vector<Diagnostic> readSeedTexts(const Corpus& c, const std::string& dir, std::map<std::string, std::string>& out) {
  std::vector<Diagnostic> errors;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    errors.push_back({dir, "the folder of seed documents does not exist"});
    return errors;
  }
  for (size_t i = 0; i < c.sources.size(); ++i) {
    const Source& s = c.sources[i];
    if (s.seed.empty()) continue;
    const std::string where = "/sources/" + std::to_string(i);
    const std::string path = (std::filesystem::path(dir) / s.seed).string();
    std::string text;
    if (!readTextFile(path, text)) {
      errors.push_back({where + "/seed", "seed document \"" + s.seed + "\" of source \"" + s.id + "\" is missing from " + dir});
      continue;
    }
    if (!s.seedSha256.empty()) {
      const std::string found = sha256Hex(text);
      if (found != s.seedSha256) {
        errors.push_back({where + "/seedSha256", "\"" + path + "\" is not the text source \"" + s.id +
                                                     "\" was modelled from: its sha256 is " + found + ", the corpus records " +
                                                     s.seedSha256});
      }
    }
    out[s.seed] = std::move(text);
  }
  return errors;
}

}  // namespace nhsx
