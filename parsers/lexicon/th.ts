/**
 * Thai word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Thai writes no spaces between the words of a
 * phrase, so titles are matched anywhere (like CJK ones), unit and address words where they open a
 * phrase. The legal form (บริษัท ... จำกัด) is in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const th: Lexicon = {
  lang: 'th',
  // Gmail th: "เมื่อ ... X <x@y> เขียนว่า:".
  quoteWrote: ['เขียนว่า', 'เขียน'],
  noticeCues: ['ความลับ', 'ข้อมูลลับ'],
  // ผู้จัดการ (manager), ผู้อำนวยการ (director), กรรมการผู้จัดการ (managing director), วิศวกร (engineer),
  // นักวิเคราะห์ (analyst), ที่ปรึกษา (consultant), เจ้าหน้าที่ (officer), หัวหน้า (head), ประธาน (chairman).
  titleNounsNative: [
    // ทนายความ (lawyer): "ทนายความอาวุโส" (senior lawyer).
    'ทนายความ',
    // บรรณาธิการ (editor): "บรรณาธิการบริหาร" (editor-in-chief).
    'บรรณาธิการ',
    'ผู้จัดการ',
    'ผู้อำนวยการ',
    'กรรมการผู้จัดการ',
    'วิศวกร',
    'นักวิเคราะห์',
    'ที่ปรึกษา',
    'เจ้าหน้าที่',
    'หัวหน้า',
    'ประธานเจ้าหน้าที่',
    // ผู้ประสานงาน (coordinator), ผู้ช่วย (assistant), นักบัญชี (accountant), ผู้เชี่ยวชาญ (specialist), ตัวแทน
    // (agent), พนักงาน (officer), ผู้ตรวจสอบ (inspector), นักวิจัย (researcher), อาจารย์ (lecturer), ศาสตราจารย์
    // (professor), ผู้บริหาร (executive), รองประธาน (vice president), เลขานุการ (secretary).
    'ผู้ประสานงาน',
    'ผู้ช่วย',
    'นักบัญชี',
    'ผู้เชี่ยวชาญ',
    'ตัวแทน',
    'พนักงาน',
    'ผู้ตรวจสอบ',
    'นักวิจัย',
    'อาจารย์',
    'ศาสตราจารย์',
    'ผู้บริหาร',
    'รองประธาน',
    'เลขานุการ',
    // A university's deans and rector: คณบดี (dean), รองคณบดี (associate dean), อธิการบดี (rector).
    'รองคณบดี',
    'คณบดี',
    'อธิการบดี',
    // นักวิชาการ (officer, specialist): "นักวิชาการพัสดุชำนาญการ".
    'นักวิชาการ',
  ],
  // มหาวิทยาลัย (university), โรงพยาบาล (hospital), กระทรวง (ministry), สถาบัน (institute), ธนาคาร (bank).
  orgPrefixesNative: [
    // สำนักงานกฎหมาย (a law office), before the unit prefix สำนัก.
    'สำนักงานกฎหมาย',
    // สำนักพิมพ์ (a publishing house: "สำนักพิมพ์มหาวิทยาลัย..."), before the unit prefix สำนัก.
    'สำนักพิมพ์',
    'มหาวิทยาลัย',
    // A school: "โรงเรียนนานาชาติ..." (an international school).
    'โรงเรียน',
    'โรงพยาบาล',
    'กระทรวง',
    'สถาบัน',
    'ธนาคาร',
    // เทศบาล (municipality): "เทศบาลนครลำธาร".
    'เทศบาล',
  ],
  // ฝ่าย (division), แผนก (department), สำนัก (office), สาขา (branch), written joined to the unit's name.
  unitPrefixesNative: [
    // ภาควิชา (a university's academic department: "ภาควิชาพืชไร่นา").
    'ภาควิชา',
    // ศูนย์ (a centre: "ศูนย์ทันตกรรม", a dental centre).
    'ศูนย์',
    // คณะ (a university's faculty: "คณะวิศวกรรมศาสตร์").
    'คณะ',
    'ฝ่าย',
    'แผนก',
    'สำนัก',
    'สาขา',
    // สถานี (station): "สถานีซ่อมบำรุงอากาศยานกรุงเทพฯ".
    'สถานี',
    // กอง (division): "กองพัสดุและทรัพย์สิน".
    'กอง',
  ],
  // Bangkok addresses: เลขที่ (number), อาคาร (building), ชั้น (floor), ถนน / ถ. (road), ซอย (lane), แขวง /
  // เขต (subdistrict / district), elsewhere ตำบล / อำเภอ / จังหวัด; written joined to the name after them.
  streetPrefixesNative: [
    'เลขที่',
    'อาคาร',
    'ชั้น',
    'ถนน',
    'ถ\\.',
    'ซอย',
    'แขวง',
    'เขต',
    'ตำบล',
    'อำเภอ',
    'จังหวัด',
    // ...and abbreviated outside Bangkok: หมู่ (village no.), ต. / อ. / จ. (ตำบล / อำเภอ / จังหวัด).
    'หมู่',
    'ต\\.',
    'อ\\.',
    'จ\\.',
  ],
  countries: ['ประเทศไทย', 'thailand'],
  // โทร / โทรศัพท์ (telephone), มือถือ (mobile), แฟกซ์ / โทรสาร (fax), ต่อ (extension: "02-555-0100 ต่อ 12").
  phoneWork: ['โทร', 'โทรศัพท์'],
  phoneMobile: ['มือถือ', 'โทรศัพท์มือถือ'],
  phoneFax: ['แฟกซ์', 'โทรสาร'],
  phoneExtensions: ['ต่อ'],
};
