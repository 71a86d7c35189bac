// An audit pool child that cannot start (as when ehcp-qa's own code fails to load): every task sent to it must be
// answered INTERNAL, never a file's fault, and never left waiting.
throw new Error("this child cannot start");
