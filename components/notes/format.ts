import { format } from 'date-fns';

/** A saved-at time as the user reads it. */
export const stamp = (ms: number) => format(ms, 'yyyy-MM-dd HH:mm');
