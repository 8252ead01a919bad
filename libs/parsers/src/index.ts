export { ParseError } from './parse-error.ts';
export type { ParseOutcome } from './parse-error.ts';
export { parseLambdaEvent } from './parse-lambda-event.ts';
export { parseActor } from './parse-actor.ts';
