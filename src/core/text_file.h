// Reads a whole file into a string (corpus files, seed documents, fonts on the desktop).
#pragma once
#include <string>

namespace nhsx {

// False (and `out` untouched) when the file cannot be opened.
bool readTextFile(const std::string& path, std::string& out);

}  // namespace nhsx
