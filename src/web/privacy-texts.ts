/**
 * The privacy center's words, per language: the languages notices are written in (src/notices/templates.ts),
 * so a person whose notice was in German reads their privacy page, its confirmations and the link mail in
 * German. Knowledge as data (STYLE habit 11): the views in src/web/views/privacy*.tsx pick a table and never
 * hold words of their own. Texts are plain; the views escape them. Dates are ISO (YYYY-MM-DD), which every
 * reader parses the same way.
 */
import { fieldNamesIn } from '../notices/field-names.ts';

export interface PrivacyTexts {
  centerTitle: string;
  requestIntro: string;
  emailLabel: string;
  sendLink: string;
  notAnEmail: string;
  checkMailTitle: string;
  checkMail: (email: string) => string;
  linkMailSubject: string;
  linkMailBody: (email: string, url: string) => string;
  openTitle: string;
  openText: string;
  continueButton: string;
  openNote: string;
  expiredTitle: string;
  expiredHeading: string;
  expiredText: string;
  usedHeading: string;
  usedText: string;
  askAgain: string;
  profileTitle: string;
  holdsAbout: (email: string) => string;
  done: { correct: string; restrict: string; unrestrict: string };
  noProfile: string;
  suppressedSince: (since: string, reason: string) => string;
  downloadWhatWeHold: string;
  sourceNote: string;
  downloadAll: string;
  /** The vCard download (RFC 6350): the person's own contact data; also recorded as an access request. */
  downloadVCard: string;
  downloadIsRequest: string;
  correctHeading: string;
  correctPlaceholder: string;
  saveCorrection: string;
  restrictHeading: string;
  liftRestriction: string;
  restrict: string;
  removeVsObject: string;
  removeButton: string;
  objectButton: string;
  statusLabel: string;
  statusNames: Record<string, string>;
  fieldNames: Readonly<Record<string, string>>;
  correctedByYou: string;
  replacedByCorrection: string;
  firstLastSeen: string;
  whoReceived: string;
  jurisdiction: string;
  whereFrom: string;
  provenanceHeads: [string, string, string, string, string, string];
  jobHistory: string;
  listedSince: (since: string | null) => string;
  restrictedSince: (since: string | null) => string;
  pending: string;
  pendingSent: (date: string) => string;
  pendingNotSent: (days: number) => string;
  recipientsShown: string;
  recipientsNone: string;
  recipientsRevealed: (n: number) => string;
  recipientsTold: string;
  confirm: {
    erase: { title: string; button: string; law: string; after: string };
    object: { title: string; button: string; law: string; after: string };
    recordedAs: (law: string) => string;
    steps: [string, string, string, string];
    back: string;
  };
  removedTitle: string;
  removedText: string;
  notSavedTitle: string;
  notSavedHeading: string;
  notSavedText: string;
  back: string;
}

