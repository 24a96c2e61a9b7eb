/**
 * Hindi word lists of the signature parser (Devanagari). What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Numbers in Devanagari digits are read
 * by parsers/phones.ts.
 */
import type { Lexicon } from './types.ts';

export const hi: Lexicon = {
  lang: 'hi',
  // Gmail hi: "... को X <x@y> ने लिखा:".
  quoteWrote: ['ने लिखा'],
  // सादर (respectfully), धन्यवाद (thank you), भवदीय / भवदीया (yours faithfully), शुभकामनाओं सहित (with best wishes).
  // ...and "धन्यवाद एवं सादर" (thanks and regards, as Indian English writes it).
  valedictions: ['सादर(?: धन्यवाद)?', 'धन्यवाद(?: सहित| एवं सादर| और सादर)?', 'भवदीय(?:ा)?', 'शुभकामनाओं सहित'],
  // Outlook: प्रेषक (From), भेजा गया (Sent), प्रति (To), विषय (Subject).
  quoteFromLabels: ['प्रेषक'],
  quoteHeaderLabels: ['भेजा गया', 'प्रति', 'विषय'],
  noticeCues: ['गोपनीय'],
  // सचिव (secretary; अवर / संयुक्त / उप: under, joint, deputy), निदेशक (director), प्रबंधक (manager),
  // अधिकारी (officer), प्राध्यापक / प्रोफेसर (professor), अभियंता (engineer), अध्यक्ष (chair).
  titleNouns: [
    // English titles as Hindi writes them: सुपरवाइज़र (supervisor), मैनेजर (manager), इंजीनियर (engineer), डायरेक्टर
    // (director), ऑफ़िसर (officer), एग्ज़ीक्यूटिव (executive), कोऑर्डिनेटर (coordinator).
    'सुपरवाइज़?र',
    'मैनेजर',
    'इंजीनियर',
    'डायरेक्टर',
    'ऑफ़?िसर',
    'एग्ज़?ीक्यूटिव',
    'को-?ऑर्डिनेटर',
    '(?:अवर |संयुक्त |उप |अपर )?सचिव',
    // Nepali writes the grade joined: उपसचिव (under secretary), सहसचिव (joint secretary).
    '(?:उप|सह)सचिव',
    '(?:उप )?निदेशक',
    'प्रबंधक',
    // नियंत्रक (controller): "वित्त नियंत्रक" (finance controller).
    'नियंत्रक',
    'अधिकारी',
    'प्राध्यापक',
    'प्रोफ़?ेसर',
    'अभियंता',
    'अध्यक्ष',
    // समन्वयक (coordinator), सलाहकार (consultant), विश्लेषक (analyst), लेखाकार (accountant), निरीक्षक (inspector),
    // पर्यवेक्षक (supervisor), प्रतिनिधि (representative), वैज्ञानिक (scientist), शोधकर्ता (researcher), प्रमुख (head),
    // महाप्रबंधक (general manager), कार्यकारी (executive).
    'समन्वयक',
    'सलाहकार',
    'विश्लेषक',
    'लेखाकार',
    'निरीक्षक',
    'पर्यवेक्षक',
    'प्रतिनिधि',
    'वैज्ञानिक',
    'शोधकर्ता',
    'प्रमुख',
    'महाप्रबंधक',
    'कार्यकारी',
    // Nepali: अधिकृत (officer: "शाखा अधिकृत", section officer).
    'अधिकृत',
    // A school's principal: प्रधानाचार्य / प्रधानाचार्या.
    'प्रधानाचार्या?',
  ],
  // विभाग (department), प्रभाग (division), अनुभाग (section).
  // Nepali ministries: शाखा (section), महाशाखा (division).
  // ...and प्रकोष्ठ (a cell: "ऊर्जा प्रकोष्ठ", the energy cell).
  unitWords: [
    'विभाग',
    'प्रभाग',
    'अनुभाग',
    'शाखा',
    'महाशाखा',
    'प्रकोष्ठ',
    // परियोजनाएँ (projects, plural: "फाइबर परियोजनाएं"); the singular opens a title ("परियोजना प्रबंधक").
    'परियोजनाएँ',
    'परियोजनाएं',
  ],
  // मंत्रालय (ministry), विश्वविद्यालय (university), संस्थान (institute), लिमिटेड (limited).
  // मंत्रालय / मन्त्रालय (ministry, Hindi and Nepali spelling).
  orgWords: [
    // निगम (a corporation: "राज्य चिकित्सा आपूर्ति निगम लि.").
    'निगम',
    // विद्यालय / महाविद्यालय (a school, a college).
    'विद्यालय',
    'महाविद्यालय',
    // नगर निगम (municipal corporation), परिषद (council: "राज्य शैक्षिक अनुसंधान एवं प्रशिक्षण परिषद").
    'नगर निगम',
    'परिषद',
    'मंत्रालय',
    'मन्त्रालय',
    'विश्वविद्यालय',
    'संस्थान',
    'लिमिटेड',
    // प्रा. लि. (Pvt. Ltd.), प्राइवेट लिमिटेड (Private Limited).
    'प्रा\\. लि\\.',
    'प्राइवेट लिमिटेड',
    // प्राधिकरण (authority): "राज्य खेल प्राधिकरण".
    'प्राधिकरण',
  ],
  streetWords: ['मार्ग', 'रोड'],
  // कक्ष (room), भवन (building), सेक्टर (sector: "सेक्टर ४४, गुरुग्राम"), तल / मंज़िल (floor).
  premisesWords: [
    // यूनिट (unit), कॉम्प्लेक्स (complex): "यूनिट 12, ... कॉम्प्लेक्स".
    'यूनिट',
    'कॉम्प्लेक्स',
    'कक्ष',
    'भवन',
    'सेक्टर',
    'तल',
    'मंज़िल',
    // प्लॉट (plot), औद्योगिक क्षेत्र (industrial area).
    'प्लॉट(?: नं\\.)?',
    'औद्योगिक क्षेत्र',
  ],
  countries: ['भारत'],
  phoneWork: ['दूरभाष', 'फ़?ोन'],
  phoneMobile: [
    // Abbreviated: "मो.:".
    'मो',
    'मोबाइल',
  ],
  phoneFax: ['फ़ैक्स', 'फैक्स'],
  honorifics: ['डॉ\\.?', 'श्री', 'श्रीमती'],
};
