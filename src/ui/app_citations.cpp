// The bundled corpus's second part (its citations and sources), attached after the first view: code of
// the deferred wasm module (tools/deferred-code.txt), as the page has that module by then
// (web/explorer-citations.js waits for it). App::ensureCitations, which the hot code calls, stays in app.cpp.
#include "ui/app.h"
#include "ui/deferred.h"

namespace nhsx {

const std::vector<Diagnostic>& App::attachCitations(std::string_view text, std::string_view name) {
  // Through a pointer the link cannot inline: the checks stay a function of their own, in the deferred
  // module (tools/deferred-code.txt names it), not in App's.
  lastErrors_ = deferredCall(&nhsx::attachCitations)(corpus_, text);
  if (lastErrors_.empty()) {
    search_.forgetIndex();  // the quotes are searchable now
    return lastErrors_;
  }
  if (corpus_.citationsState != CitationsState::Pending) return lastErrors_;  // none awaited: nothing to say
  std::vector<std::string> lines;
  for (const Diagnostic& d : lastErrors_) lines.push_back(formatDiagnostic(name, d));
  corpus_.citationsState = CitationsState::Missing;
  adopt(Corpus{}, std::string(name) + " (the map's citations and sources)", std::move(lines));  // lists them; keeps the corpus
  return lastErrors_;
}

void App::citationsMissing(std::string_view name, std::string why) {
  if (corpus_.citationsState != CitationsState::Pending) return;
  corpus_.citationsState = CitationsState::Missing;
  adopt(Corpus{}, std::string(name) + " (the map's citations and sources)", {std::move(why)});
}

}  // namespace nhsx
