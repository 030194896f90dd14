import { z } from 'zod';

/**
 * zod's jitless mode, for every bundle that parses with zod (worker, extension pages, content scripts): no
 * Function constructor at run time, which extension CSP forbids and which a strict SIS page CSP would report.
 * Entry points import this first. The build (scripts/zod-jitless.ts) also removes zod's eval probe.
 */
z.config({ jitless: true });