const en: PrivacyTexts = {
  centerTitle: 'Privacy center',
  requestIntro:
    'Enter your e-mail address. If sigmine holds a profile for it, we send a link to that address; with it you can see everything we hold, correct it, download it, restrict it or have it removed for good.',
  emailLabel: 'E-mail',
  sendLink: 'Send me a link',
  notAnEmail: 'That is not an e-mail address.',
  checkMailTitle: 'Check your mail',
  checkMail: (e) =>
    `If we hold anything about ${e}, a link to it is on its way to that address. It works for one hour.`,
  linkMailSubject: 'Your sigmine privacy link',
  linkMailBody: (e, url) =>
    `Someone (hopefully you) asked to see what sigmine holds about ${e}.\n\n` +
    `Open this link within one hour to see, correct, export, restrict or remove your profile:\n${url}\n\n` +
    'The link works once. If you did not ask for it, ignore this message: nothing changes.\n',
  openTitle: 'Your privacy link',
  openText: 'Continue to see what sigmine holds about you.',
  continueButton: 'Continue',
  openNote: 'The link works once and for one hour; after that, ask for a new one.',
  expiredTitle: 'Link expired',
  expiredHeading: 'This link has expired',
  expiredText: 'Links work for one hour.',
  usedHeading: 'This link was already used',
  usedText: 'A link works once.',
  askAgain: 'Ask for a new one',
  profileTitle: 'Your profile',
  holdsAbout: (e) => `What sigmine holds about ${e}`,
  done: {
    correct: 'Your correction is saved. It beats anything a later harvest sees.',
    restrict: 'Your profile is restricted: hidden from the directory and frozen.',
    unrestrict: 'The restriction is lifted.',
  },
  noProfile: 'We hold no profile for this address.',
  suppressedSince: (since, reason) =>
    ` It is on our suppression list since ${since} (${reason}), so no later harvest adds it again; we keep only a keyed hash of it for that.`,
  downloadWhatWeHold: 'Download what we hold as JSON',
  sourceNote:
    'Where it comes from: business e-mail signatures and headers, calendars and address books observed by members of our contributor network. We never say which member.',
  downloadAll: 'Download everything as JSON',
  downloadVCard: 'Download your contact card (vCard)',
  downloadIsRequest: '(this is recorded as an access request)',
  correctHeading: 'Correct a field',
  correctPlaceholder: 'correct value (empty: none)',
  saveCorrection: 'Save correction',
  restrictHeading: 'Restrict or remove',
  liftRestriction: 'Lift restriction',
  restrict: 'Restrict (hide and freeze)',
  removeVsObject:
    'Remove deletes your profile for good and keeps your address off the directory (erasure). Object says you do not want to be listed at all (an objection); we honour it the same way, and record it as an objection. Both ask you to confirm first.',
  removeButton: 'Remove my profile…',
  objectButton: 'Object to being listed…',
  statusLabel: 'status',
  statusNames: { listed: 'listed', pending: 'pending', restricted: 'restricted' },
  fieldNames: fieldNamesIn('en'),
  correctedByYou: 'corrected by you',
  replacedByCorrection: 'replaced by your correction',
  firstLastSeen: 'first / last seen',
  whoReceived: 'who received it',
  jurisdiction: 'jurisdiction',
  whereFrom: 'Where each value comes from',
  provenanceHeads: ['field', 'value', 'source', 'first seen', 'last seen', 'members who saw it'],
  jobHistory: 'Job history',
  listedSince: (s) => `Listed: shown in the directory${s ? ` since ${s}` : ''}.`,
  restrictedSince: (s) =>
    `Restricted${s ? ` since ${s}` : ''}: hidden from the directory and frozen (no harvest changes it) until you lift the restriction.`,
  pending:
    'Pending: not in the directory. Before listing someone we send them a notice and wait for objections.',
  pendingSent: (d) => `Your notice was sent; unless you object, you will be listed on ${d}.`,
  pendingNotSent: (days) =>
    `Your notice has not been sent (or could not be delivered) yet; you will be listed no earlier than ${days} days after it is sent, and only if you do not object.`,
  recipientsShown: 'Listed contacts are shown to directory members (name, title, company).',
  recipientsNone: 'No member has revealed your e-mail address and phones.',
  recipientsRevealed: (n) => `${n} member(s) of the directory revealed your e-mail address and phones.`,
  recipientsTold:
    'Recipients are members of the directory; we never name them. When you correct or remove your profile, we tell each member who revealed it (GDPR Art. 19).',
  confirm: {
    erase: {
      title: 'Remove your profile?',
      button: 'Yes, remove my profile',
      law: 'an erasure request (GDPR Art. 17)',
      after: 'If you only want to stop being shown for a while, restrict your profile instead.',
    },
    object: {
      title: 'Object to being listed?',
      button: 'Yes, I object: remove me',
      law: 'an objection (GDPR Art. 21)',
      after: 'An objection is honoured like a removal: we do not weigh it against our interests.',
    },
    recordedAs: (law) => `This is recorded as ${law}. When you confirm:`,
    steps: [
      "your profile, every value we saw, its history and your notices' addresses are deleted now, for good;",
      "your address goes on our suppression list (kept only as a keyed hash), so no member's mailbox adds you again;",
      'the directory no longer shows you;',
      "this page's session and any other privacy link you asked for stop working.",
    ],
    back: 'No, go back',
  },
  removedTitle: 'Removed',
  removedText:
    'Your profile was deleted and your address is on our suppression list, so no later harvest adds it again. We keep only a keyed hash of the address for that purpose.',
  notSavedTitle: 'Not saved',
  notSavedHeading: 'Correction not saved',
  notSavedText:
    'We hold no profile for this address (it may have been removed), so there was nothing to correct.',
  back: 'Back',
};

