/**
 * The directory's stylesheet, served by the hub itself (no CDN, so it works offline). Colours and sizes are
 * custom properties, logical properties (`margin-inline-start`) make right-to-left pages mirror by themselves.
 */
export const DIRECTORY_CSS = `
:root {
  --agora-font: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif;
  --agora-text: #1d1d1f;
  --agora-muted: #4a4a55;
  --agora-background: #ffffff;
  --agora-surface: #f4f4f7;
  --agora-accent: #0b5cad;
  --agora-accent-text: #ffffff;
  --agora-mark: #fff1a8;
  --agora-radius: 0.5rem;
  --agora-width: 56rem;
}
* { box-sizing: border-box; }
body { margin: 0; font-family: var(--agora-font); color: var(--agora-text); background: var(--agora-background); line-height: 1.5; }
a { color: var(--agora-accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--agora-accent); outline-offset: 2px; }
.site-header, main, .site-footer { max-width: var(--agora-width); margin: 0 auto; padding: 1rem; }
.site-header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 1rem; }
.site-name { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.languages ul { display: flex; gap: 0.75rem; list-style: none; margin: 0; padding: 0; }
.languages a[aria-current="true"] { font-weight: 700; text-decoration: none; color: var(--agora-text); }
.search label { display: block; font-weight: 600; margin-block-end: 0.25rem; }
.search-row { display: flex; gap: 0.5rem; }
.search input[type="search"] { flex: 1; font: inherit; padding: 0.6rem 0.75rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); }
button, .button { font: inherit; padding: 0.6rem 1rem; border: 0; border-radius: var(--agora-radius); background: var(--agora-accent); color: var(--agora-accent-text); text-decoration: none; display: inline-block; cursor: pointer; }
.types { border: 0; padding: 0; margin: 0.75rem 0 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.types label { font-weight: 400; display: inline-flex; gap: 0.35rem; align-items: center; }
.hits { list-style: none; padding: 0; }
.hit { padding: 1rem; margin-block: 0.75rem; background: var(--agora-surface); border-radius: var(--agora-radius); }
.hit h2 { margin: 0.1rem 0; font-size: 1.15rem; }
.hit-type { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--agora-muted); margin: 0; }
.facts, .count { color: var(--agora-muted); margin: 0.25rem 0; }
.snippet { margin: 0.25rem 0 0; }
mark { background: var(--agora-mark); color: inherit; }
.notice { padding: 0.75rem 1rem; border-inline-start: 4px solid var(--agora-accent); background: var(--agora-surface); }
.lead { font-size: 1.15rem; }
.facts-list { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.facts-list dt { font-weight: 600; }
.facts-list dd { margin: 0; }
.linked-data { font-size: 0.9rem; }
.site-footer { color: var(--agora-muted); font-size: 0.9rem; border-block-start: 1px solid var(--agora-surface); }
.site-nav { max-width: var(--agora-width); margin: 0 auto; padding: 0 1rem; }
.site-nav ul, .chosen ul, .inline-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.list-layout { display: grid; grid-template-columns: minmax(12rem, 16rem) 1fr; gap: 1.5rem; align-items: start; }
@media (max-width: 40rem) { .list-layout { grid-template-columns: 1fr; } }
.facet h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.facet ul { list-style: none; margin: 0; padding: 0; }
.facet a[aria-current="true"] { font-weight: 700; }
.facet a[aria-current="true"]::before { content: "✓ "; }
.facet-count { color: var(--agora-muted); }
.filters { margin-block-start: 1.5rem; }
.filters h2 { font-size: 1.1rem; }
.filters .field { margin: 0.5rem 0; }
.filters label { display: block; font-weight: 600; }
.filters select, .filters input { font: inherit; width: 100%; padding: 0.4rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); background: var(--agora-background); color: var(--agora-text); }
.criteria { margin-block-start: 0.75rem; }
.criteria summary { cursor: pointer; font-weight: 600; }
.criteria-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0 1rem; }
.criteria .field label { display: block; font-weight: 600; }
.criteria select, .criteria input { font: inherit; width: 100%; padding: 0.4rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); background: var(--agora-background); color: var(--agora-text); }
.chosen { margin-block: 0.5rem 1rem; }
.embed-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
.embed-field label { display: block; font-weight: 600; }
.embed-field input, .embed-field select { font: inherit; width: 100%; padding: 0.4rem 0.5rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); }
.hint { display: block; color: var(--agora-muted); font-size: 0.85rem; }
.snippet-code { display: block; width: 100%; font: 0.85rem/1.4 ui-monospace, "Cascadia Mono", Menlo, monospace; padding: 0.5rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); background: var(--agora-surface); color: var(--agora-text); }
.embed-preview { display: block; width: 100%; border: 1px dashed var(--agora-muted); border-radius: var(--agora-radius); }
.report { margin-block-start: 2rem; border-block-start: 1px solid var(--agora-muted); padding-block-start: 0.75rem; }
.report summary { cursor: pointer; font-weight: 600; }
.report .field { margin: 0.5rem 0; max-width: 36rem; }
.report label { display: block; font-weight: 600; }
.report select, .report textarea { font: inherit; width: 100%; padding: 0.4rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); background: var(--agora-background); color: var(--agora-text); }
.report-error { font-weight: 600; }
.alerts-subscribe { margin-block-start: 1.5rem; }
.alerts-subscribe summary { cursor: pointer; font-weight: 600; }
.alerts-subscribe .field { margin: 0.5rem 0; }
.alerts-subscribe label { display: block; font-weight: 600; }
.alerts-subscribe input, .alerts-subscribe select { font: inherit; width: 100%; padding: 0.4rem; border: 1px solid var(--agora-muted); border-radius: var(--agora-radius); background: var(--agora-background); color: var(--agora-text); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
