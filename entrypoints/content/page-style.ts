// The one stylesheet Second Source puts into the page itself: highlight marks and their tooltips, removed on close.

/**
 * Rules for our marks and tooltips. They must beat the page's own CSS, so every declaration is !important and every
 * selector names our attributes (more specific than the page's bare `mark`, `*` or `div` rules). The relation is
 * shown by colour and by a second cue: differs has a wavy underline and a "≠" badge, agrees a solid underline and "✓".
 */
export const PAGE_CSS = `
mark[data-second-source="figure"] {
  color: inherit !important;
  font: inherit !important;
  padding: 0 2px !important;
  margin: 0 !important;
  border-radius: 3px !important;
  cursor: help !important;
  text-decoration-skip-ink: none !important;
  text-underline-offset: 3px !important;
  box-shadow: none !important;
  outline: none !important;
}
mark[data-second-source="figure"][data-relation="differs"] {
  background: rgba(196, 43, 28, 0.13) !important;
  text-decoration: underline wavy rgb(170, 35, 25) 2px !important;
}
mark[data-second-source="figure"][data-relation="agrees"] {
  background: rgba(30, 120, 60, 0.12) !important;
  text-decoration: underline solid rgb(30, 110, 55) 2px !important;
}
mark[data-second-source="figure"][data-ss-first]::after {
  display: inline-block !important;
  margin-left: 3px !important;
  padding: 0 4px !important;
  border-radius: 8px !important;
  font: 700 0.7em/1.5 system-ui, sans-serif !important;
  vertical-align: 0.35em !important;
  text-decoration: none !important;
  color: #fff !important;
}
mark[data-second-source="figure"][data-relation="differs"][data-ss-first]::after {
  content: "\\2260" / "" !important;
  background: rgb(170, 35, 25) !important;
}
mark[data-second-source="figure"][data-relation="agrees"][data-ss-first]::after {
  content: "\\2713" / "" !important;
  background: rgb(30, 110, 55) !important;
}
mark[data-second-source="figure"]:focus-visible {
  outline: 3px solid rgb(31, 79, 153) !important;
  outline-offset: 2px !important;
}
mark[data-second-source="figure"][data-ss-flash] {
  outline: 3px solid rgb(31, 79, 153) !important;
  outline-offset: 3px !important;
}
second-source-tip[role="tooltip"] {
  all: initial !important;
  position: fixed !important;
  z-index: 2147483647 !important;
  display: block !important;
  box-sizing: border-box !important;
  max-width: min(360px, calc(100vw - 16px)) !important;
  padding: 10px 12px !important;
  border-radius: 8px !important;
  background: rgb(29, 35, 48) !important;
  color: rgb(255, 255, 255) !important;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25) !important;
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif !important;
  text-align: left !important;
  pointer-events: none !important;
}
second-source-tip[role="tooltip"][hidden] {
  display: none !important;
}
second-source-tip[role="tooltip"] > ss-line {
  all: initial !important;
  display: block !important;
  color: inherit !important;
  font: inherit !important;
  margin: 2px 0 0 !important;
}
second-source-tip[role="tooltip"] > ss-line[data-kind="head"] {
  font-weight: 700 !important;
  margin: 0 0 4px !important;
}
second-source-tip[role="tooltip"] > ss-line[data-kind="more"] {
  color: rgb(190, 198, 212) !important;
}
`;