const de: PrivacyTexts = {
  centerTitle: 'Datenschutzcenter',
  requestIntro:
    'Geben Sie Ihre E-Mail-Adresse ein. Wenn sigmine dazu ein Profil hat, schicken wir einen Link an diese Adresse; damit sehen Sie alles, was wir speichern, und können es berichtigen, herunterladen, einschränken oder endgültig löschen lassen.',
  emailLabel: 'E-Mail',
  sendLink: 'Link zusenden',
  notAnEmail: 'Das ist keine E-Mail-Adresse.',
  checkMailTitle: 'Bitte sehen Sie in Ihr Postfach',
  checkMail: (e) =>
    `Wenn wir etwas über ${e} speichern, ist ein Link dazu an diese Adresse unterwegs. Er gilt eine Stunde.`,
  linkMailSubject: 'Ihr Link zum sigmine-Datenschutzcenter',
  linkMailBody: (e, url) =>
    `Jemand (hoffentlich Sie) möchte sehen, was sigmine über ${e} speichert.\n\n` +
    `Öffnen Sie diesen Link innerhalb einer Stunde, um Ihr Profil einzusehen, zu berichtigen, zu exportieren, einzuschränken oder zu löschen:\n${url}\n\n` +
    'Der Link funktioniert einmal. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht: Es ändert sich nichts.\n',
  openTitle: 'Ihr Datenschutz-Link',
  openText: 'Weiter, um zu sehen, was sigmine über Sie speichert.',
  continueButton: 'Weiter',
  openNote: 'Der Link funktioniert einmal und eine Stunde lang; danach fordern Sie einen neuen an.',
  expiredTitle: 'Link abgelaufen',
  expiredHeading: 'Dieser Link ist abgelaufen',
  expiredText: 'Links gelten eine Stunde.',
  usedHeading: 'Dieser Link wurde bereits verwendet',
  usedText: 'Ein Link funktioniert einmal.',
  askAgain: 'Neuen Link anfordern',
  profileTitle: 'Ihr Profil',
  holdsAbout: (e) => `Was sigmine über ${e} speichert`,
  done: {
    correct:
      'Ihre Berichtigung ist gespeichert. Sie hat Vorrang vor allem, was eine spätere Erfassung findet.',
    restrict: 'Ihr Profil ist eingeschränkt: im Verzeichnis verborgen und eingefroren.',
    unrestrict: 'Die Einschränkung ist aufgehoben.',
  },
  noProfile: 'Wir haben kein Profil zu dieser Adresse.',
  suppressedSince: (since, reason) =>
    ` Sie steht seit ${since} auf unserer Sperrliste (${reason}), damit keine spätere Erfassung sie wieder aufnimmt; dafür behalten wir nur einen verschlüsselten Hash.`,
  downloadWhatWeHold: 'Gespeicherte Daten als JSON herunterladen',
  sourceNote:
    'Herkunft: geschäftliche E-Mail-Signaturen und Kopfzeilen, Kalender und Adressbücher, die Mitglieder unseres Netzwerks erhalten haben. Welches Mitglied, sagen wir nie.',
  downloadAll: 'Alles als JSON herunterladen',
  downloadVCard: 'Ihre Kontaktkarte herunterladen (vCard)',
  downloadIsRequest: '(wird als Auskunftsersuchen erfasst)',
  correctHeading: 'Ein Feld berichtigen',
  correctPlaceholder: 'richtiger Wert (leer: keiner)',
  saveCorrection: 'Berichtigung speichern',
  restrictHeading: 'Einschränken oder löschen',
  liftRestriction: 'Einschränkung aufheben',
  restrict: 'Einschränken (verbergen und einfrieren)',
  removeVsObject:
    'Löschen entfernt Ihr Profil endgültig und hält Ihre Adresse aus dem Verzeichnis (Löschung). Widerspruch heißt, dass Sie gar nicht aufgeführt werden wollen; wir behandeln ihn genauso und erfassen ihn als Widerspruch. Beides fragt vorher nach.',
  removeButton: 'Mein Profil löschen…',
  objectButton: 'Der Aufnahme widersprechen…',
  statusLabel: 'Status',
  statusNames: { listed: 'veröffentlicht', pending: 'ausstehend', restricted: 'eingeschränkt' },
  fieldNames: fieldNamesIn('de'),
  correctedByYou: 'von Ihnen berichtigt',
  replacedByCorrection: 'durch Ihre Berichtigung ersetzt',
  firstLastSeen: 'zuerst / zuletzt gesehen',
  whoReceived: 'Empfänger',
  jurisdiction: 'Rechtsraum',
  whereFrom: 'Woher jeder Wert stammt',
  provenanceHeads: [
    'Feld',
    'Wert',
    'Quelle',
    'zuerst gesehen',
    'zuletzt gesehen',
    'Mitglieder, die ihn sahen',
  ],
  jobHistory: 'Beruflicher Verlauf',
  listedSince: (s) => `Veröffentlicht: im Verzeichnis sichtbar${s ? ` seit ${s}` : ''}.`,
  restrictedSince: (s) =>
    `Eingeschränkt${s ? ` seit ${s}` : ''}: im Verzeichnis verborgen und eingefroren (keine Erfassung ändert es), bis Sie die Einschränkung aufheben.`,
  pending:
    'Ausstehend: nicht im Verzeichnis. Bevor wir jemanden aufnehmen, schicken wir einen Hinweis und warten auf Widersprüche.',
  pendingSent: (d) =>
    `Ihr Hinweis wurde verschickt; wenn Sie nicht widersprechen, werden Sie am ${d} veröffentlicht.`,
  pendingNotSent: (days) =>
    `Ihr Hinweis wurde noch nicht verschickt (oder konnte nicht zugestellt werden); Sie werden frühestens ${days} Tage nach dem Versand veröffentlicht, und nur, wenn Sie nicht widersprechen.`,
  recipientsShown:
    'Veröffentlichte Kontakte sehen Mitglieder des Verzeichnisses (Name, Position, Unternehmen).',
  recipientsNone: 'Kein Mitglied hat Ihre E-Mail-Adresse und Telefonnummern abgerufen.',
  recipientsRevealed: (n) =>
    `${n} Mitglied(er) des Verzeichnisses haben Ihre E-Mail-Adresse und Telefonnummern abgerufen.`,
  recipientsTold:
    'Empfänger sind Mitglieder des Verzeichnisses; wir nennen sie nie. Wenn Sie Ihr Profil berichtigen oder löschen, teilen wir es jedem Mitglied mit, das es abgerufen hat (Art. 19 DSGVO).',
  confirm: {
    erase: {
      title: 'Ihr Profil löschen?',
      button: 'Ja, mein Profil löschen',
      law: 'ein Löschungsersuchen (Art. 17 DSGVO)',
      after:
        'Wenn Sie nur eine Zeit lang nicht angezeigt werden wollen, schränken Sie Ihr Profil stattdessen ein.',
    },
    object: {
      title: 'Der Aufnahme widersprechen?',
      button: 'Ja, ich widerspreche: löschen',
      law: 'ein Widerspruch (Art. 21 DSGVO)',
      after:
        'Ein Widerspruch wird wie eine Löschung behandelt: Wir wägen ihn nicht gegen unsere Interessen ab.',
    },
    recordedAs: (law) => `Das wird erfasst als ${law}. Wenn Sie bestätigen:`,
    steps: [
      'Ihr Profil, jeder gesehene Wert, sein Verlauf und die Adressen Ihrer Hinweise werden jetzt endgültig gelöscht;',
      'Ihre Adresse kommt auf unsere Sperrliste (nur als verschlüsselter Hash), damit kein Postfach eines Mitglieds Sie wieder aufnimmt;',
      'das Verzeichnis zeigt Sie nicht mehr;',
      'die Sitzung dieser Seite und jeder andere angeforderte Datenschutz-Link hören auf zu funktionieren.',
    ],
    back: 'Nein, zurück',
  },
  removedTitle: 'Gelöscht',
  removedText:
    'Ihr Profil wurde gelöscht und Ihre Adresse steht auf unserer Sperrliste, damit keine spätere Erfassung sie wieder aufnimmt. Dafür behalten wir nur einen verschlüsselten Hash der Adresse.',
  notSavedTitle: 'Nicht gespeichert',
  notSavedHeading: 'Berichtigung nicht gespeichert',
  notSavedText:
    'Wir haben kein Profil zu dieser Adresse (es wurde vielleicht gelöscht), es gab also nichts zu berichtigen.',
  back: 'Zurück',
};

