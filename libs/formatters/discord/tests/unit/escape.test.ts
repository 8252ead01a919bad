import { describe, expect, it } from 'vitest';
import { escapeDiscordText } from '../../src/index.ts';
import { discordPieces, safeDiscordUrl } from '../../src/escape.ts';

const WJ = '\u2060';

describe('escapeDiscordText', () => {
  it('puts a backslash before every markdown character', () => {
    // Prepare
    const raw = '\\*_~|`>#-[]()';

    // Act
    const escaped = escapeDiscordText(raw);

    // Assess
    expect(escaped).toBe('\\\\\\*\\_\\~\\|\\`\\>\\#\\-\\[\\]\\(\\)');
  });

  it('keeps a masked link from forming', () => {
    // Prepare
    const raw = '[click](https://evil.example)';

    // Act
    const escaped = escapeDiscordText(raw);

    // Assess
    expect(escaped).toBe(`\\[click\\]\\(https:${WJ}//evil.example\\)`);
  });

  it('puts an invisible word joiner after @ and < and inside ://', () => {
    // Prepare
    const raw = '@everyone @here <@123> <@&456> <#789> </deploy:1> <t:1700000000> http://x.example';

    // Act
    const escaped = escapeDiscordText(raw);

    // Assess
    expect(escaped).toBe(
      `@${WJ}everyone @${WJ}here <${WJ}@${WJ}123\\> <${WJ}@${WJ}&456\\> <${WJ}\\#789\\> <${WJ}/deploy:1\\> <${WJ}t:1700000000\\> http:${WJ}//x.example`,
    );
  });

  it('leaves ordinary text alone', () => {
    // Prepare
    const raw = 'Fix login redirect, v1.2.3 & more: done.';

    // Act
    const escaped = escapeDiscordText(raw);

    // Assess
    expect(escaped).toBe(raw);
  });

  it('replaces line breaks, control characters and lone surrogates', () => {
    // Prepare
    const raw = 'a\nb\r\u0000c\u2028d\ud800e 😀';

    // Act
    const escaped = escapeDiscordText(raw);

    // Assess
    expect(escaped).toBe('a b  c d\ufffde 😀');
  });
});

describe('discordPieces', () => {
  it('yields one piece per code point so a cut never splits a surrogate pair or an escape', () => {
    // Prepare
    const raw = '😀*@';

    // Act
    const pieces = [...discordPieces(raw)];

    // Assess
    expect(pieces).toEqual(['😀', '\\*', `@${WJ}`]);
  });

  it('keeps backslashes out of code spans and markdown out of plain text', () => {
    // Prepare
    const raw = 'a*b`c @d';

    // Act
    const code = [...discordPieces(raw, 'code')].join('');
    const plain = [...discordPieces(raw, 'plain')].join('');

    // Assess
    expect(code).toBe(`a*bc @${WJ}d`);
    expect(plain).toBe(`a*b\`c @${WJ}d`);
  });
});

describe('safeDiscordUrl', () => {
  it('accepts http and https URLs and encodes what would end a masked link', () => {
    // Prepare
    const raw = 'https://herald.example/a(b)c<d>e f';

    // Act
    const url = safeDiscordUrl(raw);

    // Assess
    expect(url).toBe('https://herald.example/a%28b%29c%3Cd%3Ee%20f');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'mailto:a@b.example', 'ftp://x.example/', '/relative', ''])(
    'rejects %j',
    (raw) => {
      // Prepare
      const input = raw;

      // Act
      const url = safeDiscordUrl(input);

      // Assess
      expect(url).toBeUndefined();
    },
  );
});
