/**
 * The embedded list's styles, the same in the iframe and in the web component's shadow root. Every colour,
 * the font and the radius are custom properties read with a default, so a partner sets only what it wants
 * (`agora-list { --agora-accent: #b00 }`; custom properties inherit into the shadow root). Logical
 * properties mirror by themselves in right-to-left languages. The defaults pass WCAG AA contrast.
 */
export const EMBED_CSS = `
:host { display: block; }
.agora-list {
  font-family: var(--agora-font, system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif);
  font-size: var(--agora-font-size, 1rem);
  line-height: 1.45;
  color: var(--agora-text, #1d1d1f);
  background: var(--agora-background, #ffffff);
}
.agora-items { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--agora-gap, 0.5rem); }
.agora-item { padding: 0.6rem 0.85rem; border: 1px solid var(--agora-border, #c9c9d1); border-radius: var(--agora-radius, 0.5rem); }
.agora-item a { color: var(--agora-accent, #0b5cad); font-weight: 600; text-underline-offset: 0.15em; }
.agora-details { margin: 0.15rem 0 0; font-size: 0.9em; color: var(--agora-muted, var(--agora-text, #4a4a55)); }
.agora-empty { margin: 0; color: var(--agora-muted, var(--agora-text, #4a4a55)); }
.agora-more { margin: 0.75rem 0 0; }
.agora-more a { color: var(--agora-accent, #0b5cad); }
.agora-list a:focus-visible { outline: 3px solid var(--agora-accent, #0b5cad); outline-offset: 2px; }
`;
