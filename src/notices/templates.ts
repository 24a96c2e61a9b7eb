/**
 * Pre-add notice templates (GDPR Art. 14 / LGPD Art. 9 / Quebec Law 25 style): a pure legal notice, no
 * marketing (CASL, privacy-law.md §2.8). Each template version is immutable: change the text => new id.
 * The content hash covers id, language, subject and body template (before substitution), so the notice
 * log proves which text a person received.
 * Placeholders: {{privacyUrl}} (privacy center), {{listing}} (when the details may be listed: the held or
 * the immediate variant, with {{listDate}} = earliest listing date), {{controller}} (who answers for the
 * directory and its data-protection officer, GDPR Art. 14(1)(a)-(b); src/notices/controller.ts).
 */
import { createHash } from 'node:crypto';

export const TEMPLATE_ID = 'pre-add-notice/v3';

interface TemplateText {
  subject: string;
  body: string;
  /** Replaces {{listing}} for a held contact ({{listDate}} = earliest listing date). */
  listingHeld: string;
  /** Replaces {{listing}} for a contact listed at once. */
  listingNow: string;
  /** Replaces {{controller}}: {{identity}} = the controller's name and contact details. */
  controllerLine: string;
  /** Follows the controller line: {{dpo}} = the data-protection officer's contact. */
  dpoLine: string;
  /** Follows the controller line when no officer is appointed. */
  dpoNone: string;
}

