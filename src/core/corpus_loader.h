// Reads a corpus JSON text into an indexed Corpus, reporting every problem with its location.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

struct Diagnostic {
  std::string where;    // "line:column" for syntax errors, a JSON path ("/entities/3/kind") otherwise
  std::string message;  // what is wrong: expected vs found
};

struct LoadResult {
  Corpus corpus;  // complete only when ok
  std::vector<Diagnostic> errors;
  bool ok() const { return errors.empty(); }
};

// Parses, validates and indexes. Never throws; all problems land in errors. A large text is read with
// a second thread (natively) unless allowThreads is false; the result is the same either way.
LoadResult loadCorpus(std::string_view json, bool allowThreads = true);

// The site's bundled corpus comes in two parts (tools/split-corpus.mjs), so that its first view waits
// for neither its citations nor its sources: the first part is the corpus without them, with
// "splitFrom" (the sha256 of the whole corpus); the second is {format, splitFrom, sources, cited:
// [{id, citations, figures: [{citations}]}, {id: a story's, steps: [{citations}]}]}. loadCorpusView
// reads a first part (and only that: a corpus with citations or sources is refused, as loadCorpus
// refuses a first part); the corpus it gives is CitationsState::Pending. attachCitations then checks a
// second part against it by the same rules as a whole corpus (every item that must cite gets its
// citations, every cited source is listed, ids are unique) and adds them; when it is refused, the
// corpus stays as it was (Pending: no citation, no source) and the errors say where.
LoadResult loadCorpusView(std::string_view json);
std::vector<Diagnostic> attachCitations(Corpus& corpus, std::string_view json);

// Stories to add to a corpus that is loaded already (a story file, a shared story): one story object
// {id, title, steps} or {"stories": [...]}, checked by the same rules as a corpus's stories, their
// entity and source ids looked up in `base`. Errors are located in the text ("/steps/1/narration", or
// "/stories/0/..." for a list); the stories come only when there are none.
struct StoriesResult {
  std::vector<Story> stories;
  std::vector<Diagnostic> errors;
  bool ok() const { return errors.empty(); }
};
StoriesResult loadStories(std::string_view json, const Corpus& base);

// "corpus.json: /entities/3/kind: expected ..., found ..."
std::string formatDiagnostic(std::string_view file, const Diagnostic& d);

// Line and column (1-based, columns in bytes) of a byte offset in text.
void lineColumn(std::string_view text, size_t offset, size_t& line, size_t& column);

}  // namespace nhsx
