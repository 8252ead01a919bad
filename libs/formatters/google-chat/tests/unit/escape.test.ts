import { describe, expect, it } from 'vitest';
import { escapeGoogleChatHtml, escapeGoogleChatText } from '../../src/index.ts';
import { googleChatPieces, safeGoogleChatUrl } from '../../src/escape.ts';

const WJ = '\u2060';

describe('escapeGoogleChatHtml', () => {
  it('turns &, < and > into entities, so no tag, link or mention can form', () => {
    // Prepare
    const raw = '<a href="x">y</a> <users/all> &lt; <b>';

    // Act
    const escaped = escapeGoogleChatHtml(raw);

    // Assess
    expect(escaped).toBe('&lt;a href="x"&gt;y&lt;/a&gt; &lt;users/all&gt; &amp;lt; &lt;b&gt;');
  });

  it('breaks URLs, mail addresses and bare domains with an invisible word joiner', () => {
    // Prepare
    const raw = 'see https://evil.example or www.evil.com, mail bob@evil.example; v1.2.3';

    // Act
    const escaped = escapeGoogleChatHtml(raw);

    // Assess
    expect(escaped).toBe(`see https:${WJ}//evil.${WJ}example or www.${WJ}evil.${WJ}com, mail bob@${WJ}evil.${WJ}example; v1.2.3`);
  });
});

describe('escapeGoogleChatText', () => {
  it('breaks mentions and links of the message syntax, reading the same', () => {
    // Prepare
    const raw = '<users/all> <https://evil.example|click> &amp;';

    // Act
    const escaped = escapeGoogleChatText(raw);

    // Assess
    expect(escaped).toBe(`<${WJ}users/all> <${WJ}https:${WJ}//evil.${WJ}example|click> &${WJ}amp;`);
    expect(escaped.replaceAll(WJ, '')).toBe(raw);
  });
});

describe('googleChatPieces', () => {
  it('yields one piece per code point, so a cut never splits an entity or a surrogate pair', () => {
    // Prepare
    const raw = '😀&<\u0000\ud800';

    // Act
    const pieces = [...googleChatPieces(raw)];

    // Assess
    expect(pieces).toEqual(['😀', '&amp;', '&lt;', ' ', '\ufffd']);
  });
});

describe('safeGoogleChatUrl', () => {
  it('accepts http(s) URLs and encodes what would leave an href', () => {
    // Prepare
    const raw = `https://herald.example/a"b'c<d>e f?x=1&y=2`;

    // Act
    const url = safeGoogleChatUrl(raw);

    // Assess
    expect(url).toBe('https://herald.example/a%22b%27c%3Cd%3Ee%20f?x=1&y=2');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example', '/relative', ''])('rejects %j', (raw) => {
    // Prepare
    const input = raw;

    // Act
    const url = safeGoogleChatUrl(input);

    // Assess
    expect(url).toBeUndefined();
  });
});
