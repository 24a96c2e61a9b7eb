/**
 * Vietnamese word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge). A `\b`
 * next to a letter outside ASCII (đ, ư, ơ) never matches in the non-Unicode patterns, so none is used.
 * Words as common in prose as in signatures (phòng "room", quản lý "manage", nhân viên "employee") are
 * left out. Legal forms (Công ty TNHH, JSC) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const vi: Lexicon = {
  lang: 'vi',
  noticeCues: ['bảo mật', 'thông tin mật', 'người nhận'],
  valedictions: ['trân trọng(?: cảm ơn)?', '(?:xin )?c[ảá]m ơn(?: nhiều)?', 'thân ái', 'thân mến'],
  // Gmail: "Vào Th 2, 3 thg 5, 2021 lúc 10:00 An Nguyen <a@x> đã viết:".
  quoteWrote: ['đã viết'],
  // Outlook: Từ / Đã gửi / Đến / Cc / Chủ đề.
  quoteFromLabels: ['Từ'],
  quoteHeaderLabels: ['Đã gửi', 'Đến', 'Chủ đề', 'Tiêu đề', 'Ngày'],
  clientFooters: ['Gửi từ (?:iPhone|iPad|điện thoại)'],
  titleNouns: [
    '(?:phó |tổng )?giám đốc',
    'trưởng phòng',
    'phó phòng',
    'trưởng nhóm',
    'kỹ sư',
    'chuyên viên',
    'chủ tịch',
    'trợ lý',
    'chuyên gia',
    'lập trình viên',
    'kiến trúc sư',
    'luật sư',
    // kế toán trưởng (chief accountant), kế toán viên (accountant), thủ quỹ (treasurer).
    'kế toán(?: trưởng| viên)?',
    'thủ quỹ',
  ],
  unitWords: ['bộ phận'],
  // The ministries (Bộ ..., a closed list) and the provinces' people's committees: organisations.
  orgWords: [
    'bộ (?:nông nghiệp|tài chính|công thương|ngoại giao|y tế|giáo dục|kế hoạch|tài nguyên|giao thông|xây dựng|tư pháp|nội vụ|lao động|khoa học|văn hóa|thông tin|quốc phòng|công an)',
    'ủy ban nhân dân',
    'ubnd',
    // A province's promotion centre ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh ...") and its
    // departments (Sở: "Sở Công Thương", industry and trade).
    'trung tâm xúc tiến',
    'sở (?:công thương|kế hoạch và đầu tư|ngoại vụ|tài chính|nông nghiệp|du lịch)',
  ],
  // Phòng (department; "room" in prose), Ban (board, department), Khối (division), Trung tâm (centre):
  // a unit when written as a heading ("Phòng Kế toán", "Ban Pháp chế").
  // Vụ (a ministry's department), Cục (general department).
  // Degrees before the name: ThS. (master), TS. (doctor), PGS. TS. (associate professor), GS. (professor).
  honorifics: ['ThS\\.', 'TS\\.', 'PGS\\.(?: ?TS\\.)?', 'GS\\.(?: ?TS\\.)?'],
  unitHeads: ['Phòng', 'Ban', 'Khối', 'Trung tâm', 'Vụ', 'Cục'],
  // "Quận 1", "Phường 6": districts and wards, with their number; "Tầng 5" (floor).
  // "Số 55 Ngọc Hà" (number 55): số before a house number only ("số điện thoại" is "phone number").
  // ...Lô (lot), KCN (khu công nghiệp, industrial park), TP. (thành phố, city).
  streetPrefixes: ['quận', 'phường', 'số(?= \\d)', 'lô', 'kcn', 'tp\\.'],
  // Village (thôn, ấp), commune (xã), ward (phường), district (huyện, quận), town (thị xã), province (tỉnh), city
  // (thành phố, TP.): a rural address names them without a house number.
  adminUnitPrefixes: ['thôn', 'ấp', 'xã', 'phường', 'huyện', 'quận', 'thị xã', 'tỉnh', 'thành phố', 'tp\\.'],
  premisesWords: ['tầng', 'lầu'],
  countries: ['việt nam', 'vietnam', 'viet nam'],
  // The tax code under a block: "MST: 0201555123".
  registerCues: ['MST:? ?\\d', 'Mã số thuế'],
  // ĐT (điện thoại, telephone), DĐ / ĐTDĐ (di động, mobile).
  phoneWork: ['đt', 'điện thoại'],
  phoneMobile: ['dđ', 'đtdđ', 'di động'],
  // "(máy lẻ 215)", "(ext. 215)": the extension of a switchboard line.
  phoneExtensions: ['máy lẻ'],
  // Shared mailboxes (sales@, accounting@... in vi): a role account's mail (parsers/role-accounts.ts).
  // ...and the import-export desk (xuất nhập khẩu, "xuatnhapkhau@", "xnk@").
  roleMailboxes: ['ketoan', 'kinhdoanh', 'muahang', 'nhansu', 'tuyendung', 'xuatnhapkhau', 'xnk'],
};
