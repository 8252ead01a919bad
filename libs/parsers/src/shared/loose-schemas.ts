import * as z from 'zod/mini';
import { wholeNumber } from './loose-fields.ts';

/**
 * Field schemas shared by the event sources: liberal in what AWS is known to send (string booleans and
 * numbers, `null` for absent), and each with a message that reads after a path (`… must be …`).
 */

export const NON_EMPTY_STRING_MESSAGE = 'must be a non-empty string';

/** A required string with more than whitespace in it; kept exactly as sent. */
export const requiredText = z
  .string({ error: NON_EMPTY_STRING_MESSAGE })
  .check(z.refine((value) => value.trim() !== '', { error: NON_EMPTY_STRING_MESSAGE }));

/** Metadata that is nice to have: a non-blank string, otherwise `undefined` (never a failure). */
export const optionalText = z.catch(
  z.pipe(
    z.nullish(z.string()),
    z.transform((value) => (value === null || value === undefined || value.trim() === '' ? undefined : value)),
  ),
  undefined,
);

/** `true`/`false`, also as the strings `"true"`/`"false"` (any case); `null` or absent means not set. */
export const looseFlag = z.pipe(
  z.nullish(
    z.union([z.boolean(), z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'insensitive' })], {
      error: 'must be true or false',
    }),
  ),
  z.transform((value) => value === true),
);

/** A positive whole number, also as a numeric string; anything else is `undefined`. */
export const optionalCount = z.catch(
  z.optional(
    z.pipe(
      z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/)), z.transform(Number))]),
      z.int().check(z.positive()),
    ),
  ),
  undefined,
);

/** An id sent as a string or a number (`"76"`, `76`), as a non-blank string. */
export const requiredIdentifier = z.union([requiredText, z.pipe(z.number(), z.transform(String))], {
  error: NON_EMPTY_STRING_MESSAGE,
});

/** Like {@link requiredIdentifier}, but `undefined` when missing or unreadable. */
export const optionalIdentifier = z.catch(z.optional(requiredIdentifier), undefined);

/** A whole number ≥ 0 such as a version, also as `1.0` or numeric text; anything else is `undefined`. */
export const optionalWholeNumber = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => wholeNumber(value)),
);
