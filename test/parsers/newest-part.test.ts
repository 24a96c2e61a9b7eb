import { describe, expect, it } from 'vitest';
import { newestPart } from '../../parsers/newest-part.ts';

const reply = (intro: string) =>
  `Top text.\n\nJo Smith\nAcme Ltd\n\n${intro}\n> quoted line\n> Quoted Person\n`;

describe('the newest part of a message', () => {
  it.each([
    ['en', 'On Mon, May 3, 2021 at 9:02 AM Paul Grant <paul@example.com> wrote:'],
    ['de', 'Am 03.05.2021 um 09:02 schrieb Paul Grant <paul@example.com>:'],
    ['fr', 'Le lun. 3 mai 2021 à 09:02, Paul Grant <paul@example.com> a écrit :'],
    ['es', 'El lun, 3 may 2021 a las 9:02, Paul Grant (<paul@example.com>) escribió:'],
    ['it', 'Il giorno lun 3 mag 2021 alle ore 09:02 Paul Grant <paul@example.com> ha scritto:'],
    ['nl', 'Op ma 3 mei 2021 om 09:02 schreef Paul Grant <paul@example.com>:'],
    ['pt', 'Em seg., 3 de mai. de 2021 às 09:02, Paul Grant <paul@example.com> escreveu:'],
    ['gmail iso', '2017-05-15 6:16 GMT-07:00 Paul Grant <paul@example.com>:'],
    ['ca', 'El 24/2/26 a les 18:03, Paul Grant ha escrit:'],
    ['ca gmail', 'El dt., 24 de febr. 2026 a les 18:03, Paul Grant va escriure:'],
    ['hr', 'uto, 24. velj 2026. u 18:03 Paul Grant napisao je:'],
    ['bg', 'вт, 24.02.2026 г. в 18:03 ч. Paul Grant написа:'],
    ['hi', 'मंगल, 24 फ़र॰ 2026 को 6:03 pm बजे Paul Grant ने लिखा:'],
  ])('ends above a %s "wrote:" intro and its quote', (_lang, intro) => {
    expect(newestPart(reply(intro))).toBe('Top text.\n\nJo Smith\nAcme Ltd');
  });

  it('ends above an intro wrapped over two lines', () => {
    const t =
      'Fine by me.\n\nOn Mon, May 3, 2021 at 9:02 AM Paul Grant\n<paul@example.com> wrote:\n> hello\n';
    expect(newestPart(t)).toBe('Fine by me.');
  });

  it.each([
    ['en', 'From: Paul Grant\nSent: Monday, May 3, 2021 9:02 AM\nTo: Jo Smith\nSubject: Offer'],
    ['de', 'Von: Paul Grant\nGesendet: Montag, 3. Mai 2021 09:02\nAn: Jo Smith\nBetreff: Angebot'],
    ['fr', 'De : Paul Grant\nEnvoyé : lundi 3 mai 2021 09:02\nÀ : Jo Smith\nObjet : Offre'],
    ['es', 'De: Paul Grant\nEnviado: lunes, 3 de mayo de 2021 9:02\nPara: Jo Smith\nAsunto: Oferta'],
    ['bold html', '*From:* Paul Grant\n*Sent:* Monday, May 3, 2021 9:02 AM\n*To:* Jo Smith'],
  ])('ends above an Outlook %s header block', (_lang, block) => {
    expect(newestPart(`Thanks.\n\nJo\n\n________________________________\n${block}\n\nOld text\n`)).toBe(
      'Thanks.\n\nJo',
    );
  });

  it('ends above "-----Original Message-----" and Lotus "Forwarded by" lines', () => {
    expect(newestPart('New.\n -----Original Message-----\nFrom: X\n')).toBe('New.');
    expect(newestPart('New.\n----- Forwarded by Jo Smith/HOU/ECT on 04/23/2001 05:55 PM -----\n\nold')).toBe(
      'New.',
    );
    expect(newestPart('New.\n---------- Forwarded message ---------\nFrom: X\n')).toBe('New.');
    expect(newestPart('New.\n\nBegin forwarded message:\n\nFrom: X\n')).toBe('New.');
    expect(newestPart('New.\n\nBEGIN FORWARDED MESSAGE:\n\nFrom: X\n')).toBe('New.');
    expect(newestPart('New.\n -----ORIGINAL MESSAGE-----\nFROM: X\n')).toBe('New.');
  });

  it('ends above a Lotus Notes quote header (name, date, To:)', () => {
    const t =
      'My reply.\n\nJo\n\n\n\tPaul Grant\n\t04/17/2001 04:20 PM\n\t\t \n\t\t To: Jo Smith/HOU/ECT@ECT\n\t\t cc: \n\nold\n';
    expect(newestPart(t)).toBe('My reply.\n\nJo');
    const t2 =
      'Reply.\n\n"Paul Grant" <paul@example.com> on 04/19/2001 \n09:01:03 PM\nTo: "Jo" <jo@example.com>\ncc:\n\nold';
    expect(newestPart(t2)).toBe('Reply.');
  });

  it('drops "Sent from my iPhone", PGP armour, list footers and a trailing confidentiality notice', () => {
    const t = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA1',
      '',
      'Body line.',
      '',
      'Jo Smith',
      'Acme Ltd',
      '',
      'CONFIDENTIALITY NOTICE: This message is confidential and intended only for the addressee. If you are not the intended recipient, delete it.',
      '-----BEGIN PGP SIGNATURE-----',
      'iQA/AwUBPXNFo76WYZbx1eG3EQLfNwCfakNapOkbg26j1jqQQEHgIWFd4s0AoP4J',
      '-----END PGP SIGNATURE-----',
      '',
      'Sent from my iPhone',
      '_______________________________________________',
      'Widgets-users mailing list',
      'Widgets-users@lists.example.org',
      'https://lists.example.org/mailman/listinfo/widgets-users',
    ].join('\n');
    expect(newestPart(t)).toBe('Body line.\n\nJo Smith\nAcme Ltd');
  });

  it('cuts a confidentiality notice glued under the signature without a blank line, keeping the block', () => {
    const t =
      'Hello.\n\nJo Smith\nAcme Ltd\n+44 20 7946 0000\nCONFIDENTIALITY NOTICE\nThis email is confidential and intended solely for the addressee. If you are not the intended recipient please delete it.\n';
    expect(newestPart(t)).toBe('Hello.\n\nJo Smith\nAcme Ltd\n+44 20 7946 0000');
  });

  it('keeps a body sentence ending in "said:" that introduces no quote', () => {
    const t = 'As the manual said:\nrun it twice.\n\nJo\nAcme Ltd';
    expect(newestPart(t)).toBe(t);
  });

  it('keeps a question about unsubscribing and the signature under it', () => {
    const t = 'How do I unsubscribe from the digest?\n\nThanks,\nJo Smith\nAcme Ltd\n+44 20 7946 0000';
    expect(newestPart(t)).toBe(t);
  });

  it('keeps a body sentence that merely mentions a mailing list', () => {
    const t =
      'Should I post this to the kernel mailing list? Any tips?\n\nmick\n-- \nMick Ryan   Ph.: +353 1 555 0101\n';
    expect(newestPart(t)).toBe(t.trimEnd());
  });
  it.each([
    [
      'cs',
      'Od: Paul Grant <paul@example.com>\nOdesláno: pondělí 3. května 2021 9:02\nKomu: Jo Smith\nPředmět: Nabídka',
    ],
    [
      'pl',
      'Od: Paul Grant <paul@example.com>\nWysłano: poniedziałek, 3 maja 2021 09:02\nDo: Jo Smith\nTemat: Oferta',
    ],
    [
      'es (Enviado el)',
      'De: Paul Grant <paul@example.com>\nEnviado el: lunes, 3 de mayo de 2021 9:02\nPara: Jo Smith',
    ],
  ])('ends above a localised Outlook %s header block', (_lang, block) => {
    expect(newestPart(`Thanks.\n\nJo\n\n${block}\n\nOld text\n`)).toBe('Thanks.\n\nJo');
  });

  it.each([
    ['da', 'Sendt fra min iPhone'],
    ['pl', 'Wysłane z mojego iPhone'],
    ['pt', 'Enviado do meu iPhone'],
    ['ja', 'iPhoneから送信'],
  ])('drops the %s mobile footer under the signature', (_lang, footer) => {
    expect(newestPart(`Fine.\n\nJo Smith\nAcme A/S\n+45 33 55 00 00\n\n${footer}\n`)).toBe(
      'Fine.\n\nJo Smith\nAcme A/S\n+45 33 55 00 00',
    );
  });

  it.each([
    [
      'es',
      'AVISO LEGAL: Este mensaje y sus anexos se dirigen exclusivamente a su destinatario y pueden contener información confidencial sometida a secreto profesional.',
    ],
    [
      'it',
      'Questo messaggio è destinato esclusivamente al destinatario indicato. Se lo avete ricevuto per errore vi preghiamo di cancellarlo.',
    ],
    [
      'nl',
      'Dit bericht is uitsluitend bestemd voor de geadresseerde. Heeft u dit bericht ten onrechte ontvangen, verwijder het dan direct.',
    ],
  ])('cuts a trailing %s confidentiality notice', (_lang, notice) => {
    expect(newestPart(`Hello.\n\nJo Smith\nAcme S.L.\n+34 91 000 00 00\n\n${notice}\n`)).toBe(
      'Hello.\n\nJo Smith\nAcme S.L.\n+34 91 000 00 00',
    );
  });

  it('cuts company-register lines glued under the signature, and a "Follow us" line', () => {
    const t = [
      'Hello.',
      '',
      'Jo Smith',
      'Acme GmbH',
      '+49 30 000 000',
      'Acme GmbH · Sitz: Bonn · Amtsgericht Bonn HRB 1234',
      'Geschäftsführer: Max Beispiel',
      'Folgen Sie uns auf LinkedIn',
    ].join('\n');
    expect(newestPart(t)).toBe('Hello.\n\nJo Smith\nAcme GmbH\n+49 30 000 000');
    expect(newestPart('Ciao.\n\nJo Smith\nAcme S.r.l.\nAcme S.r.l. – P.IVA 01234567890')).toBe(
      'Ciao.\n\nJo Smith\nAcme S.r.l.',
    );
  });

  it('keeps a title line that names a managing director inside the block', () => {
    const t = 'Hallo.\n\nJo Schmidt\nGeschäftsführer\nAcme GmbH\n+49 30 000 000';
    expect(newestPart(t)).toBe(t);
  });

  it.each([
    'Please consider the environment before printing this email.',
    '🌿 Think before you print.',
    'Bitte denken Sie an die Umwelt, bevor Sie diese E-Mail ausdrucken.',
    "Pensez à l'environnement avant d'imprimer ce courriel.",
    // Any letter case, also with a letter outside the lower-cased fast path (Greek omega).
    'PLEASE CONSIDER THE ENVIRONMENT before printing this email.',
    'please Consider The Environment before printing this email Ω',
  ])('drops a trailing printing reminder under the signature: %s', (eco) => {
    const t = `Hello.\n\nJo Smith\nAcme Pty Ltd\nMob: 0400 000 000\n\n${eco}`;
    expect(newestPart(t)).toBe('Hello.\n\nJo Smith\nAcme Pty Ltd\nMob: 0400 000 000');
  });

  it('keeps a body sentence about the environment that is not a printing reminder', () => {
    const t = 'Hello.\n\nJo Smith\nAcme Pty Ltd\n\nPlease consider the environmental report attached.';
    expect(newestPart(t)).toBe(t);
  });

  it.each([
    'Lindqvist Rør A/S · CVR 87654321 · Havnegade 3 · 5000 Odense C',
    'Smedts Logistiek BV – RPR Brugge – BTW BE 0987.654.321',
    'Fjellstad Elektro AS, Org.nr 998 877 665 MVA',
  ])('drops a trailing company-register line glued under the signature: %s', (legal) => {
    const t = `Hello.\n\nJo Berg\nBerg Trading ApS\nTel +45 11 22 33 44\n${legal}`;
    expect(newestPart(t)).toBe('Hello.\n\nJo Berg\nBerg Trading ApS\nTel +45 11 22 33 44');
  });

  it('keeps a last body line that quotes a VAT rate', () => {
    const t = 'Hello.\n\nPrices are quoted net; VAT 20% is added on the invoice.';
    expect(newestPart(t)).toBe(t);
  });

  it('ends above a cc:Mail "Reply Separator" and its Subject / Author / Date lines', () => {
    const t = [
      'Agreed, send it over.',
      '',
      'Marta Quill',
      'Fleet Planning, Harbourline Freight',
      '',
      '______________________________ Reply Separator _________________________________',
      'Subject: Q3 schedule',
      'Author:  Dev Anand at HQ-MAIL',
      'Date:    6/14/99 9:12 AM',
      '',
      'Old text',
    ].join('\n');
    expect(newestPart(t)).toBe('Agreed, send it over.\n\nMarta Quill\nFleet Planning, Harbourline Freight');
  });

  it('ends above an "Author:" header block without a separator line', () => {
    const t =
      'Will do.\n\nMarta\n\nSubject: Q3 schedule\nAuthor: Dev Anand at HQ-MAIL\nDate: 6/14/99 9:12 AM\n\nold';
    expect(newestPart(t)).toBe('Will do.\n\nMarta');
  });

  it('ends above a cc:Mail header block whose values are padded into a column', () => {
    const t =
      'Go ahead.\n\n-- Wes\n\nAuthor:  Carol Benning <cb@prairie-fab.example> at Internet\nDate:    6/8/99 2:15 PM\nSubject: PO 44817\n\nCarol Benning\nPurchasing Manager';
    expect(newestPart(t)).toBe('Go ahead.\n\n-- Wes');
  });

  it.each([
    [
      'de',
      '\tHanna Vogt/Lindenwerk@Lindenwerk\n\t03.05.2001 09:02\n\t\t \n\t\t An: Jo Smith/HOU/ECT@ECT\n\t\t Kopie: \n\t\t Thema: Angebot',
    ],
    [
      'fr',
      '\tLuc Marchand/Exemple@Exemple\n\t2001-05-03 09:02\n\t\t \n\t\t A : Jo Smith/HOU/ECT@ECT\n\t\t cc : \n\t\t Objet : Offre',
    ],
    ['nl', '\tPieter Smit/Voorbeeld@Voorbeeld\n\t03.05.2001 09:02\n\t\t \n\t\t Aan: Jo Smith/HOU/ECT@ECT'],
  ])('ends above a Lotus Notes quote header with %s labels', (_lang, header) => {
    expect(newestPart(`My reply.\n\nJo\n\n\n${header}\n\nold\n`)).toBe('My reply.\n\nJo');
  });

  it('ends above a localized Lotus "Forwarded by" line', () => {
    expect(
      newestPart('FYI.\n----- Weitergeleitet von Hanna Vogt/Lindenwerk am 03.05.2001 09:02 -----\n\nold'),
    ).toBe('FYI.');
    expect(
      newestPart('FYI.\n----- Transféré par Luc Marchand/Exemple le 03/05/2001 09:02 -----\n\nold'),
    ).toBe('FYI.');
  });

  it("cuts a glued notice from its sentence's first line, not from its first cue word", () => {
    const block = ['See you Tuesday.', '', 'Jane Roe', 'Acme Widgets Inc.', 'T +1 415 555 0134'];
    const t = [
      ...block,
      'The information in this message and any attachments may be',
      'privileged and is meant only for the person named above. If you are',
      'not that person, please delete it.',
    ].join('\n');
    expect(newestPart(t)).toBe(block.join('\n'));
    const regulated = [
      ...block,
      'Acme Widgets Inc. is authorised by the Prudential Regulation Authority and regulated',
      'by the Financial Conduct Authority. Registered in England No. 05551234.',
    ].join('\n');
    expect(newestPart(regulated)).toBe(block.join('\n'));
  });

  it.each([
    ['ja', '2021年5月3日(月) 9:02 Paul Grant <paul@example.com>:'],
    ['zh', 'Paul Grant <paul@example.com> 于2021年5月3日周一 上午9:02写道：'],
    ['ko', '2021년 5월 3일 (월) 오전 9:02, Paul Grant <paul@example.com>님이 작성:'],
    ['cs', 'Dne 3. 5. 2021 9:02 napsal Paul Grant <paul@example.com>:'],
    ['pl', 'W dniu 3.05.2021 o 09:02, Paul Grant pisze:'],
  ])('ends above a %s quote intro even when the quote lost its ">" marks (HTML mail)', (_lang, intro) => {
    expect(newestPart(`Top text.\n\nJo Smith\nAcme Ltd\n\n${intro}\n\nquoted text\n`)).toBe(
      'Top text.\n\nJo Smith\nAcme Ltd',
    );
  });

  it('keeps a body line with a time and an address that does not end with a colon', () => {
    const t = 'Call me at 9:30 or write to <jo@acme.example> today.\n\nJo Smith\nAcme Ltd';
    expect(newestPart(t)).toBe(t);
  });

  it.each([
    ['发自我的iPhone'],
    ['從我的 iPhone 傳送'],
    ['iPhone에서 보냄'],
    ['Отправлено с iPhone'],
    ["iPhone'umdan gönderildi"],
    ['נשלח מה-iPhone שלי'],
  ])('drops the client footer %j', (footer) => {
    expect(newestPart(`Reply.\n\nJo Smith\nAcme Ltd\n\n${footer}`)).toBe('Reply.\n\nJo Smith\nAcme Ltd');
  });

  it('cuts a trailing Japanese confidentiality notice', () => {
    const notice =
      '本メールは機密情報を含む場合があります。誤って受信された場合は、直ちに削除し、送信者までご連絡ください。本メールの内容の無断転用を禁じます。';
    expect(newestPart(`Reply.\n\n山田太郎\n株式会社サクラ\n\n${notice}`)).toBe(
      'Reply.\n\n山田太郎\n株式会社サクラ',
    );
  });
});

