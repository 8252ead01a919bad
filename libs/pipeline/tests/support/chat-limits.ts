/** Independent checks of what Slack and Discord accept: the documented limits and mention/link safety. */

type Json = Record<string, unknown>;
const length = (value: unknown) => String(value ?? '').length;

const CONSOLE_LINK = /^https:\/\/([a-z0-9-]+\.)?console\.aws\.amazon\.com\//;

/** Every problem found in a Slack incoming-webhook body, as readable lines (empty: acceptable). */
export function slackProblems(payload: unknown): string[] {
  const problems: string[] = [];
  const body = payload as Json;
  if (length(body['text']) > 3000) problems.push(`text ${length(body['text'])} > 3000`);
  const attachments = (body['attachments'] as Json[] | undefined) ?? [];
  const blocks = attachments.flatMap((attachment) => (attachment['blocks'] as Json[] | undefined) ?? []);
  if (blocks.length > 50) problems.push(`${blocks.length} blocks > 50`);
  let total = 0;
  const texts: string[] = [String(body['text'] ?? '')];
  for (const block of blocks) {
    const text = (block['text'] as Json | undefined)?.['text'];
    if (text !== undefined) {
      texts.push(String(text));
      total += length(text);
      const max = block['type'] === 'header' ? 150 : 3000;
      if (length(text) > max) problems.push(`${String(block['type'])} text ${length(text)} > ${max}`);
    }
    const fields = (block['fields'] as Json[] | undefined) ?? [];
    if (fields.length > 10) problems.push(`${fields.length} fields > 10`);
    for (const field of fields) {
      texts.push(String(field['text']));
      total += length(field['text']);
      if (length(field['text']) > 2000) problems.push(`field ${length(field['text'])} > 2000`);
    }
    const elements = (block['elements'] as Json[] | undefined) ?? [];
    if (block['type'] === 'context' && elements.length > 10) problems.push(`${elements.length} context elements > 10`);
    for (const element of elements) {
      texts.push(String(element['text'] ?? ''));
      total += length(element['text']);
    }
  }
  if (total > 12000) problems.push(`block text ${total} > 12000`);
  for (const text of texts) {
    for (const match of text.matchAll(/<([^>]*)>/g)) {
      const inner = match[1] ?? '';
      if (!CONSOLE_LINK.test(inner)) problems.push(`control sequence <${inner.slice(0, 40)}> not built by Herald`);
    }
    if (/@(channel|here|everyone)\b/.test(text)) problems.push('plain @channel/@here/@everyone');
    if (/https?:\/\//.test(text.replace(/<[^>]*>/g, ''))) problems.push('bare URL outside a Herald link');
  }
  return problems;
}

/** Every problem found in a Discord execute-webhook body (empty: acceptable). */
export function discordProblems(payload: unknown): string[] {
  const problems: string[] = [];
  const body = payload as Json;
  const mentions = body['allowed_mentions'] as Json | undefined;
  if (!mentions || !Array.isArray(mentions['parse']) || (mentions['parse'] as unknown[]).length > 0) {
    problems.push('allowed_mentions does not suppress every mention');
  }
  if (length(body['content']) > 2000) problems.push('content > 2000');
  const embeds = (body['embeds'] as Json[] | undefined) ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  const texts: string[] = [String(body['content'] ?? '')];
  const check = (what: string, value: unknown, max: number) => {
    if (value === undefined) return;
    texts.push(String(value));
    total += length(value);
    if (length(value) > max) problems.push(`${what} ${length(value)} > ${max}`);
  };
  for (const embed of embeds) {
    check('title', embed['title'], 256);
    check('description', embed['description'], 4096);
    check('footer', (embed['footer'] as Json | undefined)?.['text'], 2048);
    check('author', (embed['author'] as Json | undefined)?.['name'], 256);
    const fields = (embed['fields'] as Json[] | undefined) ?? [];
    if (fields.length > 25) problems.push(`${fields.length} fields > 25`);
    for (const field of fields) {
      check('field name', field['name'], 256);
      check('field value', field['value'], 1024);
    }
  }
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  for (const text of texts) {
    for (const match of text.matchAll(/\]\(([^)]*)\)/g)) {
      if (!CONSOLE_LINK.test(match[1] ?? '')) problems.push(`link (${(match[1] ?? '').slice(0, 40)}) not built by Herald`);
    }
    if (/@(everyone|here)\b/.test(text)) problems.push('plain @everyone/@here');
    if (/<@[!&]?\d|<#\d/.test(text)) problems.push('user, role or channel mention');
    if (/(^|[^\u2060/])https?:\/\//.test(text.replace(/\]\([^)]*\)/g, ''))) problems.push('bare URL outside a Herald link');
  }
  return problems;
}
