#include "core/text_file.h"

#include <fstream>
#include <sstream>

namespace nhsx {

bool readTextFile(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace nhsx
