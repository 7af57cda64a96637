// The links of an HTML index page, read by htmlparser2 (entities decoded, comments,
// scripts and styles not taken for markup): the href of every <a> and <area>, resolved
// against the page's <base href> when it has one (itself resolved against the page URL),
// kept only when http(s); fragments dropped, each URL once, in page order.
import { Parser } from 'htmlparser2';

const LINK_ELEMENTS = new Set(['a', 'area']);

export function extractLinks(html: string, pageUrl: string): URL[] {
  const hrefs: string[] = [];
  let base: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const href = attributes['href']?.trim();
        if (href === undefined) return;
        // As browsers do: the first <base> with an href sets the base URL of the whole document.
        if (name === 'base') base ??= href;
        else if (LINK_ELEMENTS.has(name) && href !== '') hrefs.push(href);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const baseUrl = resolveOrNull(base ?? '', pageUrl)?.href ?? pageUrl;

  const seen = new Set<string>();
  const links: URL[] = [];
  for (const href of hrefs) {
    const url = resolveOrNull(href, baseUrl);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    links.push(url);
  }
  return links;
}

function resolveOrNull(href: string, against: string): URL | null {
  try {
    return new URL(href, against);
  } catch {
    return null;
  }
}
