/**
 * A profile's field names in the languages sigmine writes to people in (src/notices/templates.ts): one table
 * for the privacy center (src/web/privacy-texts.ts) and the Art. 19 mails (src/notices/recipient-texts.ts), so a
 * person and a member read the same word for the same field.
 */
type FieldNames = Readonly<Record<string, string>>;

const FIELD_NAMES: Readonly<Record<string, FieldNames>> = {
  en: {
    name: 'name',
    title: 'title',
    department: 'department',
    company: 'company',
    address: 'address',
    phones: 'phones',
    emails: 'emails',
    websites: 'websites',
    social: 'social',
  },
  de: {
    name: 'Name',
    title: 'Position',
    department: 'Abteilung',
    company: 'Unternehmen',
    address: 'Adresse',
    phones: 'Telefon',
    emails: 'E-Mail',
    websites: 'Websites',
    social: 'Profile',
  },
  fr: {
    name: 'nom',
    title: 'fonction',
    department: 'service',
    company: 'entreprise',
    address: 'adresse',
    phones: 'téléphones',
    emails: 'e-mails',
    websites: 'sites web',
    social: 'profils',
  },
  pt: {
    name: 'nome',
    title: 'cargo',
    department: 'departamento',
    company: 'empresa',
    address: 'endereço',
    phones: 'telefones',
    emails: 'e-mails',
    websites: 'sites',
    social: 'perfis',
  },
  es: {
    name: 'nombre',
    title: 'cargo',
    department: 'departamento',
    company: 'empresa',
    address: 'dirección',
    phones: 'teléfonos',
    emails: 'correos',
    websites: 'sitios web',
    social: 'perfiles',
  },
};

/** The field names in `language` (English when we have none in it). */
export function fieldNamesIn(language: string): FieldNames {
  return FIELD_NAMES[language] ?? FIELD_NAMES.en!;
}
