import { describe, expect, it } from 'vitest';
import { renderLine } from '../../src/render-line.ts';
import { code, HERALD_URL, link, strong, text } from '@herald/testing/notifications';

describe('renderLine', () => {
  it('renders text, code, bold and links as Discord markdown', () => {
    // Prepare
    const line = [text('Pushed '), code('0f3e2a1'), text(' to '), strong('main'), text(': '), link('details', HERALD_URL)];

    // Act
    const rendered = renderLine(line, 4096);

    // Assess
    expect(rendered).toBe(`Pushed \`0f3e2a1\` to **main**: [details](${HERALD_URL})`);
  });

  it('escapes link text and renders a link with an unsafe URL as its text only', () => {
    // Prepare
    const line = [link('[x](y)', HERALD_URL), text(' '), link('click', 'javascript:alert(1)')];

    // Act
    const rendered = renderLine(line, 4096);

    // Assess
    expect(rendered).toBe(`[\\[x\\]\\(y\\)](${HERALD_URL}) click`);
  });

  it('makes every segment bold when asked', () => {
    // Prepare
    const line = [text('Commit '), link('0f3e2a1', HERALD_URL)];

    // Act
    const rendered = renderLine(line, 4096, { bold: true });

    // Assess
    expect(rendered).toBe(`**Commit** **[0f3e2a1](${HERALD_URL})**`);
  });

  it('writes plain text without markdown when asked', () => {
    // Prepare
    const line = [text('a*b '), code('c'), text(' '), strong('d'), text(' '), link('e', HERALD_URL)];

    // Act
    const rendered = renderLine(line, 4096, { plain: true });

    // Assess
    expect(rendered).toBe('a*b c d e');
  });

  it('cuts with … and keeps the markup closed', () => {
    // Prepare
    const line = [strong('a'.repeat(100))];

    // Act
    const rendered = renderLine(line, 20);

    // Assess
    expect(rendered).toBe(`**${'a'.repeat(15)}**…`);
  });

  it('never cuts an escape or a surrogate pair in half', () => {
    // Prepare
    const stars = [text('*'.repeat(50))];
    const emoji = [text('😀'.repeat(50))];

    // Act
    const cutStars = renderLine(stars, 10);
    const cutEmoji = renderLine(emoji, 10);

    // Assess
    expect(cutStars).toBe(`${'\\*'.repeat(4)}…`);
    expect(cutEmoji).toBe(`${'😀'.repeat(4)}…`);
  });
});