const fr: PrivacyTexts = {
  centerTitle: 'Centre de confidentialité',
  requestIntro:
    'Saisissez votre adresse e-mail. Si sigmine détient un profil à ce nom, nous envoyons un lien à cette adresse ; il vous permet de voir tout ce que nous détenons, de le rectifier, de le télécharger, de le limiter ou de le faire supprimer définitivement.',
  emailLabel: 'E-mail',
  sendLink: 'Envoyez-moi un lien',
  notAnEmail: 'Ce n’est pas une adresse e-mail.',
  checkMailTitle: 'Consultez votre messagerie',
  checkMail: (e) =>
    `Si nous détenons quelque chose sur ${e}, un lien est en route vers cette adresse. Il est valable une heure.`,
  linkMailSubject: 'Votre lien vers le centre de confidentialité sigmine',
  linkMailBody: (e, url) =>
    `Quelqu’un (vous, espérons-le) a demandé à voir ce que sigmine détient sur ${e}.\n\n` +
    `Ouvrez ce lien dans l’heure pour consulter, rectifier, exporter, limiter ou supprimer votre profil :\n${url}\n\n` +
    'Le lien ne fonctionne qu’une fois. Si vous ne l’avez pas demandé, ignorez ce message : rien ne change.\n',
  openTitle: 'Votre lien de confidentialité',
  openText: 'Continuez pour voir ce que sigmine détient sur vous.',
  continueButton: 'Continuer',
  openNote: 'Le lien fonctionne une fois et pendant une heure ; ensuite, demandez-en un nouveau.',
  expiredTitle: 'Lien expiré',
  expiredHeading: 'Ce lien a expiré',
  expiredText: 'Les liens sont valables une heure.',
  usedHeading: 'Ce lien a déjà été utilisé',
  usedText: 'Un lien ne fonctionne qu’une fois.',
  askAgain: 'En demander un nouveau',
  profileTitle: 'Votre profil',
  holdsAbout: (e) => `Ce que sigmine détient sur ${e}`,
  done: {
    correct: 'Votre rectification est enregistrée. Elle prime sur tout ce qu’une collecte ultérieure verra.',
    restrict: 'Votre profil est limité : masqué dans l’annuaire et figé.',
    unrestrict: 'La limitation est levée.',
  },
  noProfile: 'Nous ne détenons aucun profil pour cette adresse.',
  suppressedSince: (since, reason) =>
    ` Elle figure sur notre liste d’exclusion depuis le ${since} (${reason}), afin qu’aucune collecte ne l’ajoute à nouveau ; nous n’en gardons qu’une empreinte chiffrée.`,
  downloadWhatWeHold: 'Télécharger ce que nous détenons (JSON)',
  sourceNote:
    'Origine : signatures et en-têtes d’e-mails professionnels, agendas et carnets d’adresses vus par des membres de notre réseau. Nous ne disons jamais quel membre.',
  downloadAll: 'Tout télécharger (JSON)',
  downloadVCard: 'Télécharger votre fiche contact (vCard)',
  downloadIsRequest: '(enregistré comme demande d’accès)',
  correctHeading: 'Rectifier un champ',
  correctPlaceholder: 'valeur correcte (vide : aucune)',
  saveCorrection: 'Enregistrer la rectification',
  restrictHeading: 'Limiter ou supprimer',
  liftRestriction: 'Lever la limitation',
  restrict: 'Limiter (masquer et figer)',
  removeVsObject:
    'Supprimer efface votre profil définitivement et tient votre adresse hors de l’annuaire (effacement). S’opposer signifie que vous ne voulez pas y figurer du tout ; nous le traitons de la même façon et l’enregistrons comme opposition. Les deux demandent une confirmation.',
  removeButton: 'Supprimer mon profil…',
  objectButton: 'M’opposer à l’inscription…',
  statusLabel: 'statut',
  statusNames: { listed: 'publié', pending: 'en attente', restricted: 'limité' },
  fieldNames: fieldNamesIn('fr'),
  correctedByYou: 'rectifié par vous',
  replacedByCorrection: 'remplacé par votre rectification',
  firstLastSeen: 'vu la première / dernière fois',
  whoReceived: 'destinataires',
  jurisdiction: 'juridiction',
  whereFrom: 'D’où vient chaque valeur',
  provenanceHeads: [
    'champ',
    'valeur',
    'source',
    'vu la première fois',
    'vu la dernière fois',
    'membres qui l’ont vu',
  ],
  jobHistory: 'Parcours professionnel',
  listedSince: (s) => `Publié : visible dans l’annuaire${s ? ` depuis le ${s}` : ''}.`,
  restrictedSince: (s) =>
    `Limité${s ? ` depuis le ${s}` : ''} : masqué dans l’annuaire et figé (aucune collecte ne le modifie) jusqu’à ce que vous leviez la limitation.`,
  pending:
    'En attente : absent de l’annuaire. Avant d’inscrire quelqu’un, nous lui envoyons une information et attendons d’éventuelles oppositions.',
  pendingSent: (d) =>
    `Votre information a été envoyée ; sauf opposition de votre part, vous serez publié le ${d}.`,
  pendingNotSent: (days) =>
    `Votre information n’a pas encore été envoyée (ou n’a pas pu être remise) ; vous ne serez publié qu’au moins ${days} jours après son envoi, et seulement sans opposition de votre part.`,
  recipientsShown:
    'Les contacts publiés sont visibles des membres de l’annuaire (nom, fonction, entreprise).',
  recipientsNone: 'Aucun membre n’a consulté votre adresse e-mail ni vos téléphones.',
  recipientsRevealed: (n) =>
    `${n} membre(s) de l’annuaire ont consulté votre adresse e-mail et vos téléphones.`,
  recipientsTold:
    'Les destinataires sont des membres de l’annuaire ; nous ne les nommons jamais. Si vous rectifiez ou supprimez votre profil, nous en informons chaque membre qui l’a consulté (art. 19 RGPD).',
  confirm: {
    erase: {
      title: 'Supprimer votre profil ?',
      button: 'Oui, supprimer mon profil',
      law: 'une demande d’effacement (art. 17 RGPD)',
      after: 'Si vous voulez seulement ne plus apparaître pour un temps, limitez plutôt votre profil.',
    },
    object: {
      title: 'Vous opposer à l’inscription ?',
      button: 'Oui, je m’oppose : supprimez-moi',
      law: 'une opposition (art. 21 RGPD)',
      after:
        'Une opposition est traitée comme une suppression : nous ne la mettons pas en balance avec nos intérêts.',
    },
    recordedAs: (law) => `Ceci est enregistré comme ${law}. Si vous confirmez :`,
    steps: [
      'votre profil, chaque valeur vue, son historique et les adresses de vos informations sont effacés maintenant, définitivement ;',
      'votre adresse entre sur notre liste d’exclusion (seulement sous forme d’empreinte chiffrée), pour qu’aucune messagerie de membre ne vous ajoute à nouveau ;',
      'l’annuaire ne vous montre plus ;',
      'la session de cette page et tout autre lien de confidentialité demandé cessent de fonctionner.',
    ],
    back: 'Non, revenir',
  },
  removedTitle: 'Supprimé',
  removedText:
    'Votre profil a été effacé et votre adresse figure sur notre liste d’exclusion : aucune collecte ultérieure ne l’ajoutera. Nous n’en gardons qu’une empreinte chiffrée à cette fin.',
  notSavedTitle: 'Non enregistré',
  notSavedHeading: 'Rectification non enregistrée',
  notSavedText:
    'Nous ne détenons aucun profil pour cette adresse (il a peut-être été supprimé) : il n’y avait rien à rectifier.',
  back: 'Retour',
};

