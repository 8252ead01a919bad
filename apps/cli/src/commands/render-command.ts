import { renderEvent, type RenderResult } from '@herald/pipeline';
import { CliError } from '../cli-error.ts';
import { createOnlineEnricher } from '../online-enricher.ts';
import { readConfig, readEvent, selectTarget } from '../read-inputs.ts';

export interface RenderArguments {
  event: string;
  target?: string;
  config?: string;
  offline: boolean;
}

/** Renders an event file into the webhook bodies it produces; warns on stderr about records it skipped. */
export async function renderFromArguments(args: RenderArguments): Promise<RenderResult> {
  const event = await readEvent(args.event);
  const selected = selectTarget(await readConfig(args.config), args.target);
  const result = await renderEvent(event, {
    config: selected.config,
    ...(selected.onlyTargets ? { onlyTargets: selected.onlyTargets } : {}),
    ...(args.offline ? {} : { enrich: createOnlineEnricher(selected.config) }),
  });
  if (result.events.length === 0) {
    throw new CliError(result.rejected[0]?.reason ?? 'no event in the input');
  }
  for (const error of result.rejected) process.stderr.write(`herald: skipped a record: ${error.reason}\n`);
  return result;
}

export async function renderCommand(args: RenderArguments): Promise<void> {
  const result = await renderFromArguments(args);
  process.stdout.write(`${JSON.stringify(result.messages.map((message) => message.payload), null, 2)}\n`);
}
