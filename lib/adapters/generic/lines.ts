import { NON_CONTENT, cleanText, tagOf } from './text';
import { OUTSIDE_CONTENT } from './scope';

export const BLOCKS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
/** Controls' option lists are not page text. */
const SKIP = new Set([...NON_CONTENT, 'SELECT', 'OPTION', 'TEXTAREA']);

/**
 * The page's text split into lines the way a reader sees them (block elements, cells and <br> break lines),
 * like `innerText` but without layout, so it works in any DOM. Menus and navigation are left out.
 */
export function textLines(root: ParentNode): string[] {
  const lines: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const line = cleanText(current.join(''));
    if (line) lines.push(line);
    current = [];
  };
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) current.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const el = c as Element;
        if (SKIP.has(tagOf(el)) || el.matches(OUTSIDE_CONTENT)) continue;
        const block = BLOCKS.has(tagOf(el));
        if (block) flush();
        walk(el);
        if (block) flush();
      }
    }
  };
  walk(root as Node);
  flush();
  return lines;
}
