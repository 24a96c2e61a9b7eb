/**
 * The member's exclusions page (`/member/exclusions`) and the preview's "exclude" buttons: people, whole
 * domains and a connection's folders or labels kept out of sharing (src/connections/exclusions.ts). Every
 * later harvest and preview applies them before anything is stored; removing one shares again from the next
 * harvest. A hono/jsx component: every value is escaped by construction.
 */
import type { FC } from 'hono/jsx';
import { page } from './layout.tsx';
import { folderRuleLimit, type Exclusion } from '../../connections/exclusions.ts';

interface ConnectionChoice {
  id: string;
  kind: string;
  account: string;
}

const KIND_WORDS: Record<Exclusion['kind'], string> = {
  address: 'person',
  domain: 'domain (and its subdomains)',
  folder: 'folder or label',
};

/** "Exclude this person" and "Exclude this domain" for one previewed contact. */
export const ExcludeButtons: FC<{ email: string; domain: string | null }> = ({ email, domain }) => (
  <>
    <form class="inline" method="post" action="/member/exclusions">
      <input type="hidden" name="kind" value="address" />
      <input type="hidden" name="value" value={email} />
      <button type="submit" data-testid="exclude-person">
        Exclude this person
      </button>
    </form>{' '}
    {domain ? (
      <form class="inline" method="post" action="/member/exclusions">
        <input type="hidden" name="kind" value="domain" />
        <input type="hidden" name="value" value={domain} />
        <button type="submit" data-testid="exclude-domain">
          Exclude {domain}
        </button>
      </form>
    ) : null}
  </>
);

const RuleRow: FC<{ rule: Exclusion; connections: ConnectionChoice[] }> = ({ rule, connections }) => {
  const conn = connections.find((c) => c.id === rule.connectionId);
  return (
    <tr data-testid="exclusion">
      <td>{KIND_WORDS[rule.kind]}</td>
      <td>{rule.value}</td>
      <td>
        {conn ? `${conn.kind} ${conn.account}` : rule.connectionId ? 'a removed connection' : 'every source'}
      </td>
      <td>
        <form class="inline" method="post" action="/member/exclusions/remove">
          <input type="hidden" name="id" value={rule.id} />
          <button type="submit">Share again</button>
        </form>
      </td>
    </tr>
  );
};

/** The connections whose messages carry folders (Outlook is read from the Inbox only; calendars have none). */
const withFolders = (cs: ConnectionChoice[]) => cs.filter((c) => folderRuleLimit(c.kind) === null);

export const ExclusionsPage: FC<{
  rules: Exclusion[];
  connections: ConnectionChoice[];
  flash?: string | null;
  error?: string | null;
}> = ({ rules, connections, flash, error }) => (
  <>
    <h1>Kept out of sharing</h1>
    <p>
      What you exclude here is never shared: no harvest or preview of your sources stores anything about it,
      it earns no credits and nobody is sent a notice because of you. Excluding applies from the next harvest;
      "Share again" too (mail read while the rule held is not lost: it comes in when the source is read again
      from the start).
    </p>
    {flash ? <p class="flash">{flash}</p> : null}
    {error ? <p class="danger">{error}</p> : null}
    {rules.length ? (
      <table data-testid="exclusions">
        <tr>
          <th>what</th>
          <th>value</th>
          <th>on</th>
          <th></th>
        </tr>
        {rules.map((r) => (
          <RuleRow rule={r} connections={connections} />
        ))}
      </table>
    ) : (
      <p>Nothing is excluded.</p>
    )}
    <h2>Exclude</h2>
    <form method="post" action="/member/exclusions">
      <input type="hidden" name="kind" value="address" />
      <label>
        A person's address <input type="email" name="value" required />
      </label>{' '}
      <button type="submit">Exclude person</button>
    </form>
    <form method="post" action="/member/exclusions">
      <input type="hidden" name="kind" value="domain" />
      <label>
        A whole domain <input name="value" placeholder="client.example" required />
      </label>{' '}
      <button type="submit">Exclude domain</button>
    </form>
    {withFolders(connections).length ? (
      <form method="post" action="/member/exclusions">
        <input type="hidden" name="kind" value="folder" />
        <label>
          A folder or label of{' '}
          <select name="connection">
            {withFolders(connections).map((c) => (
              <option value={c.id}>{`${c.kind} ${c.account}`}</option>
            ))}
          </select>
        </label>{' '}
        <input name="value" placeholder="Clients" required /> <button type="submit">Exclude folder</button>
        <p class="note">
          Folders as your mail shows them (IMAP: "INBOX/Clients"; Gmail: the label's name, "Clients", which
          also covers its sublabels such as "Clients/Acme"; mailbox files: the subfolder, "Clients/acme").
          Upper and lower case do not matter.
        </p>
      </form>
    ) : null}
    {connections.some((c) => c.kind === 'outlook') ? (
      <p class="note" data-testid="outlook-inbox-only">
        {folderRuleLimit('outlook')}
      </p>
    ) : null}
    <p>
      <a href="/member/home">Back to your account</a>
    </p>
  </>
);

/** The whole exclusions page. */
export const exclusionsPage = (p: {
  rules: Exclusion[];
  connections: ConnectionChoice[];
  flash?: string | null;
  error?: string | null;
}) => page('Kept out of sharing', <ExclusionsPage {...p} />);
