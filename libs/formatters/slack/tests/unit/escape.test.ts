import { describe, expect, it } from 'vitest';
import { escapeSlackText } from '../../src/index.ts';
import { safeSlackUrl, slackPieces } from '../../src/escape.ts';

const WJ = '\u2060';

describe('escapeSlackText', () => {
  it('turns the three control characters into entities', () => {
    // Prepare
    const raw = 'a & b < c > d';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).toBe('a &amp; b &lt; c &gt; d');
  });

  it('escapes text that is already escaped again, so it reads as written', () => {
    // Prepare
    const raw = '&lt;b&gt; &amp;';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).toBe('&amp;lt;b&amp;gt; &amp;amp;');
  });

  it('keeps special mentions, user mentions and links from forming', () => {
    // Prepare
    const raw = '<!channel> <!here|here> <@U024BE7LH> <!subteam^S1> <https://evil.example|click>';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).toBe(
      `&lt;!channel&gt; &lt;!here|here&gt; &lt;@${WJ}U024BE7LH&gt; &lt;!subteam^S1&gt; &lt;https:${WJ}//evil.${WJ}example|click&gt;`,
    );
  });

  it('puts an invisible word joiner after @, inside :// and after a domain dot', () => {
    // Prepare
    const raw = '@channel @here @everyone mail bob@example.com, see https://evil.example or www.evil.com';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).toBe(
      `@${WJ}channel @${WJ}here @${WJ}everyone mail bob@${WJ}example.${WJ}com, see https:${WJ}//evil.${WJ}example or www.${WJ}evil.${WJ}com`,
    );
    expect(escaped.replaceAll(WJ, '')).toBe(raw);
  });

  it('leaves version numbers and ordinary punctuation alone', () => {
    // Prepare
    const raw = 'v1.2.3 done. Next: deploy';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).toBe(raw);
  });

  it('replaces line breaks, control characters and lone surrogates', () => {
    // Prepare
    const raw = 'a\nb\r\u0000c\u2028d\ud800e 😀';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).toBe('a b  c d\ufffde 😀');
  });

  it('writes backticks as a look-alike so untrusted text cannot open a code span', () => {
    // Prepare
    const raw = 'use `npm ci';

    // Act
    const escaped = escapeSlackText(raw);

    // Assess
    expect(escaped).toBe('use \u02cbnpm ci');
  });
});

describe('slackPieces', () => {
  it('yields one piece per code point so a cut never splits a surrogate pair or an entity', () => {
    // Prepare
    const raw = '😀&<';

    // Act
    const pieces = [...slackPieces(raw)];

    // Assess
    expect(pieces).toEqual(['😀', '&amp;', '&lt;']);
  });

  it('swaps markup characters for look-alikes inside bold and drops backticks inside code', () => {
    // Prepare
    const raw = 'a*b_c~d`e';

    // Act
    const strong = [...slackPieces(raw, 'strong')].join('');
    const code = [...slackPieces(raw, 'code')].join('');

    // Assess
    expect(strong).toBe('a\u2217b\u02cdc\u223cd\u02cbe');
    expect(code).toBe('a*b_c~de');
  });
});

describe('safeSlackUrl', () => {
  it('accepts http and https URLs and encodes what would end a Slack link', () => {
    // Prepare
    const raw = 'https://herald.example/a|b<c>d e?x=1&y=2';

    // Act
    const url = safeSlackUrl(raw);

    // Assess
    expect(url).toBe('https://herald.example/a%7Cb%3Cc%3Ed%20e?x=1&amp;y=2');
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.example', 'ftp://x.example/', '/relative', 'not a url', ''])(
    'rejects %j',
    (raw) => {
      // Prepare
      const input = raw;

      // Act
      const url = safeSlackUrl(input);

      // Assess
      expect(url).toBeUndefined();
    },
  );
});
