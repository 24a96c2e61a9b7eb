/**
 * Privacy options for tests: the built-in jurisdiction table (what `loadConfig` gives with no
 * SIGMINE_NOTICE_HOLD or SIGMINE_OBJECTION_WINDOW_DAYS set) and no outbox files touched on erasure.
 */
import { loadPolicy } from '../../src/jurisdiction/policy.ts';

export const testPolicy = loadPolicy({});
export const testPrivacy = { policy: testPolicy, outboxDir: false as const };
