// The spreadsheet test files of tests/data/sheets, and import messages as text, for the sheet import
// and merge tests.
#pragma once
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/sheet_import.h"
#include "core/text_file.h"

inline std::string sheet(const char* name) {
  std::string text;
  REQUIRE(nhsx::readTextFile((std::filesystem::path(SOURCE_DIR) / "tests/data/sheets" / name).string(), text));
  return text;
}

inline std::vector<std::string> lines(const std::vector<nhsx::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const nhsx::Diagnostic& d : ds) out.push_back(nhsx::formatImportDiagnostic(d));
  return out;
}
