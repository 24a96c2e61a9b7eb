/**
 * The words of the GDPR Art. 19 mails (src/notices/recipient-notices.ts), per language: the languages
 * pre-add notices are written in (src/notices/templates.ts), so a member is told in the language sigmine
 * writes to them in. Knowledge as data (STYLE habit 11): the renderer picks a table and holds no words.
 * Placeholders: {{who}} (the person as the member revealed them), {{fields}} (the corrected fields, in
 * words), {{url}} (the member's directory). The law is cited as readers of each language know it (DSGVO,
 * RGPD); it is the same regulation.
 */
import { createHash } from 'node:crypto';
import { fieldNamesIn } from './field-names.ts';

interface RecipientTexts {
  erased: { subject: string; body: string };
  rectified: { subject: string; body: string };
  /** {{fields}} when the notification names no field. */
  someDetails: string;
}

const TEXTS: Readonly<Record<string, RecipientTexts>> = {
  en: {
    erased: {
      subject: 'A contact you revealed in sigmine was erased',
      body:
        'Hello,\n\nyou revealed the contact details of {{who}} in the sigmine directory. This person has asked us ' +
        'to erase their data (GDPR Art. 17), and we have.\n\n' +
        'We are telling you because you received their e-mail address and phone numbers from us (GDPR Art. 19). ' +
        'Please delete the copy you got from sigmine and do not use it any further.\n\n' +
        'This message names no other member and is sent to each member separately.\n',
    },
    rectified: {
      subject: 'A contact you revealed in sigmine was corrected',
      body:
        'Hello,\n\nyou revealed the contact details of {{who}} in the sigmine directory. This person has corrected ' +
        'their {{fields}} (GDPR Art. 16).\n\n' +
        'We are telling you because you received their details from us (GDPR Art. 19). Please update the copy you ' +
        'got from sigmine: the directory shows the corrected details, and opening a contact you revealed before ' +
        'costs nothing: {{url}}\n\n' +
        'This message names no other member and is sent to each member separately.\n',
    },
    someDetails: 'details',
  },
  de: {
    erased: {
      subject: 'Ein Kontakt, den Sie in sigmine abgerufen haben, wurde gelöscht',
      body:
        'Guten Tag,\n\nSie haben die Kontaktdaten von {{who}} im sigmine-Verzeichnis abgerufen. Diese Person hat ' +
        'uns gebeten, ihre Daten zu löschen (Art. 17 DSGVO), und wir haben sie gelöscht.\n\n' +
        'Wir teilen Ihnen das mit, weil Sie ihre E-Mail-Adresse und Telefonnummern von uns erhalten haben ' +
        '(Art. 19 DSGVO). Bitte löschen Sie die Kopie, die Sie von sigmine erhalten haben, und verwenden Sie sie ' +
        'nicht weiter.\n\n' +
        'Diese Nachricht nennt kein anderes Mitglied und geht an jedes Mitglied einzeln.\n',
    },
    rectified: {
      subject: 'Ein Kontakt, den Sie in sigmine abgerufen haben, wurde berichtigt',
      body:
        'Guten Tag,\n\nSie haben die Kontaktdaten von {{who}} im sigmine-Verzeichnis abgerufen. Diese Person hat ' +
        'folgende Angaben berichtigt: {{fields}} (Art. 16 DSGVO).\n\n' +
        'Wir teilen Ihnen das mit, weil Sie diese Angaben von uns erhalten haben (Art. 19 DSGVO). Bitte ' +
        'aktualisieren Sie Ihre Kopie aus sigmine: Das Verzeichnis zeigt die berichtigten Angaben, und einen ' +
        'Kontakt, den Sie schon abgerufen haben, erneut zu öffnen, kostet nichts: {{url}}\n\n' +
        'Diese Nachricht nennt kein anderes Mitglied und geht an jedes Mitglied einzeln.\n',
    },
    someDetails: 'Angaben',
  },
  fr: {
    erased: {
      subject: 'Un contact que vous avez consulté dans sigmine a été effacé',
      body:
        'Bonjour,\n\nvous avez consulté les coordonnées de {{who}} dans l’annuaire sigmine. Cette personne nous a ' +
        'demandé d’effacer ses données (art. 17 du RGPD), ce que nous avons fait.\n\n' +
        'Nous vous en informons parce que vous avez reçu de nous son adresse e-mail et ses numéros de téléphone ' +
        '(art. 19 du RGPD). Veuillez supprimer la copie obtenue de sigmine et ne plus l’utiliser.\n\n' +
        'Ce message ne nomme aucun autre membre et est envoyé à chaque membre séparément.\n',
    },
    rectified: {
      subject: 'Un contact que vous avez consulté dans sigmine a été rectifié',
      body:
        'Bonjour,\n\nvous avez consulté les coordonnées de {{who}} dans l’annuaire sigmine. Cette personne a ' +
        'rectifié les informations suivantes : {{fields}} (art. 16 du RGPD).\n\n' +
        'Nous vous en informons parce que vous avez reçu ces informations de nous (art. 19 du RGPD). Veuillez ' +
        'mettre à jour la copie obtenue de sigmine : l’annuaire affiche les informations rectifiées, et rouvrir ' +
        'un contact déjà consulté est gratuit : {{url}}\n\n' +
        'Ce message ne nomme aucun autre membre et est envoyé à chaque membre séparément.\n',
    },
    someDetails: 'informations',
  },
  pt: {
    erased: {
      subject: 'Um contato que você revelou no sigmine foi apagado',
      body:
        'Olá,\n\nvocê revelou os dados de contato de {{who}} no diretório sigmine. Essa pessoa nos pediu para ' +
        'apagar seus dados (art. 17 do RGPD), e nós os apagamos.\n\n' +
        'Estamos avisando porque você recebeu de nós o endereço de e-mail e os telefones dessa pessoa ' +
        '(art. 19 do RGPD). Apague a cópia que recebeu do sigmine e não a use mais.\n\n' +
        'Esta mensagem não nomeia nenhum outro membro e é enviada a cada membro separadamente.\n',
    },
    rectified: {
      subject: 'Um contato que você revelou no sigmine foi corrigido',
      body:
        'Olá,\n\nvocê revelou os dados de contato de {{who}} no diretório sigmine. Essa pessoa corrigiu: ' +
        '{{fields}} (art. 16 do RGPD).\n\n' +
        'Estamos avisando porque você recebeu esses dados de nós (art. 19 do RGPD). Atualize a cópia que recebeu ' +
        'do sigmine: o diretório mostra os dados corrigidos, e abrir de novo um contato que você já revelou não ' +
        'custa nada: {{url}}\n\n' +
        'Esta mensagem não nomeia nenhum outro membro e é enviada a cada membro separadamente.\n',
    },
    someDetails: 'dados',
  },
  es: {
    erased: {
      subject: 'Un contacto que usted reveló en sigmine ha sido suprimido',
      body:
        'Hola:\n\nusted reveló los datos de contacto de {{who}} en el directorio de sigmine. Esta persona nos pidió ' +
        'suprimir sus datos (art. 17 del RGPD) y lo hemos hecho.\n\n' +
        'Se lo comunicamos porque recibió de nosotros su dirección de correo electrónico y sus teléfonos ' +
        '(art. 19 del RGPD). Borre la copia que obtuvo de sigmine y no la utilice más.\n\n' +
        'Este mensaje no nombra a ningún otro miembro y se envía a cada miembro por separado.\n',
    },
    rectified: {
      subject: 'Un contacto que usted reveló en sigmine ha sido rectificado',
      body:
        'Hola:\n\nusted reveló los datos de contacto de {{who}} en el directorio de sigmine. Esta persona ha ' +
        'rectificado: {{fields}} (art. 16 del RGPD).\n\n' +
        'Se lo comunicamos porque recibió de nosotros esos datos (art. 19 del RGPD). Actualice la copia que obtuvo ' +
        'de sigmine: el directorio muestra los datos rectificados, y volver a abrir un contacto que ya reveló no ' +
        'cuesta nada: {{url}}\n\n' +
        'Este mensaje no nombra a ningún otro miembro y se envía a cada miembro por separado.\n',
    },
    someDetails: 'datos',
  },
};

