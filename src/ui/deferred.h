#pragma once
// The panels whose code goes into the deferred wasm module (tools/deferred-code.txt: the import review,
// the paste box, the story editor, the Compare, Filters and Sources tabs, the help list, the menu, the
// open search box, the legend and the graph's popups) are each called from one place in the frame loop.
// The link's optimiser (binaryen at -O3) inlines a function called from one place into its caller,
// which would make their code part of the frame loop, which the first view needs. Called through
// deferredCall(&function) (a pointer read back from a volatile), the call is indirect: neither the
// compiler nor the link can inline it, and the panel stays a function of its own, in the deferred
// module. The caller tests whether the panel is open first: a closed panel must not load that module.
#include "core/deferred_call.h"  // deferredCall
