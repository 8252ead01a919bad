import { describe, expect, it } from 'vitest';
import { renderLine } from '../../src/render-line.ts';
import { code, HERALD_URL, link, strong, text } from '@herald/testing/notifications';

describe('renderLine', () => {
  it('renders text, code, bold and links as mrkdwn', () => {
    // Prepare
    const line = [text('Pushed '), code('0f3e2a1'), text(' to '), strong('main'), text(': '), link('details', HERALD_URL)];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe(`Pushed \`0f3e2a1\` to *main*: <${HERALD_URL}|details>`);
  });

  it('moves whitespace outside bold and code so the markup still applies', () => {
    // Prepare
    const line = [strong(' main '), code(' x ')];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe(' *main*  `x` ');
  });

  it('strips backticks inside code and renders an empty code span as nothing', () => {
    // Prepare
    const line = [code('a`b'), code('``')];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe('`ab`');
  });

  it('renders a link with an unsafe URL as its text only', () => {
    // Prepare
    const line = [link('click', 'javascript:alert(1)')];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe('click');
  });

  it('makes every segment bold when asked', () => {
    // Prepare
    const line = [text('Commit '), link('0f3e2a1', HERALD_URL), text(' '), code('x*y')];

    // Act
    const rendered = renderLine(line, 3000, { bold: true });

    // Assess
    expect(rendered).toBe(`*Commit* *<${HERALD_URL}|0f3e2a1>* *\`x\u2217y\`*`);
  });

  it('cuts with … and keeps the markup closed', () => {
    // Prepare
    const line = [strong('a'.repeat(100))];

    // Act
    const rendered = renderLine(line, 20);

    // Assess
    expect(rendered).toBe(`*${'a'.repeat(17)}*…`);
    expect(rendered).toHaveLength(20);
  });

  it('never cuts an entity or a surrogate pair in half', () => {
    // Prepare
    const ampersands = [text('&'.repeat(50))];
    const emoji = [text('😀'.repeat(50))];

    // Act
    const cutAmpersands = renderLine(ampersands, 23);
    const cutEmoji = renderLine(emoji, 10);

    // Assess
    expect(cutAmpersands).toBe(`${'&amp;'.repeat(4)}…`);
    expect(cutEmoji).toBe(`${'😀'.repeat(4)}…`);
    expect(cutEmoji.isWellFormed()).toBe(true);
  });

  it('shows a link whose URL does not fit as plain text', () => {
    // Prepare
    const line = [link('details', `https://herald.example/${'x'.repeat(200)}`)];

    // Act
    const rendered = renderLine(line, 50);

    // Assess
    expect(rendered).toBe('details');
  });

  it('returns nothing when not even … fits', () => {
    // Prepare
    const line = [text('abc')];

    // Act
    const rendered = renderLine(line, 0);

    // Assess
    expect(rendered).toBe('');
  });
});