const pt: PrivacyTexts = {
  centerTitle: 'Central de privacidade',
  requestIntro:
    'Informe seu endereço de e-mail. Se o sigmine tiver um perfil para ele, enviamos um link a esse endereço; com ele você vê tudo o que mantemos e pode corrigir, baixar, restringir ou pedir a remoção definitiva.',
  emailLabel: 'E-mail',
  sendLink: 'Enviar um link',
  notAnEmail: 'Isso não é um endereço de e-mail.',
  checkMailTitle: 'Verifique seu e-mail',
  checkMail: (e) =>
    `Se mantivermos algo sobre ${e}, um link está a caminho desse endereço. Ele vale por uma hora.`,
  linkMailSubject: 'Seu link para a central de privacidade do sigmine',
  linkMailBody: (e, url) =>
    `Alguém (esperamos que você) pediu para ver o que o sigmine mantém sobre ${e}.\n\n` +
    `Abra este link em até uma hora para ver, corrigir, exportar, restringir ou remover seu perfil:\n${url}\n\n` +
    'O link funciona uma vez. Se você não o pediu, ignore esta mensagem: nada muda.\n',
  openTitle: 'Seu link de privacidade',
  openText: 'Continue para ver o que o sigmine mantém sobre você.',
  continueButton: 'Continuar',
  openNote: 'O link funciona uma vez e por uma hora; depois, peça um novo.',
  expiredTitle: 'Link expirado',
  expiredHeading: 'Este link expirou',
  expiredText: 'Os links valem por uma hora.',
  usedHeading: 'Este link já foi usado',
  usedText: 'Um link funciona uma vez.',
  askAgain: 'Pedir um novo',
  profileTitle: 'Seu perfil',
  holdsAbout: (e) => `O que o sigmine mantém sobre ${e}`,
  done: {
    correct: 'Sua correção foi salva. Ela prevalece sobre tudo o que uma coleta posterior encontrar.',
    restrict: 'Seu perfil está restrito: oculto no diretório e congelado.',
    unrestrict: 'A restrição foi retirada.',
  },
  noProfile: 'Não mantemos nenhum perfil para este endereço.',
  suppressedSince: (since, reason) =>
    ` Ele está em nossa lista de supressão desde ${since} (${reason}), para que nenhuma coleta o adicione de novo; guardamos apenas um hash protegido dele.`,
  downloadWhatWeHold: 'Baixar o que mantemos (JSON)',
  sourceNote:
    'Origem: assinaturas e cabeçalhos de e-mails profissionais, agendas e catálogos de endereços vistos por membros da nossa rede. Nunca dizemos qual membro.',
  downloadAll: 'Baixar tudo (JSON)',
  downloadVCard: 'Baixar o seu cartão de contato (vCard)',
  downloadIsRequest: '(registrado como pedido de acesso)',
  correctHeading: 'Corrigir um campo',
  correctPlaceholder: 'valor correto (vazio: nenhum)',
  saveCorrection: 'Salvar correção',
  restrictHeading: 'Restringir ou remover',
  liftRestriction: 'Retirar a restrição',
  restrict: 'Restringir (ocultar e congelar)',
  removeVsObject:
    'Remover apaga seu perfil definitivamente e mantém seu endereço fora do diretório (eliminação). Opor-se diz que você não quer constar de forma alguma; tratamos da mesma maneira e registramos como oposição. Ambos pedem confirmação antes.',
  removeButton: 'Remover meu perfil…',
  objectButton: 'Opor-me a constar…',
  statusLabel: 'situação',
  statusNames: { listed: 'publicado', pending: 'pendente', restricted: 'restrito' },
  fieldNames: fieldNamesIn('pt'),
  correctedByYou: 'corrigido por você',
  replacedByCorrection: 'substituído pela sua correção',
  firstLastSeen: 'visto pela primeira / última vez',
  whoReceived: 'destinatários',
  jurisdiction: 'jurisdição',
  whereFrom: 'De onde vem cada valor',
  provenanceHeads: [
    'campo',
    'valor',
    'origem',
    'visto pela primeira vez',
    'visto pela última vez',
    'membros que o viram',
  ],
  jobHistory: 'Histórico profissional',
  listedSince: (s) => `Publicado: visível no diretório${s ? ` desde ${s}` : ''}.`,
  restrictedSince: (s) =>
    `Restrito${s ? ` desde ${s}` : ''}: oculto no diretório e congelado (nenhuma coleta o altera) até você retirar a restrição.`,
  pending: 'Pendente: fora do diretório. Antes de publicar alguém, enviamos um aviso e aguardamos objeções.',
  pendingSent: (d) => `Seu aviso foi enviado; se você não se opuser, será publicado em ${d}.`,
  pendingNotSent: (days) =>
    `Seu aviso ainda não foi enviado (ou não pôde ser entregue); você será publicado no mínimo ${days} dias após o envio, e só se não se opuser.`,
  recipientsShown: 'Contatos publicados são mostrados aos membros do diretório (nome, cargo, empresa).',
  recipientsNone: 'Nenhum membro revelou seu e-mail e seus telefones.',
  recipientsRevealed: (n) => `${n} membro(s) do diretório revelaram seu e-mail e seus telefones.`,
  recipientsTold:
    'Os destinatários são membros do diretório; nunca os nomeamos. Quando você corrige ou remove seu perfil, avisamos cada membro que o revelou (art. 19 RGPD; LGPD art. 18, §6º).',
  confirm: {
    erase: {
      title: 'Remover seu perfil?',
      button: 'Sim, remover meu perfil',
      law: 'um pedido de eliminação (RGPD art. 17; LGPD art. 18)',
      after: 'Se você só quer deixar de aparecer por um tempo, restrinja seu perfil.',
    },
    object: {
      title: 'Opor-se a constar?',
      button: 'Sim, eu me oponho: remover',
      law: 'uma oposição (RGPD art. 21; LGPD art. 18, §2º)',
      after: 'Uma oposição é atendida como uma remoção: não a ponderamos contra nossos interesses.',
    },
    recordedAs: (law) => `Isto é registrado como ${law}. Ao confirmar:`,
    steps: [
      'seu perfil, cada valor visto, seu histórico e os endereços dos seus avisos são apagados agora, definitivamente;',
      'seu endereço entra em nossa lista de supressão (só como hash protegido), para que nenhuma caixa de membro o adicione de novo;',
      'o diretório deixa de mostrar você;',
      'a sessão desta página e qualquer outro link de privacidade pedido deixam de funcionar.',
    ],
    back: 'Não, voltar',
  },
  removedTitle: 'Removido',
  removedText:
    'Seu perfil foi apagado e seu endereço está em nossa lista de supressão, para que nenhuma coleta o adicione de novo. Guardamos apenas um hash protegido do endereço para isso.',
  notSavedTitle: 'Não salvo',
  notSavedHeading: 'Correção não salva',
  notSavedText:
    'Não mantemos perfil para este endereço (talvez tenha sido removido), então não havia nada a corrigir.',
  back: 'Voltar',
};

