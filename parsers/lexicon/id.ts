/**
 * Indonesian (and Malay) word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge). "HP" and
 * "handphone" (mobile) are in ./en.ts, the legal forms (PT, Tbk, Sdn Bhd) in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const id: Lexicon = {
  lang: 'id',
  valedictions: [
    // A bare "Salam," opens as often as it closes: only the closing forms.
    'salam (?:hangat|hormat|sukses)',
    'hormat (?:saya|kami)',
    'terima ?kasih(?: banyak)?',
    'wassalam',
    // Malay: "Sekian, terima kasih." (that is all, thank you), "Yang benar," (yours truly).
    'sekian(?:,? terima ?kasih)?',
    'yang benar',
    'trims',
  ],
  // Gmail: "Pada tanggal Sen, 3 Mei 2021 10.00, Budi <b@x> menulis:".
  quoteWrote: ['\\bmenulis'],
  // Outlook: Dari / Dikirim / Kepada / Cc / Perihal (older: Subjek).
  quoteFromLabels: ['Dari'],
  quoteHeaderLabels: ['Dikirim', 'Kepada', 'Perihal', 'Subjek', 'Tanggal', 'Tembusan'],
  quoteSeparators: ['Pesan Asli', 'Pesan terusan'],
  clientFooters: ['Dikirim dari (?:iPhone|iPad|perangkat|ponsel|Samsung|Yahoo|Outlook|Android)'],
  // Malay: "PENAFIAN: E-mel ini dan lampirannya adalah sulit dan hanya untuk penerima yang dinamakan."
  // Licensing lines under a block: "... Berhad dilesenkan di bawah Akta ... dan dikawal selia oleh Bank
  // Negara Malaysia", "... terdaftar dan diawasi oleh Otoritas Jasa Keuangan".
  registerCues: [
    'dilesenkan di bawah',
    'dikawal selia oleh',
    'terdaftar dan diawasi oleh',
    'berizin dan diawasi oleh',
  ],
  noticeCues: ['bersifat rahasia', 'penerima yang (?:dituju|dimaksud|dinamakan)', 'penafian', 'adalah sulit'],
  // universiti (Malaysia), universitas (Indonesia).
  // Kementerian (ministry), badan (agency), kedutaan besar (embassy).
  orgWords: [
    // A regional public enterprise (Perusahaan Umum Daerah), a water utility: "Perumda Air Minum ...", "PDAM ...".
    'perumda',
    'pdam',
    'universiti',
    'universitas',
    'kementerian',
    'badan',
    'kedutaan besar',
  ],
  titleNouns: [
    // Staff as a title: "Staf Ekspor Senior".
    'staf',
    'pensyarah(?: kanan)?',
    'direktur(?: utama)?',
    'wakil direktur',
    'presiden direktur',
    'manajer',
    'kepala (?:sub)?(?:bagian|bidang|divisi|cabang|departemen|seksi|biro)',
    'insinyur',
    'konsultan',
    'pengembang',
    'analis',
    'akuntan',
    'penasihat',
    'sekretaris',
    'pendiri',
    'komisaris',
    'peneliti',
    'pengacara',
    'asisten',
    // Malay: pengurus (manager; kanan, senior), pengarah (director; urusan, managing), jurutera
    // (engineer), pegawai (officer), eksekutif (executive), akauntan (accountant), perunding (consultant).
    'pengurus(?: besar| kanan)?',
    'penolong pengurus',
    'pengarah(?: urusan)?',
    'jurutera',
    'pegawai',
    'eksekutif',
    'akauntan',
    'perunding',
    // Specialist (a consultant doctor): "Pakar Perunding Kardiologi".
    'pakar',
  ],
  // "bagian" (part, and a department) is an everyday word: left out.
  // Malay: bahagian (division), jabatan (department).
  // Biro, subbagian / bagian (section), sekretariat jenderal of a ministry.
  unitWords: [
    'divisi',
    'departemen',
    'direktorat',
    'bahagian',
    'jabatan',
    'biro',
    'subbagian',
    'sekretariat jenderal',
  ],
  // Pusat (centre), Fakulti / Fakultas (faculty) head a unit's name: "Pusat Pengajian Sains Kesihatan".
  // ...and Bagian (section), capitalised as a heading: "Bagian Pemasaran Luar Negeri" (in prose it is "part").
  unitHeads: ['Pusat', 'Fakulti', 'Fakultas', 'Bagian'],
  // "Jl. Sudirman Kav. 52", "Lantai 12"; Malay "No. 18, Jalan Industri 2/3", "Lorong", "Persiaran", "Lebuh".
  streetPrefixes: ['jl\\.', 'jln\\.', 'jalan', 'lorong', 'persiaran', 'lebuh'],
  premisesWords: ['lantai', 'kav\\.'],
  countries: ['indonesia', 'malaysia'],
  // telp / tlp (telephone), kantor (office), ponsel / seluler (mobile).
  phoneWork: ['telp', 'tlp', 'telepon', 'kantor'],
  phoneMobile: ['ponsel', 'seluler', 'selular'],
  // Malay: faks (fax), samb. (sambungan, extension).
  phoneFax: ['faks'],
  phoneExtensions: ['samb\\.'],
  fieldLabels: ['Nama', 'Jabatan', 'Alamat', 'Perusahaan'],
  // Shared mailboxes (sales@, accounting@... in id): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A bank's SME credit desk ("kredit.umkm@").
    'kredit',
    'umkm',
    'penjualan',
    'pembelian',
    'keuangan',
    'akunting',
    'hrd',
  ],
  honorifics: [
    // A veterinarian (drh.), a dentist (drg.).
    'drh\\.',
    'drg\\.',
  ],
};
