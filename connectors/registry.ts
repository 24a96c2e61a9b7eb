/**
 * Connection kind -> connector factory. Modules load lazily so a CLI command pays only for what it uses.
 * Each module exports `factory: ConnectorFactory`; a factory with an `oauth` part is connected through its
 * provider's consent page, by the CLI and the web member area alike, neither of which knows the provider.
 */
import type { ConnectorConsent, ConnectorFactory } from './types.ts';
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

/**
 * Who runs the consent of the kinds whose factory has an `oauth` part. Known without loading a connector,
 * so a CLI can list its commands and a web page its buttons for free; `id` names the provider in web
 * routes (`/oauth/{id}/callback`) and pending flows.
 */
export interface ConsentProvider {
  id: string;
  /** The provider as people know it ("Google"). */
  name: string;
  /** The product its sources belong to, for help texts ("Microsoft 365"). */
  product: string;
  /** Its kinds, in the order offered (the first is the default). */
  kinds: readonly string[];
}

export const CONSENT_PROVIDERS: readonly ConsentProvider[] = [
  { id: 'google', name: 'Google', product: 'Google', kinds: ['gmail', 'google-calendar', 'google-contacts'] },
  {
    id: 'microsoft',
    name: 'Microsoft',
    product: 'Microsoft 365',
    kinds: ['outlook', 'outlook-calendar', 'outlook-contacts'],
  },
];

/** The provider whose consent connects `kind`, or undefined for kinds connected otherwise (IMAP, files). */
export function consentProviderOf(kind: string): ConsentProvider | undefined {
  return CONSENT_PROVIDERS.find((p) => p.kinds.includes(kind));
}

/** The `oauth` part of `kind`'s factory; a `config` ConnectorError when the kind has none. */
export async function connectorConsent(
  kind: string,
  factoryFor: (kind: string) => Promise<ConnectorFactory> = connectorFactory,
): Promise<ConnectorConsent> {
  const oauth = (await factoryFor(kind)).oauth;
  if (!oauth) throw new ConnectorError('config', `"${kind}" is not connected through an OAuth consent`);
  return oauth;
}
