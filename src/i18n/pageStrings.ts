// The browser side of the one translate function: a page hands its script the strings it needs
// (PageStrings.astro writes them into the page as JSON), so no script bundles a string file.
import { translator, type Translate, type UiStringTable } from './translate';

/** The translate function over the strings this page carries (none: keys come back as they are). */
export function pageTranslator(root: ParentNode = document): Translate {
  const island = root.querySelector('script[data-ui-strings]');
  return translator(island?.textContent ? (JSON.parse(island.textContent) as UiStringTable) : {});
}
