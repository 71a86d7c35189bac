// The HTTP service: createApp(deps) builds it, listen() runs it.
export { createApp, PUBLIC_DIR, type AppDeps, type EhcpQaApp, type ServiceContext } from "./app.ts";
export { DEFAULT_SERVICE_LIMITS, settingsFromEnv, type ServiceLimits, type ServiceSettings } from "./config.ts";
export { listen, type ListenOptions, type RunningService } from "./listen.ts";
export { openApiDocument } from "./openapi.ts";
export { PROBLEM_CODES, PROBLEM_TYPES, problemType, ServiceProblem, type ProblemDetails, type ServiceProblemCode } from "./problems.ts";
export { ruleSetCatalog, type RuleSetCatalog, type RuleSetSummary } from "./rule-sets.ts";
