import type { Inline } from './notification.ts';

/** Builders for inline segments, so describe code reads as prose. */
export const text = (value: string): Inline => ({ type: 'text', text: value });
export const code = (value: string): Inline => ({ type: 'code', text: value });
export const strong = (value: string): Inline => ({ type: 'strong', text: value });
export const link = (value: string, url: string): Inline => ({ type: 'link', text: value, url });
