/**
 * Connection kind -> connector factory. Modules load lazily so a CLI command pays only for what it uses.
 * Each module exports `factory: ConnectorFactory`.
 */
import type { ConnectorFactory } from './types.ts';
import { ConnectorError } from './types.ts';

const MODULES: Record<string, () => Promise<{ factory: ConnectorFactory }>> = {
  gmail: () => import('./gmail/index.ts'),
  'google-calendar': () => import('./google/calendar.ts'),
  'google-contacts': () => import('./google/contacts.ts'),
  outlook: () => import('./outlook/index.ts'),
  'outlook-calendar': () => import('./outlook/calendar.ts'),
  'outlook-contacts': () => import('./outlook/contacts.ts'),
  imap: () => import('./imap/index.ts'),
  mailbox: () => import('./mailbox/index.ts'),
};

export const CONNECTION_KINDS = Object.keys(MODULES);

export async function connectorFactory(kind: string): Promise<ConnectorFactory> {
  const load = MODULES[kind];
  if (!load) throw new ConnectorError('config', `unknown connection kind "${kind}"`);
  return (await load()).factory;
}
