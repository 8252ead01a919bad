import { describe, expect, it } from 'vitest';
import { code, text, type Line, type NotificationSection } from '@herald/model';
import { ELLIPSIS, take } from '../../src/budget.ts';
import { renderSectionText, type SectionStyle } from '../../src/render-section.ts';

/** A minimal product style: code in backticks, headings in stars, text cut one character at a time. */
function renderPlain(line: Line, max: number, bold = false): string {
  const pieces = line.flatMap((inline) => (inline.type === 'code' ? [`\`${inline.text}\``] : Array.from(inline.text)));
  const wrap = bold ? 2 : 0;
  const { text: body, complete } = take(pieces, max - wrap - 1);
  const cut = complete ? body : `${body}${ELLIPSIS}`;
  return bold ? `*${cut}*` : cut;
}

const style: SectionStyle = {
  heading: (line, max) => renderPlain(line, max, true),
  line: (line, max) => renderPlain(line, max),
  bullet: '• ',
  lineMax: 1500,
};

const files = (count: number, omitted = 0): NotificationSection['lists'][number] => ({
  items: Array.from({ length: count }, (_, i) => [code(`f${i}`)]),
  omitted,
  noun: 'files',
});

describe('renderSectionText', () => {
  it('writes the heading, the lines, the items and the omitted count', () => {
    // Prepare
    const section: NotificationSection = { heading: [text('Files')], lines: [[text('2 changed')]], lists: [files(2, 4)] };

    // Act
    const rendered = renderSectionText(section, 3000, style);

    // Assess
    expect(rendered).toBe('*Files*\n2 changed\n• `f0`\n• `f1`\n…and 4 more files');
  });

  it('drops the items that do not fit and counts them with the omitted ones', () => {
    // Prepare
    const section: NotificationSection = { lines: [], lists: [files(100, 5)] };

    // Act
    const rendered = renderSectionText(section, 60, style);

    // Assess
    expect(rendered).toBe('• `f0`\n• `f1`\n• `f2`\n• `f3`\n• `f4`\n• `f5`\n…and 99 more files');
    expect(rendered.length).toBeLessThanOrEqual(60);
  });

  it('keeps room for the notes of every list that follows', () => {
    // Prepare
    const section: NotificationSection = {
      lines: [],
      lists: [files(50), { items: [[text('c1')], [text('c2')]], omitted: 0, noun: 'commits', omittedIsLowerBound: true }],
    };

    // Act
    const rendered = renderSectionText(section, 60, style);

    // Assess
    expect(rendered).toBe('• `f0`\n• `f1`\n• `f2`\n…and 47 more files\n…and 2+ more commits');
  });

  it('cuts a text line with … and still counts the lists', () => {
    // Prepare
    const section: NotificationSection = { heading: [text('Commit')], lines: [[text('m'.repeat(500))], [text('second')]], lists: [files(3)] };

    // Act
    const rendered = renderSectionText(section, 80, style);

    // Assess
    expect(rendered).toMatch(/^\*Commit\*\nm+…\n…and 3 more files$/);
    expect(rendered).toHaveLength(80);
  });

  it('shows part of a first item too long to fit', () => {
    // Prepare
    const section: NotificationSection = { lines: [], lists: [{ items: [[text('x'.repeat(500))], [text('y')]], omitted: 0, noun: 'notices' }] };

    // Act
    const rendered = renderSectionText(section, 100, style);

    // Assess
    expect(rendered).toMatch(/^• x+…\n…and 1 more notices$/);
    expect(rendered.length).toBeLessThanOrEqual(100);
  });

  it('never exceeds its budget, even when the notes alone do not fit', () => {
    // Prepare
    const section: NotificationSection = { heading: [text('H')], lines: [], lists: [files(10), files(10), files(10)] };

    // Act
    const rendered = renderSectionText(section, 25, style);

    // Assess
    expect(rendered.length).toBeLessThanOrEqual(25);
  });
});
