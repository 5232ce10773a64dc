import { EMBED_COLLECTIONS } from "./embed-parameters";
import { EMBED_CSS } from "./embed-css";

/**
 * The `<agora-list>` web component, served by the hub as a plain JavaScript module (no dependencies, no
 * CDN). It reads its list from the hub it was loaded from (`/embed/<collection>?…&format=json`, without
 * cookies or referrer) and builds it in a shadow root from text only (`append` of strings, never HTML),
 * so no partner's data can become markup, and a host page's Trusted Types policy has nothing to object to.
 * Until the list arrives, when it fails, and when scripts are off, the element's own children (the
 * partner's link to the hub) show instead. Attribute changes load the list again.
 */
export const AGORA_LIST_JS = `// <agora-list> — an Agora Hub list for partner sites. Documentation: /embed on the hub.
const HUB = new URL(import.meta.url).origin;
const COLLECTIONS = ${JSON.stringify(EMBED_COLLECTIONS)};
// The attributes sent as the list's query parameters (lang comes from the element or its nearest ancestor).
const PARAMETERS = ["network", "discipline", "country", "language", "type", "status", "upcoming", "limit"];
const CSS = ${JSON.stringify(EMBED_CSS)};
let sheet = null;

// A constructed stylesheet is no inline style, so a host page's strict CSP does not block it; else a <style>.
function adoptStyles(root) {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement("style");
    style.textContent = CSS;
    root.append(style);
  }
}

// An element with attributes and children; strings become text nodes.
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// A link only when it is http(s): the list comes from the hub, but a link is never a script.
function safeUrl(value) {
  try {
    const url = new URL(String(value), HUB);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

class AgoraList extends HTMLElement {
  static observedAttributes = ["collection", "lang", ...PARAMETERS];
  #controller = null;
  #scheduled = false;
  #view = null;

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#controller?.abort();
    this.#controller = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  // Attributes set one after another make one request.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#load();
    });
  }

  #source() {
    const collection = this.getAttribute("collection") || "";
    if (!COLLECTIONS.includes(collection)) return null;
    const url = new URL("/embed/" + collection, HUB);
    for (const name of PARAMETERS) {
      const value = this.getAttribute(name);
      if (value) url.searchParams.set(name, value);
    }
    const lang = this.closest("[lang]")?.getAttribute("lang");
    if (lang) url.searchParams.set("lang", lang);
    url.searchParams.set("format", "json");
    return url;
  }

  async #load() {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const url = this.#source();
      if (!url) throw new Error("collection must be one of " + COLLECTIONS.join(", "));
      const response = await fetch(url, { mode: "cors", credentials: "omit", referrerPolicy: "no-referrer", signal: controller.signal });
      const body = await response.json();
      if (!response.ok) throw new Error(body && body.error ? body.error : "the hub answered " + response.status);
      if (controller === this.#controller) this.#show(body);
    } catch (error) {
      // Aborted for a newer load, or disconnected: that one decides what shows.
      if (controller !== this.#controller) return;
      this.#showFallback();
      console.warn("agora-list:", error instanceof Error ? error.message : error);
    }
  }

  #show(list) {
    const view = element("div", { class: "agora-list", part: "list", lang: String(list.lang || ""), dir: list.dir === "rtl" ? "rtl" : "ltr" });
    const items = Array.isArray(list.items) ? list.items : [];
    if (items.length === 0) view.append(element("p", { class: "agora-empty", part: "empty" }, String(list.empty || "")));
    else {
      // role="list": Safari drops the list semantics of a list without bullets.
      const ul = element("ul", { class: "agora-items", part: "items", role: "list", "aria-label": String(list.label || "") });
      for (const item of items) {
        const href = safeUrl(item && item.url);
        if (!href) continue;
        const li = element("li", { class: "agora-item", part: "item" }, element("a", { href, part: "link" }, String(item.title || "")));
        const details = Array.isArray(item.details) ? item.details.map(String) : [];
        if (details.length > 0) li.append(element("p", { class: "agora-details", part: "details" }, details.join(" · ")));
        ul.append(li);
      }
      view.append(ul);
    }
    const more = safeUrl(list.more && list.more.url);
    if (more) view.append(element("p", { class: "agora-more", part: "more" }, element("a", { href: more }, String(list.more.text || ""))));
    this.#render(view);
  }

  // Before a list has shown there is no shadow root, so the children show by themselves; after, through a slot.
  #showFallback() {
    if (this.shadowRoot) this.#render(document.createElement("slot"));
  }

  #render(node) {
    if (!this.shadowRoot) adoptStyles(this.attachShadow({ mode: "open" }));
    if (this.#view) this.#view.replaceWith(node);
    else this.shadowRoot.append(node);
    this.#view = node;
  }
}

if (!customElements.get("agora-list")) customElements.define("agora-list", AgoraList);
`;
