import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';
import { renderCommand } from './commands/render-command.ts';
import { sendCommand } from './commands/send-command.ts';

const usage = `Usage:
  herald render --event FILE|- [--target NAME] [--config FILE] [--offline]
      Print the exact webhook bodies the event produces, as a JSON array, in order.
  herald send --event FILE|- --target NAME --webhook URL [--config FILE] [--offline]
      Post them through Herald's delivery code (retries, backoff, Retry-After).
  herald demo
      Run sample events through the real handler against local stand-ins and show each message.

AWS enrichment uses the standard SDK configuration (credentials, region, AWS_ENDPOINT_URL); --offline skips it.`;

const options = {
  event: { type: 'string' },
  target: { type: 'string' },
  config: { type: 'string' },
  webhook: { type: 'string' },
  offline: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required (see herald --help)`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  // Not echoed: a stray argument may be a webhook URL given without --webhook.
  if (extra.length > 0) throw new CliError('unexpected argument after the command: options are written --name value');
  const common = {
    event: '',
    offline: values.offline,
    ...(values.target ? { target: values.target } : {}),
    ...(values.config ? { config: values.config } : {}),
  };
  switch (command) {
    case 'render':
      return renderCommand({ ...common, event: required(values.event, '--event') });
    case 'send':
      return sendCommand({
        ...common,
        event: required(values.event, '--event'),
        target: required(values.target, '--target'),
        webhook: required(values.webhook, '--webhook'),
      });
    case 'demo': {
      const { runDemo } = await import('./demo/run-demo.ts');
      return runDemo();
    }
    default:
      throw new CliError(`unknown command "${command}" (render, send, demo)`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  const exitCode = error instanceof CliError ? error.exitCode : 1;
  const message = (error as Error).message?.split('\n')[0] || String(error);
  process.stderr.write(`herald: ${message}\n`);
  process.exitCode = exitCode;
}
