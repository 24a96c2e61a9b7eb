/**
 * Why this file exists: every mail connector now reads headers BEFORE any body (issue 10), and must ask its
 * server for exactly the header fields the parser keeps (parsers/message.ts KEPT_HEADERS), so that a
 * message is classified alike whether it comes over IMAP, the Gmail API or from a file. One list, shared.
 */
import { KEPT_HEADERS } from '../parsers/message.ts';

/**
 * Members of the parser's prefix families that ESPs actually send: IMAP `HEADER.FIELDS` and Gmail
 * `metadataHeaders` have no wildcard, so x-mailgun-*, x-campaign*, ... are named one by one.
 */
export const PREFIX_FAMILY_MEMBERS: readonly string[] = [
  'x-mailgun-sid',
  'x-mailgun-tag',
  'x-mailgun-variables',
  'x-mailgun-batch-id',
  'x-campaign',
  'x-campaignid',
  'x-campaign-id',
  'x-campaignname',
  'x-mailchimp-campaign',
  'x-sendgrid-eid',
  'x-sendgrid-id',
  'x-ses-configuration-set',
  'x-ses-message-tags',
  'x-mc-ip',
  'x-mc-unique',
  'x-marketo-id',
];

/** The header fields a connector asks for: the parser's kept set plus the named prefix-family members. */
export const HEADER_FIELDS: readonly string[] = Object.freeze([
  ...new Set([...KEPT_HEADERS, ...PREFIX_FAMILY_MEMBERS]),
]);
