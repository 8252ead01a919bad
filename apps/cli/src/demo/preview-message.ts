/** Terminal previews of webhook bodies, so the demo shows each message the way a person reads it. */

type Json = Record<string, unknown>;

const useColor = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];

function bar(hex: string | number | undefined): string {
  const value = typeof hex === 'number' ? hex : Number.parseInt(String(hex ?? '').replace('#', ''), 16);
  if (!useColor || Number.isNaN(value)) return '│';
  return `\x1b[38;2;${(value >> 16) & 255};${(value >> 8) & 255};${value & 255}m┃\x1b[0m`;
}

function indent(lines: string[], prefix: string): string {
  return lines
    .flatMap((line) => line.split('\n'))
    .map((line) => `${prefix} ${line}`)
    .join('\n');
}

function blockText(block: Json): string[] {
  const text = (block['text'] as Json | undefined)?.['text'];
  const fields = ((block['fields'] as Json[] | undefined) ?? []).map((field) => String(field['text']));
  const elements = ((block['elements'] as Json[] | undefined) ?? []).map((element) => String(element['text'] ?? ''));
  return [...(text ? [String(text)] : []), ...fields, ...(elements.length ? [elements.join('  ')] : [])];
}

/** A Slack incoming-webhook body as terminal text: colour bar, then each block's text as Slack shows it. */
export function previewSlackMessage(payload: unknown): string {
  const body = payload as Json;
  const attachments = (body['attachments'] as Json[] | undefined) ?? [];
  const parts = [`Slack · notification text: ${String(body['text'] ?? '')}`];
  for (const attachment of attachments) {
    const lines = ((attachment['blocks'] as Json[] | undefined) ?? []).flatMap(blockText);
    parts.push(indent(lines, bar(attachment['color'] as string | undefined)));
  }
  return parts.join('\n');
}

/** A Discord execute-webhook body as terminal text: each embed with its colour, fields and footer. */
export function previewDiscordMessage(payload: unknown): string {
  const body = payload as Json;
  const parts = [`Discord · allowed_mentions ${JSON.stringify(body['allowed_mentions'])}${body['content'] ? ` · ${String(body['content'])}` : ''}`];
  for (const embed of (body['embeds'] as Json[] | undefined) ?? []) {
    const lines = [
      `${String(embed['title'] ?? '')}${embed['url'] ? `  <${String(embed['url'])}>` : ''}`,
      ...(embed['description'] ? [String(embed['description'])] : []),
      ...((embed['fields'] as Json[] | undefined) ?? []).map((field) => `${String(field['name'])}: ${String(field['value'])}`),
      ...(embed['footer'] ? [String((embed['footer'] as Json)['text'])] : []),
    ];
    parts.push(indent(lines, bar(embed['color'] as number | undefined)));
  }
  return parts.join('\n');
}

const TEXT_KEYS = new Set(['title', 'subtitle', 'text', 'value', 'name', 'header']);

function collectTexts(value: unknown, into: string[]): void {
  if (Array.isArray(value)) value.forEach((item) => collectTexts(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (TEXT_KEYS.has(key) && typeof inner === 'string') into.push(inner);
      else collectTexts(inner, into);
    }
  }
}

/** Any other chat product's body as terminal text: every title and text it carries, in order. */
export function previewOtherMessage(type: string, payload: unknown): string {
  const texts: string[] = [];
  collectTexts(payload, texts);
  return [`${type} · ${Buffer.byteLength(JSON.stringify(payload))} bytes`, indent(texts, '│')].join('\n');
}

/** The preview for a chat target type. */
export function previewMessage(type: string, payload: unknown): string {
  if (type === 'slack') return previewSlackMessage(payload);
  if (type === 'discord') return previewDiscordMessage(payload);
  return previewOtherMessage(type, payload);
}