const TEXTS: Record<string, TemplateText> = {
  en: {
    subject: 'Notice: your business contact details in the sigmine directory',
    body: `Hello,

sigmine runs a directory of business contacts. Members of our contributor network connect their mailboxes;
from messages you sent them we read only message headers and the signature block under your name. From
these we hold your business contact details: name, job title, department, company, business phone numbers,
business email address, website, professional social profiles and business postal address. We never keep
the text of your messages.

Purpose and legal basis: a professional contact directory, on the basis of legitimate interests
(GDPR Art. 6(1)(f)). Source: business email signatures and headers observed by members of our contributor
network (we do not say which member). Recipients: directory users. Retention: while your details stay
current, and removed when you ask.

{{controller}}

{{listing}}

YOUR RIGHT TO OBJECT: you may object at any time, free of charge. If you object, we delete your profile and
keep only a keyed hash of your address so that it is never added again.

You can also see, correct, export, restrict or remove your profile, and you may complain to your data
protection supervisory authority. Privacy center: {{privacyUrl}}
`,
    listingHeld: 'Your details will not be listed before {{listDate}}.',
    listingNow: 'Your details may be listed in the directory from now on; you can object at any time.',
    controllerLine: 'Controller: {{identity}}.',
    dpoLine: 'Data protection officer: {{dpo}}.',
    dpoNone: 'No data protection officer is appointed.',
  },
  de: {
    subject: 'Hinweis: Ihre geschäftlichen Kontaktdaten im sigmine-Verzeichnis',
    body: `Guten Tag,

sigmine betreibt ein Verzeichnis geschäftlicher Kontakte. Mitglieder unseres Netzwerks verbinden ihre
Postfächer; aus Nachrichten, die Sie ihnen geschickt haben, lesen wir nur die Kopfzeilen und den
Signaturblock unter Ihrem Namen. Daraus speichern wir Ihre geschäftlichen Kontaktdaten: Name, Position,
Abteilung, Unternehmen, geschäftliche Telefonnummern, geschäftliche E-Mail-Adresse, Website, berufliche
Profile und Geschäftsadresse. Den Text Ihrer Nachrichten speichern wir nie.

Zweck und Rechtsgrundlage: ein berufliches Kontaktverzeichnis, auf Grundlage berechtigter Interessen
(Art. 6 Abs. 1 lit. f DSGVO). Quelle: geschäftliche E-Mail-Signaturen und Kopfzeilen, die Mitglieder unseres
Netzwerks erhalten haben (welches Mitglied, nennen wir nicht). Empfänger: Nutzer des Verzeichnisses.
Speicherdauer: solange Ihre Angaben aktuell sind; auf Wunsch gelöscht.

{{controller}}

{{listing}}

IHR WIDERSPRUCHSRECHT: Sie können jederzeit kostenlos widersprechen. Dann löschen wir Ihr Profil und behalten
nur einen verschlüsselten Hash Ihrer Adresse, damit sie nie wieder aufgenommen wird.

Sie können Ihr Profil auch einsehen, berichtigen, exportieren, einschränken oder löschen und sich bei Ihrer
Datenschutzaufsichtsbehörde beschweren. Datenschutzcenter: {{privacyUrl}}
`,
    listingHeld: 'Ihre Angaben werden nicht vor dem {{listDate}} veröffentlicht.',
    listingNow:
      'Ihre Angaben können ab sofort im Verzeichnis erscheinen; Sie können jederzeit widersprechen.',
    controllerLine: 'Verantwortlicher: {{identity}}.',
    dpoLine: 'Datenschutzbeauftragter: {{dpo}}.',
    dpoNone: 'Ein Datenschutzbeauftragter ist nicht benannt.',
  },
  fr: {
    subject: 'Information : vos coordonnées professionnelles dans l’annuaire sigmine',
    body: `Bonjour,

sigmine gère un annuaire de contacts professionnels. Les membres de notre réseau connectent leur messagerie ;
dans les messages que vous leur avez envoyés, nous lisons uniquement les en-têtes et le bloc de signature
sous votre nom. Nous conservons ainsi vos coordonnées professionnelles : nom, fonction, service, entreprise,
téléphones professionnels, adresse e-mail professionnelle, site web, profils professionnels et adresse
postale professionnelle. Nous ne conservons jamais le texte de vos messages.

Finalité et base légale : un annuaire professionnel, fondé sur l’intérêt légitime (art. 6(1)(f) RGPD).
Source : signatures et en-têtes d’e-mails professionnels reçus par des membres de notre réseau (nous ne
disons pas lequel). Destinataires : utilisateurs de l’annuaire. Conservation : tant que vos coordonnées sont
à jour ; supprimées sur demande.

{{controller}}

{{listing}}

VOTRE DROIT D’OPPOSITION : vous pouvez vous opposer à tout moment, gratuitement. Nous supprimons alors votre
profil et ne gardons qu’une empreinte chiffrée de votre adresse pour qu’elle ne soit jamais ajoutée à nouveau.

Vous pouvez aussi consulter, rectifier, exporter, limiter ou supprimer votre profil, et saisir votre autorité
de protection des données. Centre de confidentialité : {{privacyUrl}}
`,
    listingHeld: 'Vos coordonnées ne seront pas publiées avant le {{listDate}}.',
    listingNow:
      'Vos coordonnées peuvent figurer dès maintenant dans l’annuaire ; vous pouvez vous y opposer à tout moment.',
    controllerLine: 'Responsable du traitement : {{identity}}.',
    dpoLine: 'Délégué à la protection des données : {{dpo}}.',
    dpoNone: 'Aucun délégué à la protection des données n’est désigné.',
  },
  pt: {
    subject: 'Aviso: seus dados de contato profissional no diretório sigmine',
    body: `Olá,

O sigmine mantém um diretório de contatos profissionais. Membros da nossa rede conectam suas caixas de
e-mail; das mensagens que você enviou a eles, lemos apenas os cabeçalhos e o bloco de assinatura com o seu
nome. Assim mantemos seus dados de contato profissional: nome, cargo, departamento, empresa, telefones
comerciais, e-mail profissional, site, perfis profissionais e endereço comercial. Nunca guardamos o texto
das suas mensagens.

Finalidade e base legal: um diretório profissional, com base no legítimo interesse (LGPD art. 7, IX; RGPD
art. 6(1)(f)). Origem: assinaturas e cabeçalhos de e-mails profissionais recebidos por membros da nossa rede
(não dizemos qual). Destinatários: usuários do diretório. Retenção: enquanto seus dados estiverem
atualizados; excluídos a pedido.

{{controller}}

{{listing}}

SEU DIREITO DE OPOSIÇÃO: você pode se opor a qualquer momento, sem custo. Nesse caso excluímos seu perfil e
guardamos apenas um hash protegido do seu endereço, para que ele nunca seja adicionado novamente.

Você também pode ver, corrigir, exportar, restringir ou remover seu perfil e reclamar à autoridade de
proteção de dados (ANPD). Central de privacidade: {{privacyUrl}}
`,
    listingHeld: 'Seus dados não serão publicados antes de {{listDate}}.',
    listingNow:
      'Seus dados podem constar do diretório a partir de agora; você pode se opor a qualquer momento.',
    controllerLine: 'Controlador: {{identity}}.',
    dpoLine: 'Encarregado de proteção de dados: {{dpo}}.',
    dpoNone: 'Não há encarregado de proteção de dados designado.',
  },
  es: {
    subject: 'Aviso: sus datos de contacto profesional en el directorio sigmine',
    body: `Hola:

sigmine gestiona un directorio de contactos profesionales. Los miembros de nuestra red conectan sus buzones;
de los mensajes que usted les envió leemos solo las cabeceras y el bloque de firma bajo su nombre. Con ello
conservamos sus datos de contacto profesional: nombre, cargo, departamento, empresa, teléfonos de empresa,
correo profesional, sitio web, perfiles profesionales y dirección postal de empresa. Nunca guardamos el
texto de sus mensajes.

Finalidad y base jurídica: un directorio profesional, basado en el interés legítimo (art. 6(1)(f) RGPD).
Origen: firmas y cabeceras de correos profesionales recibidos por miembros de nuestra red (no decimos cuál).
Destinatarios: usuarios del directorio. Conservación: mientras sus datos estén actualizados; se eliminan si
lo solicita.

{{controller}}

{{listing}}

SU DERECHO DE OPOSICIÓN: puede oponerse en cualquier momento, sin coste. Entonces eliminamos su perfil y solo
conservamos un hash protegido de su dirección para que nunca se vuelva a añadir.

También puede ver, rectificar, exportar, limitar o eliminar su perfil, y reclamar ante su autoridad de
protección de datos. Centro de privacidad: {{privacyUrl}}
`,
    listingHeld: 'Sus datos no se publicarán antes del {{listDate}}.',
    listingNow: 'Sus datos pueden figurar en el directorio desde ahora; puede oponerse en cualquier momento.',
    controllerLine: 'Responsable del tratamiento: {{identity}}.',
    dpoLine: 'Delegado de protección de datos: {{dpo}}.',
    dpoNone: 'No hay delegado de protección de datos designado.',
  },
};

