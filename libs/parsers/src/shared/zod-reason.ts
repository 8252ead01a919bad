import type * as z from 'zod/mini';

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/**
 * The first problem zod found, as `<subject>: <path> <message>` (or `<subject> <message>` for the value
 * itself). Schemas in this library give every check a message that reads after a path: `must be …`.
 */
export function reasonFromZodError(subject: string, error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${subject} is invalid`;
  const path = formatPath(issue.path);
  return path === '' ? `${subject} ${issue.message}` : `${subject}: ${path} ${issue.message}`;
}

/**
 * Like {@link reasonFromZodError}, with the path appended to a location in the input:
 * `Records[0].Sns.Message must be a string`. An empty location is the input itself.
 */
export function reasonAtPath(location: string, error: z.core.$ZodError): string {
  const issue = error.issues[0];
  const path = issue === undefined ? '' : formatPath(issue.path);
  const message = issue?.message ?? 'is invalid';
  return `${joinPath(location, path) || 'input'} ${message}`;
}

/** `Records[0]` + `Sns.Message` → `Records[0].Sns.Message`; either may be empty. */
export function joinPath(location: string, path: string): string {
  if (location === '' || path === '') return location + path;
  return path.startsWith('[') ? `${location}${path}` : `${location}.${path}`;
}

/** `['codecommit', 'references', 2, 'ref']` → `codecommit.references[2].ref`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (!IDENTIFIER.test(name)) return `[${JSON.stringify(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}