describe('a quote header in a language no lexicon knows', () => {
  it('ends the newest part: a label, a name with its address, two more label lines, one with a time', () => {
    const text =
      'Так, графік буде в п’ятницю.\n\nОлена\n\nDaripada: Lim Wei Keat <lim.wk@pembekal.example>\nDihantar: Selasa, 1 April 2025 4:15 PTG\nKepada: Nurul <nurul@tanjungmaju.example>\nSubjek: Invois\n\nPuan, mohon semak.';
    expect(newestPart(text)).toBe('Так, графік буде в п’ятницю.\n\nОлена');
  });
  it('leaves a signature with labelled contact lines alone', () => {
    const text =
      'See you then.\n\nDana Whitfield\nE-mail: dana@northwind-labs.example\nTel: +1 415 555 0142\nMobile: +1 415 555 0177';
    expect(newestPart(text)).toBe(text);
  });

  it.each([
    ['inside the date', 'Aa Berg <aa@x.example> schrieb am So., 23.\nJuni 2024, 21:08:'],
    ['before the address', 'pe 20. lokakuuta 2017 klo 17.50 Jo Coe\n<jo@x.example> kirjoitti:'],
    ['over three lines', 'On Wed, Dec 9, 2025 Jo Coe\n<jo@x.example>\nwrote:'],
    ['inside a Hungarian bracket', 'Jo Coe <jo@x.example> ezt írta (időpont: 2025. nov.\n19., Sze, 16:48):'],
    ['with a dotted time', '30.09.2017, 18.30, "Jo - Coe" <jo@x.example>:'],
    ['without the colon', 'On 12 May 2024 Jo Coe <jo@x.example> wrote'],
  ])('ends above an intro wrapped %s, leaving none of it in the newest part', (_how, intro) => {
    expect(newestPart(`Fine by me.\n\nJo Smith\nAcme Ltd\n\n${intro}\n> hello\n> Jo\n`)).toBe(
      'Fine by me.\n\nJo Smith\nAcme Ltd',
    );
  });

  it('keeps answers written between quoted lines under text of its own, and the block under the last one', () => {
    const t =
      'Hola Jorge,\n\nTe contesto entre líneas.\n\nEl mar, 5 abr 2022 a las 18:32, Jorge Sanz (<js@x.example>)\nescribió:\n\n> ¿Podéis adelantar la ruta al martes?\n\nSí, sin problema.\n\n> ¿Y el reparto de los jueves? Sigue\nigual en mayo.\n\nSigue los jueves.\n\n--\nAna Ruiz\nJefa de Tráfico\n';
    expect(newestPart(t)).toBe(
      'Hola Jorge,\n\nTe contesto entre líneas.\n\nSí, sin problema.\n\nSigue los jueves.\n\n--\nAna Ruiz\nJefa de Tráfico',
    );
  });

  it('does not take a signature placed under the whole quote of a reply written above it', () => {
    const t =
      'See the list page.\n\nOn 9/20/19 8:27 AM, Jo Coe wrote:\n> How do I search?\n> Jo\n\n-- \nRich Roe\nhttp://roe.example/\n';
    expect(newestPart(t)).toBe('See the list page.');
  });

  it.each([
    'Download Outlook for Android<https://aka.ms/x>',
    'Gesendet von Outlook für Android',
    'Sent from TypeApp',
    'Az iPhone-omról küldve',
    'Sent with Spark',
  ])('drops the client line "%s"', (footer) => {
    expect(newestPart(`Thanks.\n\nJo\n\n${footer}\n`)).toBe('Thanks.\n\nJo');
  });

  it('ends above a Danish "Oprindelig besked" separator', () => {
    expect(
      newestPart(
        'Tak.\n\n-------- Oprindelig besked --------\nFra: Jo <jo@x.example>\nDato: 3/5/2021\n\nold',
      ),
    ).toBe('Tak.');
  });

  it('ends above a colonless "On ... <address> wrote" intro whose quote has no > marks', () => {
    expect(
      newestPart(
        'Body.\n\nOn Wed, 14 Nov 2018 08:14:43 -0200 Jo Coe <jo@x.example> wrote\n\nWhen are you free?\n',
      ),
    ).toBe('Body.');
  });

  it('ends above a colonless "Am ... schrieb Name" line heading an Outlook header block', () => {
    const t =
      'Vielen Dank im Voraus.\nMit freundlichen Grüßen\nAm 20.06.24 um 16:20 schrieb Jo Coe - Versand\nVon: "Jo Coe" <jo@x.example>\nDatum: 20. Juni 2024\nAn: kunde@y.example\nBetreff: Ihre Bestellung\n\nalt\n';
    expect(newestPart(t)).toBe('Vielen Dank im Voraus.\nMit freundlichen Grüßen');
  });

  it('ends above a French webmail header block opening with "Message du :", and drops the rule left above it', () => {
    const t =
      'Merci.\n\n====\n\nMessage du : 12/12/2016 13:20\nDe : "Jo Coe" <jo@x.example>\nA : moi@y.example\nSujet : devis\n\nancien texte\n';
    expect(newestPart(t)).toBe('Merci.');
  });

  it('keeps a rule line that closes a framed block', () => {
    const t = 'Thanks.\n\n_____________\nJo Coe\nBuyer, Acme Ltd\n_____________\n';
    expect(newestPart(t)).toBe(t.trim());
  });

  it('cuts a German company footer under the block: its summary line, register lines and closing rule', () => {
    const block = 'Bea Kranz\nEinkauf\nNordwerk AG\nTel.: +49 30 5550 1100';
    expect(
      newestPart(
        `Anbei.\n\nMit freundlichen Grüßen\n\n${block}\n\nNordwerk AG | Lindenweg 4 | 12345 Probestadt\nSitz der AG: Probestadt, HRB 55555 | USt.-ID: DE 123456789\nVorstand: Tom Beispiel\n`,
      ),
    ).toBe(`Anbei.\n\nMit freundlichen Grüßen\n\n${block}`);
    expect(
      newestPart(
        `Anbei.\n\n${block}\n\nOHG mit Sitz in Probestadt\nGeschäftsführer: Max Test\nHRB 12345 AG Probestadt\n_ __ ___ ______ ___ __ _\n`,
      ),
    ).toBe(`Anbei.\n\n${block}`);
  });

  it('drops a sending tool\'s own line ("Email sent via ...")', () => {
    expect(newestPart('Want the report?\n\nSara Lind\nBusiness Analyst\nEmail sent via SM3\n')).toBe(
      'Want the report?\n\nSara Lind\nBusiness Analyst',
    );
  });

  it('ends above a quote header flattened from a table (label and value on lines of their own), with the Lotus Domino section line', () => {
    const t =
      'Hallo.\nIch muss den Termin absagen.\n\nMfg kim\n\nAlex Doe via Helpdesk --- Installation [Ticket#555] ---\n\nVon:\n"Alex Doe via Helpdesk" <support@helpdesk.example>\nAn\nkim@probe-corp.example\nDatum:\nMi., 13.06.2012 14:30\nBetreff\nInstallation\n\nHi Kim,\n\n--\nAlex Doe\nHelpdesk Probe GmbH\n';
    expect(newestPart(t)).toBe('Hallo.\nIch muss den Termin absagen.\n\nMfg kim');
  });

  it('cuts a South African register line (Reg. No., Directors:) and a service footer ("You received this e-mail because")', () => {
    const block = 'Sipho Dlamini\nFleet Controller\nKaroo Haulage (Pty) Ltd\nTel: +27 21 555 0100';
    expect(
      newestPart(
        `Noted.\n\n${block}\nKaroo Haulage (Pty) Ltd | Reg. No. 2011/555000/07 | Directors: A. Botha, T. Nkosi\n`,
      ),
    ).toBe(`Noted.\n\n${block}`);
    expect(
      newestPart(
        'Jo shared a file with you.\n\nOpen: https://app.filely.example/f/1\n\n--\nYou received this e-mail because Jo shared a file with you on Filely.\nFilely Inc., 55 Main Street, Suite 10, Austin, TX 78701\n',
      ),
    ).toBe('Jo shared a file with you.\n\nOpen: https://app.filely.example/f/1');
  });

  it('reads a reply written under its quote when the intro names the sender after the verb, or only "Hi" is above it', () => {
    const block = '-- \nLena Vogt\nDriver Developer\nBeispiel Software GmbH';
    expect(
      newestPart(
        `Am 13.08.20 um 10:01 schrieb Paul Kern:\n> Looks fine.\n\nThanks, merged.\n\nLena\n\n${block}\n`,
      ),
    ).toBe(`Thanks, merged.\n\nLena\n\n${block}`);
    expect(
      newestPart(`Hi\n\nOn 13.08.20 10:01, Paul Kern wrote:\n> Looks fine.\n\nThanks, merged.\n\n${block}\n`),
    ).toBe(`Thanks, merged.\n\n${block}`);
    // "Здравствуйте, Paul.": a greeting to a name, with a full stop, is still only a greeting.
    expect(
      newestPart(
        `Здравствуйте, Paul.\n\nOn 13.08.20 10:01, Paul Kern wrote:\n> Quote please.\n\nЦена прежняя.\n\n${block}\n`,
      ),
    ).toBe(`Цена прежняя.\n\n${block}`);
    expect(
      newestPart(
        'Hello, Paul. Agreed.\n\nOn 13.08.20 10:01, Paul Kern wrote:\n> Looks fine.\n\nLater text\n',
      ),
    ).toBe('Hello, Paul. Agreed.');
    // A sentence above the quote is a reply of its own: what is under the quote is not read.
    expect(newestPart('Hi all.\n\nOn 13.08.20 10:01, Paul Kern wrote:\n> Looks fine.\n\nLater text\n')).toBe(
      'Hi all.',
    );
  });

  it('cuts an organisation\'s "Follow X:" line and a bare image content id under a block', () => {
    const block = 'Jo Ray\nSales Lead\nTel 020 5550 1000';
    expect(
      newestPart(
        `Sure.\n\n${block}\n\nFollow Armvale: Facebook | Twitter | Blog\n\ncid:image002.jpg@01D270F2.948E3570\n`,
      ),
    ).toBe(`Sure.\n\n${block}`);
  });

  it('cuts a public body\'s legal-form line ("... - Anstalt des öffentlichen Rechts") glued under a block', () => {
    const block = 'Eva Brandt\nStudy Nurse\nUniversitätsklinikum Talheim\nTel.: +49 228 555-4417';
    expect(
      newestPart(`Anbei.\n\n${block}\nUniversitätsklinikum Talheim - Anstalt des öffentlichen Rechts\n`),
    ).toBe(`Anbei.\n\n${block}`);
  });

  it('cuts a paragraph of German register lines under a block, lines naming no register between them', () => {
    const block = 'Jana Beispiel\nMuster Logistik GmbH\nTel.: +49 40 555 0123';
    const register =
      'Sitz der Gesellschaft: Hamburg\nRegistergericht: Amtsgericht Hamburg, HRB 555123\nGeschäftsführer: Paul Platzhalter, Petra Probe\nUSt-IdNr. DE 555123456\nPersönlich haftende Gesellschafterin:\nMuster Verwaltungs GmbH, Hamburg';
    expect(newestPart(`Anbei.\n\nMit freundlichen Grüßen\n${block}\n\n${register}\n`)).toBe(
      `Anbei.\n\nMit freundlichen Grüßen\n${block}`,
    );
  });

  it('cuts an Indian company identity number line (CIN) under a block', () => {
    const block =
      'Asha Rao\nProject Manager\nNirmal Clinical Pvt. Ltd.\nNo. 12, 2nd Floor, Tech Park, Outer Ring Road, Bengaluru - 560103';
    expect(newestPart(`Noted.\n\n${block}\n\nCIN: U73100KA2011PTC012345\n`)).toBe(`Noted.\n\n${block}`);
  });

  it('cuts register lines glued under a block with the names they list between them, across paragraphs', () => {
    const block =
      'Jana Probe\nService und Support\nMuster Service AG & Co.\nTel.: +49 30 5550 4600\nwww.muster.example';
    const register =
      'OHG mit Sitz in Probestadt\nGeschäftsführung: Tom Test, Kai Test,\nBea Test, Uwe Test\nUSt-IdNr. DE 555123456\n\nPersönlich haftende geschäftsführende Gesellschafterin:\nMuster Stiftung, Probestadt\nVorstand: Rolf Test';
    expect(newestPart(`Anbei.\n\nMit freundlichem Gruß\n\n${block}\n\n${register}\n`)).toBe(
      `Anbei.\n\nMit freundlichem Gruß\n\n${block}`,
    );
    // Names with no register line among them stay: they may be the block.
    expect(newestPart(`Anbei.\n\n${block}\nTom Test, Kai Test\n`)).toBe(
      `Anbei.\n\n${block}\nTom Test, Kai Test`,
    );
  });

  it('drops a phone client footer framed by decoration ("••• sent from mobile device •••")', () => {
    expect(
      newestPart('Agreed.\n\nJo Test || Probe Ltd || Architect\n••• sent from mobile device •••\n'),
    ).toBe('Agreed.\n\nJo Test || Probe Ltd || Architect');
  });

  it("cuts a Singapore business number line with a forwarder's trading conditions under a block", () => {
    const block =
      'Lim Jia Hui\nSenior Executive, Sea Freight Import\nMerlion Bridge Logistics Pte Ltd\nDID: +65 6555 0387';
    const uen =
      'Merlion Bridge Logistics Pte Ltd (UEN 200955512K). All business is transacted under our Standard Trading Conditions.';
    expect(newestPart(`Noted.\n\n${block}\n\n${uen}\n`)).toBe(`Noted.\n\n${block}`);
  });

  it("cuts a German forwarder's terms line (ADSp) under a block and its register line", () => {
    const block =
      'i. A. Jana Probe\nDisposition Gefahrgut\nSpedition Muster GmbH & Co. KG\nTel.: +49 203 555 48-210';
    const terms =
      'Sitz: Duisburg · Registergericht: Amtsgericht Duisburg HRA 5551\nWir arbeiten ausschließlich auf Grundlage der Allgemeinen Deutschen Spediteurbedingungen (ADSp 2017).';
    expect(newestPart(`Anbei.\n\nMit freundlichen Grüßen\n\n${block}\n\n${terms}\n`)).toBe(
      `Anbei.\n\nMit freundlichen Grüßen\n\n${block}`,
    );
  });

  it("ends the newest part at The Bat!'s quote, its lines marked with the quoted writer's initials", () => {
    const block = 'С уважением,\nАндрей Сомов\nКоммерческий директор\nтел.: +7 727 555 14 20';
    const quote =
      'IVS> Dear Andrey,\nIVS>\nIVS> Your order is confirmed.\nIVS> Imogen Varley\nIVS> T: +44 151 496 0418';
    expect(
      newestPart(
        `Здравствуйте, Imogen.\n\nСпасибо.\n\n${block}\n\nВы писали 3 декабря 2025 г., 10:05:\n\n${quote}\n`,
      ),
    ).toBe(`Здравствуйте, Imogen.\n\nСпасибо.\n\n${block}`);
    // A reply written under such a quote is read too.
    expect(newestPart(`Hello, Imogen.\n\n${quote}\n\nThanks, booked.\n\n${block}\n`)).toBe(
      `Thanks, booked.\n\n${block}`,
    );
  });

  it("reads a reply under The Bat!'s initials quote whose paragraphs a blank line parts", () => {
    const block = '-- \nСоколова Анна Петровна\nПатентный поверенный\nтел.: +7 812 555-03-12';
    const quote = 'KW> Dear Anna,\n\nKW> Could you confirm the filing date?\n\nKW> Regards,\nKW> Kate';
    expect(
      newestPart(
        `Здравствуйте, Kate.\n\nВы писали 2 апреля 2026 г., 11:20:\n\n${quote}\n\nДата подачи: 1 апреля.\n\nС уважением,\nАнна\n\n${block}\n`,
      ),
    ).toBe(`Дата подачи: 1 апреля.\n\nС уважением,\nАнна\n\n${block}`);
  });

  it("ends above HCL Notes' reply header written between dash runs", () => {
    expect(
      newestPart(
        'Confirmed for Tuesday.\n\nJi-ho Lee\nHanul Kitchen Co., Ltd.\n\n-----"Ruth Ames" <ruth.ames@hotel.example> wrote: -----\n\nTo: Ji-ho Lee\nDate: 03/04/2026 09:12\nSubject: Delivery\n\nCan you deliver on Tuesday?\n',
      ),
    ).toBe('Confirmed for Tuesday.\n\nJi-ho Lee\nHanul Kitchen Co., Ltd.');
  });

  it("ends above HCL Notes' memo header flattened to text (name and address, date and time, a To label alone)", () => {
    const block =
      'Harold Vance\nLicensed Customs Broker\nBaystate Customs Brokerage, Inc.\nTel (617) 555-0152';
    const header =
      'Rosa Quinn <rosa.quinn@roastery.example>\n04/21/2026 03:55 AM\n\nTo\nharold@baystate.example\ncc\n\nSubject\nISF details';
    expect(newestPart(`Filed this morning.\n\nRegards,\n\n${block}\n\n\n${header}\n\nHi Harold,\n`)).toBe(
      `Filed this morning.\n\nRegards,\n\n${block}`,
    );
  });

  it("cuts the UK government's protective marking alone on the last line", () => {
    const block = 'Ama Boateng\nInnovation Lead\nInnovation Delivery Agency\nTel: 0113 496 0730';
    expect(newestPart(`Noted.\n\n${block}\n\nOFFICIAL\n`)).toBe(`Noted.\n\n${block}`);
    expect(newestPart(`Noted.\n\n${block}\n\nOFFICIAL-SENSITIVE\n`)).toBe(`Noted.\n\n${block}`);
  });

  it('cuts a register line the client wrapped, its short tail on the next line', () => {
    const block = 'Lindiwe Dube\nExport Sales Executive\nKaroo Closures (Pty) Ltd\nT +27 21 555 0190';
    const register =
      'Karoo Closures (Pty) Ltd | Reg. No. 2009/555120/07 | Directors: J.P. de\nVilliers, N. Abrahams';
    expect(newestPart(`Noted.\n\n${block}\n\n${register}\n`)).toBe(`Noted.\n\n${block}`);
  });

  it('cuts English register lines naming the directors under a block', () => {
    const block = '--\nAlex Doe\nHelpdesk Probe GmbH // Beispielweg 11 // 10117 Berlin\nP: +49 30 555 01 00';
    expect(
      newestPart(
        `Hi Kim,\n\n${block}\n\nLocation: Berlin - HRB 555555 B Amtsgericht Berlin\nManaging Director: Alex Doe\n`,
      ),
    ).toBe(`Hi Kim,\n\n${block}`);
  });
});