const es: PrivacyTexts = {
  centerTitle: 'Centro de privacidad',
  requestIntro:
    'Escriba su dirección de correo. Si sigmine tiene un perfil para ella, enviamos un enlace a esa dirección; con él verá todo lo que conservamos y podrá rectificarlo, descargarlo, limitarlo o hacer que se elimine para siempre.',
  emailLabel: 'Correo',
  sendLink: 'Enviarme un enlace',
  notAnEmail: 'Eso no es una dirección de correo.',
  checkMailTitle: 'Revise su correo',
  checkMail: (e) => `Si conservamos algo sobre ${e}, hay un enlace en camino a esa dirección. Vale una hora.`,
  linkMailSubject: 'Su enlace al centro de privacidad de sigmine',
  linkMailBody: (e, url) =>
    `Alguien (esperamos que usted) pidió ver lo que sigmine conserva sobre ${e}.\n\n` +
    `Abra este enlace antes de una hora para ver, rectificar, exportar, limitar o eliminar su perfil:\n${url}\n\n` +
    'El enlace funciona una vez. Si no lo pidió, ignore este mensaje: no cambia nada.\n',
  openTitle: 'Su enlace de privacidad',
  openText: 'Continúe para ver lo que sigmine conserva sobre usted.',
  continueButton: 'Continuar',
  openNote: 'El enlace funciona una vez y durante una hora; después, pida uno nuevo.',
  expiredTitle: 'Enlace caducado',
  expiredHeading: 'Este enlace ha caducado',
  expiredText: 'Los enlaces valen una hora.',
  usedHeading: 'Este enlace ya se usó',
  usedText: 'Un enlace funciona una vez.',
  askAgain: 'Pedir uno nuevo',
  profileTitle: 'Su perfil',
  holdsAbout: (e) => `Lo que sigmine conserva sobre ${e}`,
  done: {
    correct: 'Su rectificación está guardada. Prevalece sobre todo lo que vea una recogida posterior.',
    restrict: 'Su perfil está limitado: oculto en el directorio y congelado.',
    unrestrict: 'Se ha levantado la limitación.',
  },
  noProfile: 'No conservamos ningún perfil para esta dirección.',
  suppressedSince: (since, reason) =>
    ` Está en nuestra lista de supresión desde el ${since} (${reason}), para que ninguna recogida la vuelva a añadir; solo guardamos un hash protegido de ella.`,
  downloadWhatWeHold: 'Descargar lo que conservamos (JSON)',
  sourceNote:
    'Origen: firmas y cabeceras de correos profesionales, calendarios y libretas de direcciones vistos por miembros de nuestra red. Nunca decimos qué miembro.',
  downloadAll: 'Descargarlo todo (JSON)',
  downloadVCard: 'Descargar su tarjeta de contacto (vCard)',
  downloadIsRequest: '(se registra como solicitud de acceso)',
  correctHeading: 'Rectificar un campo',
  correctPlaceholder: 'valor correcto (vacío: ninguno)',
  saveCorrection: 'Guardar rectificación',
  restrictHeading: 'Limitar o eliminar',
  liftRestriction: 'Levantar la limitación',
  restrict: 'Limitar (ocultar y congelar)',
  removeVsObject:
    'Eliminar borra su perfil para siempre y mantiene su dirección fuera del directorio (supresión). Oponerse indica que no quiere figurar en absoluto; lo atendemos igual y lo registramos como oposición. Ambos piden confirmación antes.',
  removeButton: 'Eliminar mi perfil…',
  objectButton: 'Oponerme a figurar…',
  statusLabel: 'estado',
  statusNames: { listed: 'publicado', pending: 'pendiente', restricted: 'limitado' },
  fieldNames: fieldNamesIn('es'),
  correctedByYou: 'rectificado por usted',
  replacedByCorrection: 'sustituido por su rectificación',
  firstLastSeen: 'visto por primera / última vez',
  whoReceived: 'destinatarios',
  jurisdiction: 'jurisdicción',
  whereFrom: 'De dónde viene cada valor',
  provenanceHeads: [
    'campo',
    'valor',
    'origen',
    'visto por primera vez',
    'visto por última vez',
    'miembros que lo vieron',
  ],
  jobHistory: 'Trayectoria profesional',
  listedSince: (s) => `Publicado: visible en el directorio${s ? ` desde el ${s}` : ''}.`,
  restrictedSince: (s) =>
    `Limitado${s ? ` desde el ${s}` : ''}: oculto en el directorio y congelado (ninguna recogida lo cambia) hasta que levante la limitación.`,
  pending:
    'Pendiente: fuera del directorio. Antes de publicar a alguien le enviamos un aviso y esperamos objeciones.',
  pendingSent: (d) => `Su aviso se envió; si no se opone, se le publicará el ${d}.`,
  pendingNotSent: (days) =>
    `Su aviso aún no se ha enviado (o no se pudo entregar); se le publicará como pronto ${days} días después del envío, y solo si no se opone.`,
  recipientsShown:
    'Los contactos publicados se muestran a los miembros del directorio (nombre, cargo, empresa).',
  recipientsNone: 'Ningún miembro ha revelado su correo ni sus teléfonos.',
  recipientsRevealed: (n) => `${n} miembro(s) del directorio revelaron su correo y sus teléfonos.`,
  recipientsTold:
    'Los destinatarios son miembros del directorio; nunca los nombramos. Si rectifica o elimina su perfil, se lo comunicamos a cada miembro que lo reveló (art. 19 RGPD).',
  confirm: {
    erase: {
      title: '¿Eliminar su perfil?',
      button: 'Sí, eliminar mi perfil',
      law: 'una solicitud de supresión (art. 17 RGPD)',
      after: 'Si solo quiere dejar de aparecer un tiempo, limite su perfil en su lugar.',
    },
    object: {
      title: '¿Oponerse a figurar?',
      button: 'Sí, me opongo: elimínenme',
      law: 'una oposición (art. 21 RGPD)',
      after: 'Una oposición se atiende como una eliminación: no la sopesamos frente a nuestros intereses.',
    },
    recordedAs: (law) => `Esto se registra como ${law}. Al confirmar:`,
    steps: [
      'su perfil, cada valor visto, su historial y las direcciones de sus avisos se borran ahora, para siempre;',
      'su dirección entra en nuestra lista de supresión (solo como hash protegido), para que ningún buzón de un miembro le vuelva a añadir;',
      'el directorio deja de mostrarle;',
      'la sesión de esta página y cualquier otro enlace de privacidad pedido dejan de funcionar.',
    ],
    back: 'No, volver',
  },
  removedTitle: 'Eliminado',
  removedText:
    'Su perfil se ha borrado y su dirección está en nuestra lista de supresión, para que ninguna recogida posterior la vuelva a añadir. Solo guardamos un hash protegido de la dirección para ello.',
  notSavedTitle: 'No guardado',
  notSavedHeading: 'Rectificación no guardada',
  notSavedText:
    'No conservamos ningún perfil para esta dirección (quizá se eliminó), así que no había nada que rectificar.',
  back: 'Volver',
};

const TEXTS: Record<string, PrivacyTexts> = { en, de, fr, pt, es };

/** The privacy center's languages (those notices are written in). */
export const PRIVACY_LANGUAGES = Object.freeze(Object.keys(TEXTS));

/** The texts of `language`, English when we have none in it. */
export function privacyTexts(language: string | null | undefined): PrivacyTexts {
  return TEXTS[language ?? 'en'] ?? en;
}

/**
 * The first of our languages a browser asks for in `Accept-Language` (RFC 9110 §12.5.4), else English: for
 * pages shown before we know who the visitor is. Bounded: at most the first 20 entries are read.
 */
export function languageFromHeader(header: string | undefined): string {
  const ranked = (header ?? '')
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag.split('-')[0]!, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && TEXTS[x.lang])
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang ?? 'en';
}
