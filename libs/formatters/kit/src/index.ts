export { ELLIPSIS, take, moreLine, shareFairly } from './budget.ts';
export { renderSectionText } from './render-section.ts';
export type { SectionStyle } from './render-section.ts';
