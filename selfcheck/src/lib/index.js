/* The pure modules (no DOM), as namespaces. */
export * as assessments from "./assessments.js";
export * as csv from "./csv.js";
export * as exportFile from "./export.js";
export * as merge from "./merge.js";
export * as readiness from "./readiness.js";
export * as scoring from "./scoring.js";
export * as share from "./share.js";
export * as store from "./store.js";
