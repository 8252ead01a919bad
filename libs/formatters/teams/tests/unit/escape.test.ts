import { describe, expect, it } from 'vitest';
import { escapeTeamsText } from '../../src/index.ts';
import { safeTeamsUrl, teamsPieces } from '../../src/escape.ts';

const WJ = '\u2060';

describe('escapeTeamsText', () => {
  it('keeps mention tags, Markdown links and HTML from forming', () => {
    // Prepare
    const raw = '<at>Alice</at> [click](https://evil.example) <a href="x">y</a> &lt;at&gt;';

    // Act
    const escaped = escapeTeamsText(raw);

    // Assess
    expect(escaped).toBe(
      `<${WJ}at>Alice<${WJ}/at> [click]${WJ}(https:${WJ}//evil.${WJ}example) <${WJ}a href="x">y<${WJ}/a> &${WJ}lt;at&${WJ}gt;`,
    );
    expect(escaped.replaceAll(WJ, '')).toBe(raw);
  });

  it('breaks mail addresses, bare domains and reference-style links', () => {
    // Prepare
    const raw = 'bob@evil.example www.evil.com [1]: x \\*';

    // Act
    const escaped = escapeTeamsText(raw);

    // Assess
    expect(escaped).toBe(`bob@${WJ}evil.${WJ}example www.${WJ}evil.${WJ}com [1]${WJ}: x \\${WJ}\u2217`);
  });

  it('writes asterisks as a look-alike so no bold can open, and leaves versions alone', () => {
    // Prepare
    const raw = '**not bold** v1.2.3 snake_case';

    // Act
    const escaped = escapeTeamsText(raw);

    // Assess
    expect(escaped).toBe('\u2217\u2217not bold\u2217\u2217 v1.2.3 snake_case');
  });

  it('replaces line breaks, control characters and lone surrogates', () => {
    // Prepare
    const raw = 'a\nb\u0000c\u2028d\ud800e 😀';

    // Act
    const escaped = escapeTeamsText(raw);

    // Assess
    expect(escaped).toBe('a b c d\ufffde 😀');
  });
});

describe('teamsPieces', () => {
  it('swaps underscores inside bold and brackets inside a link label for look-alikes', () => {
    // Prepare
    const raw = '[a_b]';

    // Act
    const strong = [...teamsPieces(raw, 'strong')].join('');
    const label = [...teamsPieces(raw, 'label')].join('');

    // Assess
    expect(strong).toBe(`[a\u02cdb]${WJ}`);
    expect(label).toBe('\uff3ba\u02cdb\uff3d');
  });
});

describe('safeTeamsUrl', () => {
  it('accepts http(s) URLs and encodes what would end a Markdown link', () => {
    // Prepare
    const raw = 'https://herald.example/a(b)[c] d?x=1&y=2';

    // Act
    const url = safeTeamsUrl(raw);

    // Assess
    expect(url).toBe('https://herald.example/a%28b%29%5Bc%5D%20d?x=1&y=2');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example', '/relative', ''])('rejects %j', (raw) => {
    // Prepare
    const input = raw;

    // Act
    const url = safeTeamsUrl(input);

    // Assess
    expect(url).toBeUndefined();
  });
});
