// The one stylesheet Second Source puts into the page itself: highlight marks of figures and statements only (tooltips live in the shadow root), removed on close.

/**
 * Rules for our marks. They must beat the page's own CSS, so every declaration is !important and every
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
/* The badge after a figure's and before a statement's first mark: a second cue beside the colour. */
mark[data-second-source="figure"][data-ss-first]::after,
mark[data-second-source="statement"][data-ss-first]::before {
  display: inline-block !important;
  padding: 0 4px !important;
  border-radius: 8px !important;
  font: 700 0.7em/1.5 system-ui, sans-serif !important;
  vertical-align: 0.35em !important;
  text-decoration: none !important;
  color: #fff !important;
}
mark[data-second-source="figure"][data-ss-first]::after {
  margin-left: 3px !important;
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
mark[data-second-source="statement"] {
  color: inherit !important;
  font: inherit !important;
  padding: 0 !important;
  margin: 0 !important;
  background: rgba(31, 79, 153, 0.07) !important;
  border-radius: 2px !important;
  cursor: help !important;
  text-decoration: underline dotted rgb(31, 79, 153) 2px !important;
  text-decoration-skip-ink: none !important;
  text-underline-offset: 4px !important;
  box-shadow: none !important;
  outline: none !important;
}
mark[data-second-source="statement"][data-relation="conflicts"] {
  background: rgba(150, 80, 0, 0.09) !important;
  text-decoration: underline dashed rgb(140, 70, 0) 2px !important;
}
/* A statement's second cue is a quotation-mark badge (figures have "≠" and "✓"); a conflict adds "≠". */
mark[data-second-source="statement"][data-ss-first]::before {
  margin-right: 3px !important;
  content: "\\201C" / "" !important;
  background: rgb(31, 79, 153) !important;
}
mark[data-second-source="statement"][data-relation="conflicts"][data-ss-first]::before {
  content: "\\201C\\2260" / "" !important;
  background: rgb(140, 70, 0) !important;
}
mark[data-second-source="statement"]:focus-visible {
  outline: 3px solid rgb(31, 79, 153) !important;
  outline-offset: 2px !important;
}
`;
