import { describe, expect, it } from 'vitest';
import { renderLine } from '../../src/render-line.ts';
import { code, COMMIT_URL, link, strong, text } from '@herald/testing/notifications';

describe('renderLine', () => {
  it('writes bold and links as Markdown, and code as text', () => {
    // Prepare
    const line = [text('Pushed '), code('0f3e2a1'), text(' to '), strong('main'), text(': '), link('details', COMMIT_URL)];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe(`Pushed 0f3e2a1 to **main**: [details](${COMMIT_URL})`);
  });

  it('keeps a link whole when its label has brackets', () => {
    // Prepare
    const line = [link('[app] main', COMMIT_URL)];

    // Act
    const rendered = renderLine(line, 3000);

    // Assess
    expect(rendered).toBe(`[\uff3bapp\uff3d main](${COMMIT_URL})`);
  });

  it('makes every segment bold when asked, whitespace outside the markup', () => {
    // Prepare
    const line = [text('Commit '), link('0f3e2a1', COMMIT_URL)];

    // Act
    const rendered = renderLine(line, 3000, { bold: true });

    // Assess
    expect(rendered).toBe(`**Commit** **[0f3e2a1](${COMMIT_URL})**`);
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

  it('cuts with … and keeps the markup closed', () => {
    // Prepare
    const line = [strong('a'.repeat(100))];

    // Act
    const rendered = renderLine(line, 20);

    // Assess
    expect(rendered).toBe(`**${'a'.repeat(15)}**…`);
  });
});
