/**
 * Greek word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

// Greek has no ASCII word edges: a `\b` next to a Greek letter never matches in the non-Unicode patterns
// (quote intros, separators, PO boxes), so Greek entries of those lists carry no `\b`. Capitals drop the
// accent (ΥΠΕΥΘΥΝΟΣ), so the commonest title words accept both.
export const el: Lexicon = {
  lang: 'el',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['καλημέρα', 'αγαπητέ', 'αγαπητή', 'γεια σας'],
  valedictions: [
    '(?:με )?(?:φιλικούς |θερμούς |πολλούς )?χαιρετισμούς',
    'με (?:εκτίμηση|τιμή|φιλικούς χαιρετισμούς)',
    'φιλικά',
    'ευχαριστώ(?: πολύ)?',
    'ευχαριστίες',
    'καλή συνέχεια',
  ],
  quoteWrote: ['έγραψε'],
  // Α.Ε. (société anonyme), Ε.Π.Ε. (limited company), Ι.Κ.Ε. (private company), Ο.Ε. (partnership), with or without
  // dots.
  legalForms: ['Α\\.Ε', 'ΑΕ', 'Α\\.Ε\\.Β\\.Ε', 'ΑΕΒΕ', 'Ε\\.Π\\.Ε', 'ΕΠΕ', 'Ι\\.Κ\\.Ε', 'ΙΚΕ', 'Ο\\.Ε'],
  // Outlook: Από / Στάλθηκε / Προς / Κοιν. (Cc) / Θέμα; Gmail: Ημερομηνία, Κοιν.: with its dot.
  quoteFromLabels: ['Από'],
  quoteHeaderLabels: ['Στάλθηκε', 'Ημερομηνία', 'Προς', 'Κοιν\\.?', 'Θέμα', 'Συνημμένα'],
  clientFooters: ['Στάλθηκε από (?:το|τη|την|ένα|κινητό)', 'Εστάλη από'],
  noticeCues: ['εμπιστευτικ', 'απόρρητ'],
  titleNouns: [
    // Γεωπόνος (agronomist), Κτηνίατρος (veterinarian).
    'Γεωπόνος',
    'Κτηνίατρος',
    // Translators and interpreters: "Μεταφράστρια - Διερμηνέας".
    'μεταφράστ(?:ής|ρια)',
    'διερμηνέας',
    // Sommeliers: "Αρχισομελιέ" (head sommelier), "Σομελιέ".
    '(?:αρχι)?σομελιέ',
    'διευθ[υύ]ντ(?:ής|ης|ρια)',
    // Deputy director, written as one word: "Υποδιευθυντής".
    'υποδιευθ[υύ]ντ(?:ής|ης|ρια)',
    'υπε[υύ]θυν(?:ος|η)',
    'προ[ϊι]στ[άα]μ[εέ]ν(?:ος|η)',
    'μηχανικ[όο]ς',
    'σύμβουλος',
    'διευθ[υύ]νων σ[υύ]μβουλος',
    'αναλυτ[ήη]ς',
    'λογιστ[ήη]ς',
    'λογίστρια',
    'πρόεδρος',
    'αντιπρόεδρος',
    'συντονιστ(?:ής|ρια)',
    'γραμματέας',
    'δικηγόρος',
    '(?:συν)?ιδρυτ(?:ής|ρια)',
    'προγραμματιστ(?:ής|ρια)',
    'στέλεχος',
    // Hospitals: συντονίστρια κλινικών μελετών (study coordinator), ιατρός (physician), νοσηλεύτρια (nurse).
    'συντονίστρια',
    'ιατρός',
    'νοσηλε[υύ]τ(?:ής|ρια)',
    'φαρμακοποιός',
    // Trades and offices: Επιθεωρητής Πλοίων (ship superintendent), Πλοίαρχος (master), Ελεγκτής (controller),
    // Ερευνήτρια.
    'επιθεωρητ(?:ής|ρια)',
    'πλοίαρχος',
    'υπάλληλος',
    'διαχειριστ(?:ής|ρια)',
    'επόπτ(?:ης|ρια)',
    'ελεγκτ(?:ής|ρια)',
    'οικονομολόγος',
    'χημικός',
    'εκπρόσωπος',
    'βοηθός',
    'ερευνητ(?:ής|ρια)',
    // Professor, with or without the accent: "Καθηγητής", "Αναπληρώτρια Καθηγήτρια".
    'καθηγ[ηή]τ(?:ής|ης|ρια)',
  ],
  // τμήμα (department), τομέας (sector/division); διεύθυνση (directorate) is also "address": only opening
  // a unit's name ("Διεύθυνση Ηλεκτρονικής ..."), and "Διεύθυνση:" (a label) is none.
  // ...and a hospital's κλινική (clinic: "Β' Καρδιολογική Κλινική"), μονάδα (unit).
  unitWords: [
    'τμήμα',
    'τομέας',
    '^(?:γενική |τεχνική |οικονομική |εμπορική |νομική )?διε[υύ]θυνση',
    'κλινική',
    'μονάδα',
  ],
  // υπουργείο (ministry), δήμος (municipality).
  // ...νοσοκομείο (hospital), πανεπιστήμιο (university).
  // ...and πολυτεχνείο (a technical university).
  // ...and επιμελητήριο (a chamber: "Εμπορικό και Βιομηχανικό Επιμελητήριο"), όμιλος (a group: "Όμιλος Εστίασης").
  orgWords: [
    'υπουργε[ίι]ο',
    'δήμος',
    'νοσοκομείο',
    'πανεπιστήμιο',
    'πολυτεχνείο',
    'επιμελητήριο',
    'όμιλος',
    // Συνεταιρισμός (a co-operative: "Αγροτικός Συνεταιρισμός ...").
    'συνεταιρισμός',
  ],
  streetPrefixes: ['οδός', 'λεωφ\\.', 'λεωφόρος', 'πλατεία'],
  // Τ.Θ. (ταχυδρομική θυρίδα, PO box) opens its line.
  poBoxAbbrevs: ['Τ\\.Θ\\.'],
  countries: ['ελλάδα', 'ελλάς', 'κύπρος', 'cyprus'],
  phoneWork: ['τηλ', 'τηλέφωνο'],
  // Κιν. / Κινητό: the mobile.
  phoneMobile: ['κιν', 'κινητό'],
  phoneFax: ['φαξ'],
  // "(εσωτ. 221)": εσωτερικό, the extension.
  phoneExtensions: ['εσωτ\\.', 'εσωτερικό'],
  // Δρ. (Dr.), Καθ. (Prof.) before the name.
  honorifics: ['Δρ\\.', 'Καθ\\.'],
  fieldLabels: ['Όνομα', 'Θέση', 'Εταιρεία'],
};
