// A batch worker that cannot start (as when ehcp-qa's own code fails to load): every plan sent to it must become a
// row with INTERNAL, never a file's fault.
throw new Error("this worker cannot start");
