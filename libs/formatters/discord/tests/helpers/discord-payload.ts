import type { APIEmbed } from 'discord-api-types/v10';
import type { DiscordWebhookPayload } from '../../src/index.ts';

/** The characters Discord sums against its 6000 limit for one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Every text of the payload Discord shows, with where it sits. */
export function allTexts(payload: DiscordWebhookPayload): { where: string; text: string }[] {
  return payload.embeds.flatMap((e, i) => [
    ...(e.title === undefined ? [] : [{ where: `embeds[${i}].title`, text: e.title }]),
    ...(e.description === undefined ? [] : [{ where: `embeds[${i}].description`, text: e.description }]),
    ...(e.fields ?? []).flatMap((f, j) => [
      { where: `embeds[${i}].fields[${j}].name`, text: f.name },
      { where: `embeds[${i}].fields[${j}].value`, text: f.value },
    ]),
    ...(e.footer === undefined ? [] : [{ where: `embeds[${i}].footer`, text: e.footer.text }]),
    ...(payload.content === undefined ? [] : [{ where: 'content', text: payload.content }]),
  ]);
}

/**
 * What is wrong with who the payload may ping: either nobody (`{ parse: [] }`, no content mention) or
 * exactly the users and roles whose mentions make up the whole content, at most 100 of each, and never
 * `parse` with `users` or `roles`.
 */
export function mentionProblems(payload: DiscordWebhookPayload): string[] {
  const allowed = payload.allowed_mentions;
  if ('parse' in allowed) {
    const ok = JSON.stringify(allowed) === '{"parse":[]}' && payload.content === undefined;
    return ok ? [] : ['allowed_mentions must suppress every mention'];
  }
  const problems: string[] = [];
  const markups = (payload.content ?? '').split(' ');
  const users = markups.flatMap((m) => /^<@(\d{17,20})>$/.exec(m)?.[1] ?? []);
  const roles = markups.flatMap((m) => /^<@&(\d{17,20})>$/.exec(m)?.[1] ?? []);
  if (users.length + roles.length !== markups.length) problems.push(`content is not only mentions: ${payload.content}`);
  if (JSON.stringify(Object.keys(allowed).sort()) !== '["roles","users"]') problems.push('allowed_mentions keys');
  if (JSON.stringify(allowed.users) !== JSON.stringify(users)) problems.push('allowed users differ from the content');
  if (JSON.stringify(allowed.roles) !== JSON.stringify(roles)) problems.push('allowed roles differ from the content');
  if (allowed.users.length > 100 || allowed.roles.length > 100) problems.push('more than 100 users or roles');
  return problems;
}

/** What breaks a documented limit, as readable messages. */
export function limitViolations(payload: DiscordWebhookPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  problems.push(...mentionProblems(payload));
  check(payload.embeds.length >= 1 && payload.embeds.length <= 10, `embeds ${payload.embeds.length}`);
  check((payload.content?.length ?? 0) <= 2000, 'content > 2000');
  const total = payload.embeds.reduce((n, e) => n + embedLength(e), 0);
  check(total <= 6000, `embeds total ${total} > 6000`);
  for (const e of payload.embeds) {
    check(e.title !== undefined && e.title.length <= 256 && e.title.trim() !== '', `title ${e.title?.length}`);
    check((e.description?.length ?? 0) <= 4096 && e.description?.trim() !== '', `description ${e.description?.length}`);
    check((e.fields?.length ?? 0) <= 25, `fields ${e.fields?.length}`);
    for (const f of e.fields ?? []) {
      check(f.name.length <= 256 && f.name.trim() !== '', `field name ${f.name.length}`);
      check(f.value.length <= 1024 && f.value.trim() !== '', `field value ${f.value.length}`);
    }
    check(e.footer === undefined || (e.footer.text.length <= 2048 && e.footer.text.trim() !== ''), 'footer');
    check(Number.isInteger(e.color) && (e.color ?? -1) >= 0 && (e.color ?? 0) <= 0xffffff, `colour ${e.color}`);
    check(e.timestamp === undefined || new Date(e.timestamp).toISOString() === e.timestamp, `timestamp ${e.timestamp}`);
    check(e.url === undefined || /^https?:\/\/[^\s()<>]+$/.test(e.url), `url ${e.url}`);
  }
  for (const { where, text } of allTexts(payload)) {
    check(text.isWellFormed(), `lone surrogate in ${where}`);
    check(!/[\p{Cc}\u2028\u2029]/u.test(text.replaceAll('\n', '')), `control character in ${where}`);
  }
  return problems;
}

/**
 * What in the payload could mention or link from untrusted text. Links built by the formatter are
 * `[escaped text](url)` with a target that `isTrustedTarget` accepts, and the content may hold only the
 * `trustedMentions` markups. Outside link targets no `@` or `<`
 * may lack a word joiner, and with code spans dropped and each link replaced by its text, no `://` and no
 * unescaped `](` may be left.
 */
export function injectionFindings(
  payload: DiscordWebhookPayload,
  isTrustedTarget: (url: string) => boolean = (url) => url.startsWith('https://herald.example/'),
  trustedMentions: readonly string[] = [],
): string[] {
  const findings: string[] = [];
  for (const { where, text: raw } of allTexts(payload)) {
    const text = where === 'content' ? trustedMentions.reduce((left, markup) => left.split(markup).join(''), raw) : raw;
    // The footer shows no markdown; elsewhere code spans show their text as it is.
    const footer = where.endsWith('footer');
    const rest = footer
      ? text
      : text
          .replace(/(?<=(?:^|[^\\])(?:\\\\)*)`[^`]*`/g, '')
          .replace(/\[((?:\\.|[^\\\]])*)\]\(([^()\s]*)\)/g, (_, label: string, url: string) => {
            if (!isTrustedTarget(url) || !/^https?:\/\/[^\s()<>]+$/.test(url)) findings.push(`untrusted link target in ${where}: ${url}`);
            return label;
          });
    const excerpt = `${where}: ${JSON.stringify(rest.slice(0, 80))}`;
    const withoutTargets = footer ? text : text.replace(/\]\(https?:\/\/[^\s()<>]+\)/g, ']');
    if (/@(?!\u2060)/.test(withoutTargets)) findings.push(`mention-forming @ in ${excerpt}`);
    if (/<(?!\u2060)/.test(withoutTargets)) findings.push(`mention-forming < in ${excerpt}`);
    if (rest.includes('://')) findings.push(`URL scheme in ${excerpt}`);
    if (!footer && /(?<!\\)\]\(/.test(rest)) findings.push(`masked link in ${excerpt}`);
  }
  for (const e of payload.embeds) {
    if (e.url !== undefined && !isTrustedTarget(e.url)) findings.push(`untrusted embed url ${e.url}`);
  }
  return findings;
}
