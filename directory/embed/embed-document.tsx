import { EMBED_CSS } from "./embed-css";
import type { EmbedList } from "./embed-lists";
import { COLOUR_PARAMETERS, type ColourParameter } from "./embed-parameters";

/** The iframe's stylesheet: the shared one, the page's margins, and the colours its address sets (validated hex). */
export function embedDocumentCss(colours: Partial<Record<ColourParameter, string>>): string {
  const overrides = (Object.entries(colours) as Array<[ColourParameter, string]>).map(([name, value]) => `${COLOUR_PARAMETERS[name]}: ${value};`);
  return `${EMBED_CSS}html, body { margin: 0; background: var(--agora-background, #ffffff); }\n.agora-list { padding: 0.25rem; }\n${
    overrides.length ? `:root { ${overrides.join(" ")} }\n` : ""
  }`;
}

/**
 * The list itself: a labelled list of links with their facts, and the link to the hub's list page. Links
 * leave the frame (`_top`): the hub's own pages refuse to be framed.
 */
function ListView({ list }: { list: EmbedList }) {
  return (
    <div class="agora-list">
      {list.items.length === 0 ? (
        <p class="agora-empty">{list.empty}</p>
      ) : (
        // role="list": Safari drops the list semantics of a list without bullets.
        <ul class="agora-items" role="list" aria-label={list.label}>
          {list.items.map((item) => (
            <li class="agora-item">
              <a href={item.url} target="_top">
                {item.title}
              </a>
              {item.details.length > 0 && <p class="agora-details">{item.details.join(" · ")}</p>}
            </li>
          ))}
        </ul>
      )}
      <p class="agora-more">
        <a href={list.more.url} target="_top">
          {list.more.text}
        </a>
      </p>
    </div>
  );
}

/** The whole document an iframe shows: no script, one inline stylesheet (allowed by its hash). */
export function EmbedDocument({ list, css }: { list: EmbedList; css: string }) {
  return (
    <html lang={list.lang} dir={list.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{list.label}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <ListView list={list} />
      </body>
    </html>
  );
}

/** What an iframe shows when its address is wrong or the hub cannot answer: the reason, for the partner to see. */
export function EmbedMessageDocument({ message, lang, dir, css }: { message: string; lang: string; dir: string; css: string }) {
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <title>Agora Hub</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <div class="agora-list">
          <p class="agora-empty" role="alert">
            {message}
          </p>
        </div>
      </body>
    </html>
  );
}
