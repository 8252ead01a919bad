import type { ChatFormatter } from '@herald/model';
import { discordFormatter } from '@herald/formatter-discord';
import { slackFormatter } from '@herald/formatter-slack';

/** Every chat product Herald can format for, by the `type` written in config. */
export const chatFormatters: Readonly<Record<string, ChatFormatter>> = {
  [slackFormatter.type]: slackFormatter,
  [discordFormatter.type]: discordFormatter,
};

export function formatterFor(type: string): ChatFormatter {
  const formatter = chatFormatters[type];
  if (!formatter) throw new Error(`no formatter for chat target type "${type}"`);
  return formatter;
}
