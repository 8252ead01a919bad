import { deliverMessages } from '@herald/pipeline';
import { CliError } from '../cli-error.ts';
import { renderFromArguments, type RenderArguments } from './render-command.ts';

export interface SendArguments extends RenderArguments {
  target: string;
  webhook: string;
}

/** Renders an event for one target and posts it through the same delivery code the Lambdas use. */
export async function sendCommand(args: SendArguments): Promise<void> {
  let url: URL;
  try {
    url = new URL(args.webhook);
  } catch {
    throw new CliError('--webhook is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError('--webhook must be an http(s) URL');
  const { messages } = await renderFromArguments(args);
  if (messages.length === 0) throw new CliError(`no message is routed to ${args.target} for this event`, 1);
  const report = await deliverMessages(messages, async () => url.toString());
  const [failure] = report.failed;
  if (failure) throw new CliError(`delivery to ${failure.target} failed: ${failure.reason}`, 1);
  process.stdout.write(`herald: delivered ${messages.length} message${messages.length === 1 ? '' : 's'} to ${args.target}\n`);
}
