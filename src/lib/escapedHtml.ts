import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * HTML that functions and scripts render: hono's `html` tagged template escapes every
 * interpolation (text and attribute values alike); a nested html`…` stays markup, and `raw()` is
 * only for markup of our own that is already HTML (a built page, a rendered component).
 * @example htmlString(html`<p title="${name}">${name}</p>`) // name '<b>' → '<p title="&lt;b&gt;">&lt;b&gt;</p>'
 */
export { html, raw };

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The markup as a string. Our templates interpolate no promises, so it is ready at once. */
export function htmlString(markup: Markup): string {
  if (markup instanceof Promise) throw new Error('An html template was given a promise: await the value before rendering it.');
  return markup.toString();
}
