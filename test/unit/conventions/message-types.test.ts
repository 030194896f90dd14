import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ContentMessage, TabMessage } from '../../../lib/messaging/protocol';

const ROOT = resolve(__dirname, '../../..');
const HANDLER = 'lib/messaging/handler.ts';
const GUARD = 'lib/messaging/guard.ts';
/** Where a worker→tab message (TabMessage) is acted on: the SIS content script's onMessage, which may not load zod. */
const TAB_RECEIVER = 'entrypoints/sis.content/index.ts';

/**
 * Places that look at a content message's `type` before admit() has parsed it and checked its sender. Each one would
 * act on an unvalidated message and is a debt, not a pattern: remove the entry when the code is gone, add none.
 * (None is left: the worker opens the side panel for `note/compose` and starts the retention purge for `page/snapshot`
 * from their cases in handleContentMessage, after admit().)
 */
const PEEKS_BEFORE_VALIDATION: string[] = [];

const typesOf = (u: { options: readonly { shape: { type: { value: unknown } } }[] }) =>
  u.options.map((o) => String(o.shape.type.value));
const contentTypes = typesOf(ContentMessage);
const tabTypes = typesOf(TabMessage);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const parse = (file: string, text = readFileSync(resolve(ROOT, file), 'utf8')) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

interface Site {
  type: string;
  /** The `case` of handleContentMessage's `switch (msg.type)`. */
  inHandlerSwitch: boolean;
}

/** Every place a file decides on one of `types`: a `case '…'` label, or a `===`/`!==`/`==`/`!=` against it. */
function dispatchSites(src: ts.SourceFile, types: ReadonlySet<string>): Site[] {
  const out: Site[] = [];
  const cmp = new Set([
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ]);
  const visit = (n: ts.Node, inSwitch: boolean) => {
    let here = inSwitch;
    if (ts.isSwitchStatement(n)) {
      const fn = ts.findAncestor(n, ts.isFunctionDeclaration);
      here = fn?.name?.text === 'handleContentMessage' && n.expression.getText(src) === 'msg.type';
    }
    if (ts.isCaseClause(n) && ts.isStringLiteralLike(n.expression) && types.has(n.expression.text))
      out.push({ type: n.expression.text, inHandlerSwitch: inSwitch });
    if (ts.isBinaryExpression(n) && cmp.has(n.operatorToken.kind)) {
      for (const side of [n.left, n.right])
        if (ts.isStringLiteralLike(side) && types.has(side.text)) out.push({ type: side.text, inHandlerSwitch: false });
    }
    // A case clause belongs to the switch it is in, not to a switch nested in its body.
    ts.forEachChild(n, (c) =>
      visit(c, ts.isSwitchStatement(n) ? here : ts.isCaseBlock(n) || ts.isCaseClause(n) ? inSwitch : false),
    );
  };
  visit(src, false);
  return out;
}

function allSites(types: readonly string[]): { file: string; site: Site }[] {
  const set = new Set(types);
  return ['lib', 'entrypoints', 'components'].flatMap((dir) =>
    sources(resolve(ROOT, dir)).flatMap((f) => {
      const file = relative(ROOT, f);
      return dispatchSites(parse(file), set).map((site) => ({ file, site }));
    }),
  );
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('conventions: every content→worker message type is validated and handled in one place', () => {
  it('handleContentMessage switches on exactly the types ContentMessage (lib/messaging/protocol.ts) declares, each once', () => {
    const labels = dispatchSites(parse(HANDLER), new Set(contentTypes))
      .filter((s) => s.inHandlerSwitch)
      .map((s) => s.type);
    expect(contentTypes.length).toBeGreaterThan(3); // the schema's types were read
    expect(
      sorted(labels),
      `Each message type of ContentMessage has one \`case\` in handleContentMessage's \`switch (msg.type)\` (${HANDLER}): add the missing case, remove the duplicate, or declare the type in lib/messaging/protocol.ts.`,
    ).toEqual(sorted(contentTypes));
  });

  it('nothing else decides on a content message type (after validation, only the handler does)', () => {
    const elsewhere = allSites(contentTypes)
      .filter(({ file, site }) => !(file === HANDLER && site.inHandlerSwitch))
      .map(({ file, site }) => `${file} ${site.type}`);
    expect(
      elsewhere.filter((s) => !PEEKS_BEFORE_VALIDATION.includes(s)),
      `A content message is acted on only in handleContentMessage's switch (${HANDLER}), after admit() (${GUARD}) parsed it: move this into its case.`,
    ).toEqual([]);
    expect(
      PEEKS_BEFORE_VALIDATION.filter((p) => !elsewhere.includes(p)),
      'This pre-validation peek is gone: remove it from PEEKS_BEFORE_VALIDATION.',
    ).toEqual([]);
  });

  it('ContentMessage is parsed in one place: admit() in lib/messaging/guard.ts', () => {
    const parsers = ['lib', 'entrypoints', 'components']
      .flatMap((dir) => sources(resolve(ROOT, dir)))
      .filter((f) => /\bContentMessage\.(safeParse|parse|parseAsync|safeParseAsync)\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(parsers, `Parse a content message only in admit() (${GUARD}), and hand it to handleContentMessage.`).toEqual(
      [GUARD],
    );
  });
});

describe('conventions: every worker→tab message type (TabMessage) is handled in one place', () => {
  it(`the SIS content script's onMessage (${TAB_RECEIVER}) decides on exactly TabMessage's types, each once`, () => {
    const seen = dispatchSites(parse(TAB_RECEIVER), new Set(tabTypes)).map((s) => s.type);
    expect(tabTypes.length).toBeGreaterThan(1);
    expect(
      sorted(seen),
      `Each TabMessage type (lib/messaging/protocol.ts) is tested once in the content script's onMessage (${TAB_RECEIVER}): handle the new type there, or declare it in TabMessage.`,
    ).toEqual(sorted(tabTypes));
  });

  it('nothing else decides on a worker→tab message type', () => {
    const elsewhere = allSites(tabTypes)
      .filter(({ file }) => file !== TAB_RECEIVER)
      .map(({ file, site }) => `${file} ${site.type}`);
    expect(elsewhere, `A TabMessage is acted on only in the content script's onMessage (${TAB_RECEIVER}).`).toEqual([]);
  });
});

describe('conventions: how message dispatch is found in the source', () => {
  it("sees a case of handleContentMessage's switch, a case elsewhere and a comparison, and not a message being built", () => {
    const src = parse(
      'probe.ts',
      `export async function handleContentMessage(msg) {
         switch (msg.type) { case 'a/x': switch (y) { case 'a/y': break; } break; }
       }
       function other(m) { switch (m.type) { case 'a/x': break; } if (m.type !== 'a/z') return; send({ type: 'a/y' }); }`,
    );
    expect(dispatchSites(src, new Set(['a/x', 'a/y', 'a/z']))).toEqual([
      { type: 'a/x', inHandlerSwitch: true },
      { type: 'a/y', inHandlerSwitch: false },
      { type: 'a/x', inHandlerSwitch: false },
      { type: 'a/z', inHandlerSwitch: false },
    ]);
  });
});
