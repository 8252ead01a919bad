import type { ContextBlock, SectionBlock } from '@slack/types';
import type { SlackWebhookPayload } from '../../src/index.ts';

/** Every mrkdwn text of the payload's blocks. */
export function blockTexts(payload: SlackWebhookPayload): string[] {
  return payload.attachments[0].blocks.flatMap((block: SectionBlock | ContextBlock) =>
    block.type === 'context'
      ? block.elements.flatMap((e) => ('text' in e ? [e.text] : []))
      : [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((f) => f.text)],
  );
}

/** Every text Slack renders or notifies with. */
export function allTexts(payload: SlackWebhookPayload): string[] {
  return [payload.text, payload.attachments[0].fallback, ...blockTexts(payload)];
}

/** What breaks a documented limit (or a ceiling this formatter keeps), as readable messages. */
export function limitViolations(payload: SlackWebhookPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  const blocks = payload.attachments[0].blocks;
  check(payload.attachments.length === 1, 'one attachment');
  check(blocks.length <= 50, `blocks ${blocks.length} > 50`);
  check(payload.text.length <= 3000, `text ${payload.text.length} > 3000`);
  check(payload.text.trim() !== '', 'blank text');
  check(/^#[0-9a-f]{6}$/i.test(payload.attachments[0].color), `colour ${payload.attachments[0].color}`);
  const total = blockTexts(payload).reduce((n, t) => n + t.length, 0);
  check(total <= 12_000, `block texts ${total} > 12000`);
  for (const block of blocks) {
    if (block.type === 'context') {
      check(block.elements.length >= 1 && block.elements.length <= 10, `context elements ${block.elements.length}`);
      continue;
    }
    const t = block.text?.text;
    if (t !== undefined) check(t.length >= 1 && t.length <= 3000 && t.trim() !== '', `section text ${t.length}`);
    const fields = block.fields ?? [];
    check(fields.length <= 10, `fields ${fields.length} > 10`);
    for (const f of fields) check(f.text.length <= 2000 && f.text.trim() !== '', `field text ${f.text.length}`);
    check(t !== undefined || fields.length > 0, 'empty section');
  }
  for (const t of allTexts(payload)) {
    check(t.isWellFormed(), `lone surrogate in ${JSON.stringify(t.slice(0, 40))}`);
    check(!/[\p{Cc}\u2028\u2029]/u.test(t.replaceAll('\n', '')), `control character in ${JSON.stringify(t.slice(0, 40))}`);
  }
  return problems;
}

/** Every mention markup (`<@…>`, `<!…>`) in every text Slack renders or notifies with. */
export function mentionMarkups(payload: SlackWebhookPayload): string[] {
  return allTexts(payload).flatMap((t) => t.match(/<[@!][^<>]*>/g) ?? []);
}

/**
 * What in the payload could mention or link from untrusted text. Links built by the formatter are
 * `<url|escaped text>` with a target that `isTrustedTarget` accepts, and mentions are exactly the
 * `trustedMentions` markups; with those removed and each link replaced by its text, no `<` or `>`, no bare
 * `&`, no `@` without a word joiner, no `://` and no linkable domain may be left.
 */
export function injectionFindings(
  payload: SlackWebhookPayload,
  isTrustedTarget: (url: string) => boolean = (url) => url.startsWith('https://herald.example/'),
  trustedMentions: readonly string[] = [],
): string[] {
  const findings: string[] = [];
  for (const t of allTexts(payload)) {
    const rest = trustedMentions.reduce((left, markup) => left.split(markup).join(''), t).replace(/<([^<>|]*)\|([^<>]*)>/g, (_, url: string, label: string) => {
      if (!isTrustedTarget(url) || !/^https?:\/\/[^\s<>|]+$/.test(url)) findings.push(`untrusted link target: ${url}`);
      return label;
    });
    const excerpt = JSON.stringify(rest.slice(0, 80));
    if (/[<>]/.test(rest)) findings.push(`unescaped angle bracket: ${excerpt}`);
    if (/&(?!amp;|lt;|gt;)/.test(rest)) findings.push(`bare ampersand: ${excerpt}`);
    if (/@(?!\u2060)/.test(rest)) findings.push(`mention-forming @: ${excerpt}`);
    if (rest.includes('://')) findings.push(`URL scheme: ${excerpt}`);
    // Slack does not auto-link inside code spans.
    const outsideCode = rest.replace(/`[^`\n]*`/g, '');
    if (/evil\.example|www\.\p{L}/u.test(outsideCode)) findings.push(`auto-linking domain: ${excerpt}`);
  }
  return findings;
}
