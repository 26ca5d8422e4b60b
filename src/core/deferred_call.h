#pragma once
// Code that goes into the deferred wasm module (tools/deferred-code.txt) must stay a function of its own.
// The link's optimiser (binaryen at -O3) inlines a function called from one place into its caller, which
// would make its code part of the caller, which the first view may need. Called through
// deferredCall(&function) (a pointer read back from a volatile), the call is indirect: neither the
// compiler nor the link can inline it. (Works for member functions too: (this->*deferredCall(&C::f))(...).)
namespace nhsx {

template <class Function>
Function deferredCall(Function f) {
  volatile Function opaque = f;
  return opaque;
}

}  // namespace nhsx
