export { Herald, namePrefixFor, notifierApps } from './herald.ts';
export type { HeraldArgs, NotifierApp } from './herald.ts';