export const LANGUAGES = Object.freeze(Object.keys(TEXTS));

export interface RenderedNotice {
  templateId: string;
  language: string;
  contentHash: string;
  subject: string;
  body: string;
}

/**
 * The content hash of a template version in a language (hex SHA-256 of id, language and texts). The texts
 * are constants: each language's hash is computed once (a page queuing 200 notices hashed 2 KB each time).
 */
export function templateHash(language: string): string {
  const lang = templateLanguage(language);
  let h = hashes.get(lang);
  if (h === undefined) {
    const t = TEXTS[lang]!;
    h = createHash('sha256')
      .update(
        `${TEMPLATE_ID}\n${lang}\n${t.subject}\n${t.body}\n${t.listingHeld}\n${t.listingNow}` +
          `\n${t.controllerLine}\n${t.dpoLine}\n${t.dpoNone}`,
      )
      .digest('hex');
    hashes.set(lang, h);
  }
  return h;
}
const hashes = new Map<string, string>();

/** The language actually used for `language` (falls back to English). */
export function templateLanguage(language: string): string {
  return TEXTS[language] ? language : 'en';
}

/**
 * Renders the notice. `listDate` null: the contact is listed at once (not held). `controller`: the
 * controller's identity and the officer's contact (null: no officer appointed), src/notices/controller.ts.
 */
export function renderNotice(
  language: string,
  vars: {
    privacyUrl: string;
    listDate: string | null;
    controller: { controller: string; dpo: string | null };
  },
): RenderedNotice {
  const lang = templateLanguage(language);
  const t = TEXTS[lang]!;
  const listing =
    vars.listDate === null ? t.listingNow : t.listingHeld.replaceAll('{{listDate}}', vars.listDate);
  const { controller: identity, dpo } = vars.controller;
  const controller = `${t.controllerLine.replaceAll('{{identity}}', identity)} ${
    dpo === null ? t.dpoNone : t.dpoLine.replaceAll('{{dpo}}', dpo)
  }`;
  const fill = (s: string) =>
    s
      .replaceAll('{{privacyUrl}}', vars.privacyUrl)
      .replaceAll('{{listing}}', listing)
      .replaceAll('{{controller}}', controller);
  return {
    templateId: TEMPLATE_ID,
    language: lang,
    contentHash: templateHash(lang),
    subject: fill(t.subject),
    body: fill(t.body),
  };
}
