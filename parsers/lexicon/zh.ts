/**
 * Chinese word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const zh: Lexicon = {
  lang: 'zh',
  quoteWrote: ['写道'],
  quoteFromLabels: ['发件人', '寄件者', '發件人'],
  quoteHeaderLabels: ['发送时间', '收件人', '主题', '寄件日期', '收件者', '主旨', '日期', '抄送', '副本'],
  titleNounsNative: [
    '经理',
    '經理',
    '总监',
    '總監',
    '主管',
    '工程师',
    '工程師',
    '总裁',
    '總裁',
    '董事长',
    '董事長',
    '顾问',
    '顧問',
  ],
  // Unit names end with 部 / 部门 (department), 中心 (centre), 事业部 (division), 实验室 (lab), 组 (group), 处 (office).
  unitSuffixesNative: [
    '部',
    '部门',
    '部門',
    '中心',
    '事业部',
    '事業部',
    '实验室',
    '實驗室',
    '组',
    '組',
    '处',
    '處',
  ],
  legalFormsNative: ['有限公司', '股份公司'],
  phoneWork: ['电话'],
  phoneMobile: ['手机'],
  phoneFax: ['传真'],
  fieldLabels: ['地址', '公司', '职位', '部门'],
  clientFooters: ['发自我的', '從我的 ?iPhone 傳送', '来自我的'],
  noticeCues: ['本邮件', '本郵件', '保密'],
};