/** The languages Art. 19 mails are written in (the same as pre-add notices'). */
export const RECIPIENT_LANGUAGES = Object.freeze(Object.keys(TEXTS));

/** The language actually used for `language` (English when we have no text in it). */
export function recipientLanguage(language: string | null | undefined): string {
  return language && TEXTS[language] ? language : 'en';
}

/** Hex SHA-256 of the template id, language and texts: which text a member received. */
export function recipientTextHash(templateId: string, language: string): string {
  const lang = recipientLanguage(language);
  const t = TEXTS[lang]!;
  return createHash('sha256')
    .update(
      `${templateId}\n${lang}\n${t.erased.subject}\n${t.erased.body}\n${t.rectified.subject}\n${t.rectified.body}`,
    )
    .digest('hex');
}

/** The mail to one member, in `language` (English when we have no text in it). Pure. */
export function recipientMail(
  language: string,
  kind: 'rectified' | 'erased',
  v: { name: string | null; email: string; fields: string[]; directoryUrl: string },
): { language: string; subject: string; body: string } {
  const lang = recipientLanguage(language);
  const t = TEXTS[lang]!;
  const who = v.name ? `${v.name} <${v.email}>` : v.email;
  const fields = v.fields.length ? v.fields.map((f) => fieldNamesIn(lang)[f] ?? f).join(', ') : t.someDetails;
  const values: Record<string, string> = { who, fields, url: v.directoryUrl };
  const text = t[kind];
  // One pass: a name that itself reads "{{url}}" stays a name.
  return {
    language: lang,
    subject: text.subject,
    body: text.body.replace(/\{\{(who|fields|url)\}\}/g, (_, k: string) => values[k]!),
  };
}
