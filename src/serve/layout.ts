// The frame every page shares: navigation, the stylesheet and the page's own script file.
// Pages are built with hono's html template, which escapes every interpolated value.
import { html } from 'hono/html';

export type Html = ReturnType<typeof html>;

export interface LayoutOptions {
  title: string;
  /** Script files (under /assets/) the page loads; never inline script (the CSP forbids it). */
  scripts?: readonly string[];
  styles?: readonly string[];
  allowEdits: boolean;
}

export function layout(options: LayoutOptions, body: Html): Html {
  return html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · minutes</title>
<link rel="stylesheet" href="/assets/minutes.css">
${(options.styles ?? []).map((s) => html`<link rel="stylesheet" href="/assets/${s}">`)}
${(options.scripts ?? []).map((s) => html`<script type="module" src="/assets/${s}"></script>`)}
</head>
<body>
<nav class="top"><strong>minutes</strong>
<a href="/documents">Dokumenter</a> <a href="/goals">Mål</a> <a href="/compare">Sammenlign</a> <a href="/corrections">Rettelser</a>
<span class="mode">${options.allowEdits ? 'rettelser slået til' : 'kun læsning'}</span></nav>
${body}
</body>
</html>`;
}

/** A query string from parameters, leaving out empty ones. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const formatValue = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : n.toLocaleString('da-DK', { maximumFractionDigits: 2 });
