/** What opening an envelope yields: the payload it carries and where that payload sits in the input. */
export type EnvelopeContent = { ok: true; content: unknown; location: string } | { ok: false; reason: string };
