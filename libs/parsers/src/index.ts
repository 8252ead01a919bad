import { x } from '@herald/model';
export const y = x + 1;
