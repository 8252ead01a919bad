import { describe, expect, it } from 'vitest';
import { renderLine } from '../../src/render-line.ts';
import { code, COMMIT_URL, link, strong, text } from '@herald/testing/notifications';

describe('renderLine', () => {
  it('writes bold and links as card HTML, and code as text', () => {
    // Prepare
    const line = [text('Pushed '), code('0f3e2a1'), text(' to '), strong('main'), text(': '), link('details', `${COMMIT_URL}&x=1`)];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe(`Pushed 0f3e2a1 to <b>main</b>: <a href="${COMMIT_URL}&amp;x=1">details</a>`);
  });

  it('writes text without markup for the header and the message text', () => {
    // Prepare
    const line = [strong('main'), text(' <b>'), link('details', COMMIT_URL)];

    // Act
    const plain = renderLine(line, 3000, { mode: 'plain' });

    // Assess
    expect(plain).toBe('main <\u2060b>details');
  });

  it('shows a link with an unsafe URL, or one that does not fit, as its text', () => {
    // Prepare
    const unsafe = [link('click', 'javascript:alert(1)')];
    const long = [link('details', `https://herald.example/${'x'.repeat(200)}`)];

    // Act
    const renderedUnsafe = renderLine(unsafe, 3000);
    const renderedLong = renderLine(long, 50);

    // Assess
    expect(renderedUnsafe).toBe('click');
    expect(renderedLong).toBe('details');
  });

  it('cuts with …, keeping tags closed and entities whole', () => {
    // Prepare
    const bold = [strong('a'.repeat(100))];
    const ampersands = [text('&'.repeat(50))];

    // Act
    const cutBold = renderLine(bold, 20);
    const cutAmpersands = renderLine(ampersands, 23);

    // Assess
    expect(cutBold).toBe(`<b>${'a'.repeat(12)}</b>…`);
    expect(cutAmpersands).toBe(`${'&amp;'.repeat(4)}…`);
  });
});
