/**
 * Training data and training for the signature labeller (parsers/labeller), shared by `npm run train`
 * (scripts/train-labeller.ts) and the cross-validated figures of `npm run bench:accuracy`.
 *
 * A training example is one message: the window of its newest part exactly as the product sees it
 * (parseRaw -> toMinimal -> tail -> signatureWindow), each non-blank line labelled 1 when the gold
 * block holds it. The model is an L2-regularised logistic regression fitted by Newton's method over
 * sparse rows (features are mostly 0/1), then a block threshold chosen on the training messages by the
 * decoder's own line F1. Everything is deterministic: no random initialisation, folds by a hash of the
 * sender's address, so one sender's messages never sit on both sides of a fold.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readGold } from './gold.ts';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseRaw, toMinimal } from '../parsers/message.ts';
import { classifySender } from '../parsers/sender-class.ts';
import { capLines } from '../parsers/budget.ts';
import { ruleBlock, signatureWindow, trustDelimited } from '../parsers/signature.ts';
import {
  BLOCK_FEATURE_NAMES,
  FEATURE_NAMES,
  blockFeatures,
  featureMatrix,
  lineContexts,
  type LineContext,
} from '../parsers/labeller/features.ts';
import {
  chooseBlock,
  decodeBlock,
  lineLogOdds,
  type LabellerModel,
  type WeightsFile,
} from '../parsers/labeller/model.ts';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** An annotated corpus: a folder of .eml files with gold.jsonl (the dev corpus format). */
export interface Corpus {
  name: string;
  dir: string;
  /** Trained on by `npm run train`; false for a blind set kept for measuring (holdout7 to holdout10, holdout12, holdout14, holdout17, holdout20, holdout25, holdout27, holdout29, holdout30, holdout34, holdout37, holdout41, holdout43, holdout45, holdout63, holdout64, holdout69, holdout70, holdout77, holdout78, holdout83, holdout88, holdout90, holdout103, holdout106, holdout107, holdout113, holdout116, holdout134, holdout135, holdout163 to holdout166). */
  train: boolean;
  /**
   * Tuned on with rules and lexicons but not fitted by the labeller (its layouts pulled the other corpora's
   * cross-validated figures down when trained on): reported as `tuned`, never as blind.
   */
  tuned?: boolean;
}

/** Every annotated corpus the project knows, those present on this machine; the rest are named. */
export function knownCorpora(): { present: Corpus[]; absent: Corpus[] } {
  const shared = join(repoRoot, '..', 'shared', 'corpus');
  const fx = join(repoRoot, 'fixtures', 'mail');
  const all: Corpus[] = [
    { name: 'dev', dir: join(shared, 'dev'), train: true },
    { name: 'enron-train', dir: join(shared, 'enron-train'), train: true },
    ...['holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'intl', 'intl-holdout', 'layouts'].map(
      (n) => ({ name: n, dir: join(fx, n), train: true }),
    ),
    // Written blind and never trained or tuned on: its figures are what mail nobody saw gives.
    { name: 'holdout7', dir: join(fx, 'holdout7'), train: false },
    // Written for issue 14's line work before any parser change of that session; never tuned on.
    { name: 'holdout8', dir: join(fx, 'holdout8'), train: false },
    { name: 'holdout9', dir: join(fx, 'holdout9'), train: false },
    // Written after issue 14's enron-train field rules by someone who never read the parser; never tuned on.
    { name: 'holdout10', dir: join(fx, 'holdout10'), train: false },
    // Mailing-list mail in 15 languages, written blind as a tuning set: trained and tuned on.
    { name: 'holdout11', dir: join(fx, 'holdout11'), train: true },
    // Business mail in 24 languages weak in lexicon and layout (titles, units, addresses), a tuning set.
    { name: 'holdout13', dir: join(fx, 'holdout13'), train: true },
    // One-to-one business mail from modern clients and CRMs in 17 languages, a tuning set (rules). Fitted,
    // it cost dev and enron-train cross-validated lines (99.2 -> 98.9, 99.4 -> 98.8) for one line of holdout9.
    { name: 'holdout15', dir: join(fx, 'holdout15'), train: false, tuned: true },
    // Business mail from MENA, South/Southeast and East Asia, Eastern Europe, Latin America and Africa, a tuning set.
    // Not trained on: fitted, it took enron-train's cross-validated lines F1 from 98.2 to 94.1.
    { name: 'holdout16', dir: join(fx, 'holdout16'), train: false, tuned: true },
    // Reply structures of an ordinary inbox (forwards, bottom posts, glued sign-offs), a tuning set (rules).
    { name: 'holdout18', dir: join(fx, 'holdout18'), train: false, tuned: true },
    // Mailing-list mail in 20 languages, written blind; never trained or tuned on.
    { name: 'holdout12', dir: join(fx, 'holdout12'), train: false },
    // One-to-one business mail from modern clients and CRMs in 14 languages, written blind; never tuned on.
    { name: 'holdout14', dir: join(fx, 'holdout14'), train: false },
    // An ordinary 2024-2026 work inbox in 17 languages (forwards, bottom posts, own quoted blocks), written blind.
    { name: 'holdout17', dir: join(fx, 'holdout17'), train: false },
    // A purchasing manager's inbox at a manufacturer (suppliers, forwarders, banks, agencies) in 19 languages, written blind.
    { name: 'holdout20', dir: join(fx, 'holdout20'), train: false },
    // A professional-services partner's inbox (clients, courts, universities, hospitals, ministries) in 26 languages,
    // written blind, tuned on (rules) from 2026-12-07 (its README).
    { name: 'holdout22', dir: join(fx, 'holdout22'), train: false, tuned: true },
    // A SaaS customer-success and sales manager's inbox in 21 languages, written blind at the end of a session.
    { name: 'holdout25', dir: join(fx, 'holdout25'), train: false },
    // An executive-search recruiter's inbox (clients, candidates, references, vendors) in 21 languages, written blind.
    { name: 'holdout27', dir: join(fx, 'holdout27'), train: false },
    // An events and group-sales manager's inbox at a conference-hotel group in 21 languages, written blind.
    { name: 'holdout29', dir: join(fx, 'holdout29'), train: false },
    // A grants and partnerships officer's inbox at an international NGO (UN agencies, ministries, donors) in 20
    // languages, written blind.
    { name: 'holdout30', dir: join(fx, 'holdout30'), train: false },
    // A construction contractor's project manager's inbox in 19 languages, written blind at the end of a session,
    // tuned on (rules) from 2026-12-07 (its README).
    { name: 'holdout33', dir: join(fx, 'holdout33'), train: false, tuned: true },
    // A hospital group's procurement and supply-chain manager's inbox in 21 languages, written blind.
    { name: 'holdout34', dir: join(fx, 'holdout34'), train: false },
    // A freight forwarder's key account manager's inbox in 21 languages, written blind, tuned on (rules) from
    // 2026-12-07 (its README).
    { name: 'holdout35', dir: join(fx, 'holdout35'), train: false, tuned: true },
    // A distribution utility's grid-connection engineer's inbox in 21 languages, written blind, tuned on (rules)
    // from 2026-12-07 (its README).
    { name: 'holdout36', dir: join(fx, 'holdout36'), train: false, tuned: true },
    // A publisher's rights and licensing manager's inbox in 21 languages, written blind.
    { name: 'holdout37', dir: join(fx, 'holdout37'), train: false },
    // A pharmaceutical clinical operations manager's inbox in 21 languages, written blind, tuned on (rules) from
    // 2026-12-07 (its README).
    { name: 'holdout38', dir: join(fx, 'holdout38'), train: false, tuned: true },
    // A corporate-banking relationship manager's inbox in 21 languages, written blind, tuned on (rules) from
    // 2026-12-07 (its README).
    { name: 'holdout39', dir: join(fx, 'holdout39'), train: false, tuned: true },
    // An industrial equipment maker's sales and account manager's inbox in 21 languages, written blind at the end
    // of a session, tuned on (rules) from 2026-12-07, a later session (its README).
    { name: 'holdout40', dir: join(fx, 'holdout40'), train: false, tuned: true },
    // Written blind while holdout40 was tuned on (2026-12-07): a fashion retailer's sourcing manager, a ship
    // agency's operations manager, an insurance broker's account executive, a university technology-transfer
    // office's contracts officer, each in 21 languages.
    { name: 'holdout41', dir: join(fx, 'holdout41'), train: false },
    { name: 'holdout42', dir: join(fx, 'holdout42'), train: false, tuned: true },
    { name: 'holdout43', dir: join(fx, 'holdout43'), train: false },
    { name: 'holdout44', dir: join(fx, 'holdout44'), train: false, tuned: true },
    // Written blind while holdout42 was tuned on (2026-12-07): an agricultural commodity trader, an automotive
    // supplier's key account manager, an architecture practice's project architect, each in 21 languages.
    { name: 'holdout45', dir: join(fx, 'holdout45'), train: false },
    { name: 'holdout46', dir: join(fx, 'holdout46'), train: false, tuned: true },
    { name: 'holdout47', dir: join(fx, 'holdout47'), train: false, tuned: true },
    // Written blind while holdout44, 46 and 47 were tuned on (2026-12-07): an aircraft MRO's materials manager, a
    // telecom operator's wholesale carrier-relations manager, a city government's procurement officer.
    { name: 'holdout48', dir: join(fx, 'holdout48'), train: false, tuned: true },
    { name: 'holdout49', dir: join(fx, 'holdout49'), train: false, tuned: true },
    { name: 'holdout50', dir: join(fx, 'holdout50'), train: false, tuned: true },
    // Written blind while holdout48 was tuned on (2026-12-07): a renewable-energy developer, a sports-event
    // organiser's sponsorship manager, a food-ingredients maker's quality and regulatory manager.
    { name: 'holdout51', dir: join(fx, 'holdout51'), train: false, tuned: true },
    { name: 'holdout52', dir: join(fx, 'holdout52'), train: false, tuned: true },
    { name: 'holdout53', dir: join(fx, 'holdout53'), train: false, tuned: true },
    // Written blind after every rule of 2026-12-07: a private-equity fund's associate, an educational publisher's
    // partnerships manager, a water-treatment company's regional service manager.
    { name: 'holdout54', dir: join(fx, 'holdout54'), train: false, tuned: true },
    { name: 'holdout55', dir: join(fx, 'holdout55'), train: false, tuned: true },
    { name: 'holdout56', dir: join(fx, 'holdout56'), train: false, tuned: true },
    // Written blind while holdout54 to holdout56 were tuned on (2026-12-07): an intellectual-property law firm's
    // portfolio manager, a copper-gold miner's exploration and permitting manager, an electronic-components
    // distributor's application engineer, an advertising and film production agency's executive producer.
    { name: 'holdout57', dir: join(fx, 'holdout57'), train: false, tuned: true },
    { name: 'holdout58', dir: join(fx, 'holdout58'), train: false, tuned: true },
    { name: 'holdout59', dir: join(fx, 'holdout59'), train: false, tuned: true },
    { name: 'holdout60', dir: join(fx, 'holdout60'), train: false, tuned: true },
    // Written blind while holdout57 and holdout60 were tuned on (2026-12-07): an agricultural-machinery dealer's parts
    // and service manager, a logistics real-estate owner's leasing manager, a video-game studio's localisation manager.
    { name: 'holdout61', dir: join(fx, 'holdout61'), train: false, tuned: true },
    { name: 'holdout62', dir: join(fx, 'holdout62'), train: false, tuned: true },
    { name: 'holdout63', dir: join(fx, 'holdout63'), train: false },
    // Written blind while holdout58, 59, 61 and 62 were tuned on (2026-12-07): a hospital network's clinical
    // engineering manager, a travel-management company's corporate account manager, a packaging maker's
    // sustainability and raw-materials buyer.
    { name: 'holdout64', dir: join(fx, 'holdout64'), train: false },
    { name: 'holdout65', dir: join(fx, 'holdout65'), train: false, tuned: true },
    { name: 'holdout66', dir: join(fx, 'holdout66'), train: false, tuned: true },
    // Written blind while holdout65 and 66 were tuned on (2026-12-07): a small HVAC contractor's owner (messy
    // small-business mail), a university institute's laboratory manager, a payments fintech's partnerships lead,
    // a food importer (two thirds non-English).
    { name: 'holdout67', dir: join(fx, 'holdout67'), train: false, tuned: true },
    { name: 'holdout68', dir: join(fx, 'holdout68'), train: false, tuned: true },
    { name: 'holdout69', dir: join(fx, 'holdout69'), train: false },
    { name: 'holdout70', dir: join(fx, 'holdout70'), train: false },
    // Written blind while holdout67 and 68 were tuned on (2026-12-07), then tuned on: a
    // restaurant group's general manager, a teaching hospital's clinical trials coordinator, a construction-materials
    // producer's regional sales manager.
    { name: 'holdout71', dir: join(fx, 'holdout71'), train: false, tuned: true },
    { name: 'holdout72', dir: join(fx, 'holdout72'), train: false, tuned: true },
    { name: 'holdout73', dir: join(fx, 'holdout73'), train: false, tuned: true },
    // The session's last blind round, written while holdout71 to 73 were tuned on (2026-12-07), then tuned on: a
    // commercial law firm's litigation associate, an online marketplace's seller-partnerships manager, an
    // oilfield-services company's contracts engineer.
    { name: 'holdout74', dir: join(fx, 'holdout74'), train: false, tuned: true },
    { name: 'holdout75', dir: join(fx, 'holdout75'), train: false, tuned: true },
    { name: 'holdout76', dir: join(fx, 'holdout76'), train: false, tuned: true },
    // Written blind after the session's last rule (2026-12-07): a container line's trade-lane manager, a retail
    // chain's store-operations manager, kept blind; a national newsroom's business editor, then tuned on.
    { name: 'holdout77', dir: join(fx, 'holdout77'), train: false },
    { name: 'holdout78', dir: join(fx, 'holdout78'), train: false },
    { name: 'holdout79', dir: join(fx, 'holdout79'), train: false, tuned: true },
    // Written blind while holdout74 to 76 and 79 were tuned on (2026-12-07, the next session): an accounting
    // network's audit and tax manager, a winery's export manager (then tuned on), a trade and investment agency's
    // international-relations officer (then tuned on), a dairy cooperative's procurement officer, a university's
    // international office (then tuned on); 80 tuned on sessions later.
    { name: 'holdout80', dir: join(fx, 'holdout80'), train: false, tuned: true },
    { name: 'holdout81', dir: join(fx, 'holdout81'), train: false, tuned: true },
    { name: 'holdout82', dir: join(fx, 'holdout82'), train: false, tuned: true },
    { name: 'holdout83', dir: join(fx, 'holdout83'), train: false },
    { name: 'holdout84', dir: join(fx, 'holdout84'), train: false, tuned: true },
    // Written blind while holdout81, 82 and 84 were tuned on (2026-12-07, the next session): a consulting firm's
    // engagement manager, a port authority's commercial manager, a specialty-chemicals distributor's technical
    // sales manager, a humanitarian NGO's regional logistics coordinator (all four then tuned on), a cybersecurity
    // vendor's channel manager (kept blind).
    { name: 'holdout85', dir: join(fx, 'holdout85'), train: false, tuned: true },
    { name: 'holdout86', dir: join(fx, 'holdout86'), train: false, tuned: true },
    { name: 'holdout87', dir: join(fx, 'holdout87'), train: false, tuned: true },
    { name: 'holdout88', dir: join(fx, 'holdout88'), train: false },
    { name: 'holdout89', dir: join(fx, 'holdout89'), train: false, tuned: true },
    // Written blind while holdout85 to 87 and 89 were tuned on (2026-12-07, the next session): a real-estate
    // brokerage's leasing agent and a biotech start-up's business-development director (kept blind); a car
    // importer's fleet-sales manager, a garment sourcing office's merchandiser and an IT-services company's
    // delivery manager (then tuned on).
    { name: 'holdout90', dir: join(fx, 'holdout90'), train: false },
    { name: 'holdout91', dir: join(fx, 'holdout91'), train: false, tuned: true },
    { name: 'holdout92', dir: join(fx, 'holdout92'), train: false, tuned: true },
    { name: 'holdout93', dir: join(fx, 'holdout93'), train: false, tuned: true },
    { name: 'holdout94', dir: join(fx, 'holdout94'), train: false, tuned: true },
    // Written blind while holdout91, 92 and 94 were tuned on (2026-12-07, the next session): a medical-equipment
    // distributor's public-tender officer, an equipment-hire branch manager, an energy trader (all three then
    // tuned on), a private bank's relationship manager and a furniture retailer's purchasing manager (kept blind,
    // 99 tuned on sessions later).
    { name: 'holdout95', dir: join(fx, 'holdout95'), train: false, tuned: true },
    { name: 'holdout96', dir: join(fx, 'holdout96'), train: false, tuned: true },
    { name: 'holdout97', dir: join(fx, 'holdout97'), train: false, tuned: true },
    { name: 'holdout98', dir: join(fx, 'holdout98'), train: false, tuned: true },
    { name: 'holdout99', dir: join(fx, 'holdout99'), train: false, tuned: true },
    // Written blind while holdout95, 96 and 98 were tuned on (2026-12-07, the next session), then tuned on: a dental
    // and medical clinic group's office manager, a film production-services company.
    { name: 'holdout100', dir: join(fx, 'holdout100'), train: false, tuned: true },
    { name: 'holdout101', dir: join(fx, 'holdout101'), train: false, tuned: true },
    // Written blind at the same time, measured after 100 and 101 were tuned on: an engineering consultancy's bid
    // manager and a last-mile courier's operations lead (then tuned on), a cosmetics brand's regulatory affairs
    // (kept blind).
    { name: 'holdout102', dir: join(fx, 'holdout102'), train: false, tuned: true },
    { name: 'holdout103', dir: join(fx, 'holdout103'), train: false },
    { name: 'holdout104', dir: join(fx, 'holdout104'), train: false, tuned: true },
    // Written blind while holdout100 to 104 were tuned on: an events and incentive-travel agency and an international
    // school group (then tuned on), a water utility's maintenance planner and a brand-licensing agency (kept blind).
    { name: 'holdout105', dir: join(fx, 'holdout105'), train: false, tuned: true },
    { name: 'holdout106', dir: join(fx, 'holdout106'), train: false },
    { name: 'holdout107', dir: join(fx, 'holdout107'), train: false },
    { name: 'holdout108', dir: join(fx, 'holdout108'), train: false, tuned: true },
    // Written blind while holdout100 to 105 and 108 were tuned on, then tuned on: a pharmacy chain's category buyer,
    // a solar installer's partnerships, a development bank's SME programme, a B2B spare-parts marketplace.
    { name: 'holdout109', dir: join(fx, 'holdout109'), train: false, tuned: true },
    { name: 'holdout110', dir: join(fx, 'holdout110'), train: false, tuned: true },
    { name: 'holdout111', dir: join(fx, 'holdout111'), train: false, tuned: true },
    { name: 'holdout112', dir: join(fx, 'holdout112'), train: false, tuned: true },
    // The session's last round, written while holdout105, 108 and 109 to 112 were tuned on and measured after its
    // last rule, kept blind: a bakery's purchasing, a telecom-tower company's alliances, a software company's HR, a
    // ship manager's technical superintendent. 114 and 115 tuned on the next session.
    { name: 'holdout113', dir: join(fx, 'holdout113'), train: false },
    { name: 'holdout114', dir: join(fx, 'holdout114'), train: false, tuned: true },
    { name: 'holdout115', dir: join(fx, 'holdout115'), train: false, tuned: true },
    { name: 'holdout116', dir: join(fx, 'holdout116'), train: false },
    // Written blind while holdout114 and 115 were tuned on: an aircraft MRO's technical records and procurement,
    // a seed and crop-protection company's product development, a reinsurance broker's treaty desk, a hotel
    // group's group sales, a seafood exporter's sales; all tuned on (119 a session later).
    { name: 'holdout117', dir: join(fx, 'holdout117'), train: false, tuned: true },
    { name: 'holdout118', dir: join(fx, 'holdout118'), train: false, tuned: true },
    { name: 'holdout119', dir: join(fx, 'holdout119'), train: false, tuned: true },
    { name: 'holdout120', dir: join(fx, 'holdout120'), train: false, tuned: true },
    { name: 'holdout121', dir: join(fx, 'holdout121'), train: false, tuned: true },
    // Written blind while holdout114, 115, 117, 118, 120, 121, 93 and 97 were tuned on, then tuned on: a rail supplier's
    // bids, an academic publisher's editorial office, a wind-farm operator's asset management, a pharmaceutical CDMO's
    // business development.
    { name: 'holdout122', dir: join(fx, 'holdout122'), train: false, tuned: true },
    { name: 'holdout123', dir: join(fx, 'holdout123'), train: false, tuned: true },
    { name: 'holdout124', dir: join(fx, 'holdout124'), train: false, tuned: true },
    { name: 'holdout125', dir: join(fx, 'holdout125'), train: false, tuned: true },
    // The session's last round, written while holdout137 to 146 were tuned on and measured after its last rule, kept
    // blind: a coach operator's fleet, a contract electronics maker's business development, a university press's
    // acquisitions, a cold-chain logistics provider's commercial desk.
    { name: 'holdout163', dir: join(fx, 'holdout163'), train: false },
    { name: 'holdout164', dir: join(fx, 'holdout164'), train: false },
    { name: 'holdout165', dir: join(fx, 'holdout165'), train: false },
    { name: 'holdout166', dir: join(fx, 'holdout166'), train: false },
    { name: 'holdout167', dir: join(fx, 'holdout167'), train: false, tuned: true },
    { name: 'holdout168', dir: join(fx, 'holdout168'), train: false, tuned: true },
    { name: 'holdout170', dir: join(fx, 'holdout170'), train: false, tuned: true },
    { name: 'holdout169', dir: join(fx, 'holdout169'), train: false, tuned: true },
    { name: 'holdout159', dir: join(fx, 'holdout159'), train: false, tuned: true },
    { name: 'holdout160', dir: join(fx, 'holdout160'), train: false, tuned: true },
    { name: 'holdout161', dir: join(fx, 'holdout161'), train: false, tuned: true },
    { name: 'holdout162', dir: join(fx, 'holdout162'), train: false, tuned: true },
    { name: 'holdout155', dir: join(fx, 'holdout155'), train: false, tuned: true },
    { name: 'holdout156', dir: join(fx, 'holdout156'), train: false, tuned: true },
    { name: 'holdout157', dir: join(fx, 'holdout157'), train: false, tuned: true },
    { name: 'holdout158', dir: join(fx, 'holdout158'), train: false, tuned: true },
    { name: 'holdout152', dir: join(fx, 'holdout152'), train: false, tuned: true },
    { name: 'holdout153', dir: join(fx, 'holdout153'), train: false, tuned: true },
    { name: 'holdout154', dir: join(fx, 'holdout154'), train: false, tuned: true },
    { name: 'holdout151', dir: join(fx, 'holdout151'), train: false, tuned: true },
    { name: 'holdout147', dir: join(fx, 'holdout147'), train: false, tuned: true },
    { name: 'holdout148', dir: join(fx, 'holdout148'), train: false, tuned: true },
    { name: 'holdout149', dir: join(fx, 'holdout149'), train: false, tuned: true },
    { name: 'holdout150', dir: join(fx, 'holdout150'), train: false, tuned: true },
    // Written blind while holdout137 to 142 were tuned on, measured after their rules, then tuned on: a real-estate
    // developer's fit-out projects, a bearings maker's key accounts, a humanitarian logistics hub's partnerships, a
    // dental and medical device maker's purchasing.
    { name: 'holdout143', dir: join(fx, 'holdout143'), train: false, tuned: true },
    { name: 'holdout144', dir: join(fx, 'holdout144'), train: false, tuned: true },
    { name: 'holdout145', dir: join(fx, 'holdout145'), train: false, tuned: true },
    { name: 'holdout146', dir: join(fx, 'holdout146'), train: false, tuned: true },
    // Written blind while holdout133 to 140 were tuned on, measured after their rules, then tuned on: a contract
    // research organisation's site contracts, a wine and spirits producer's export sales.
    { name: 'holdout141', dir: join(fx, 'holdout141'), train: false, tuned: true },
    { name: 'holdout142', dir: join(fx, 'holdout142'), train: false, tuned: true },
    // Written blind while holdout133 and 136 were tuned on, measured after the rules of 133, 136, 138 and 139, then
    // tuned on: a cargo insurer's marine claims, a specialty-chemicals distributor's regional sales.
    { name: 'holdout137', dir: join(fx, 'holdout137'), train: false, tuned: true },
    { name: 'holdout140', dir: join(fx, 'holdout140'), train: false, tuned: true },
    // Written blind while holdout133 and 136 were tuned on, measured after those rules, then tuned on: a printing and
    // packaging converter's procurement, a solar EPC contractor's project procurement.
    { name: 'holdout138', dir: join(fx, 'holdout138'), train: false, tuned: true },
    { name: 'holdout139', dir: join(fx, 'holdout139'), train: false, tuned: true },
    // A session's last round, written while holdout129 to 132 were tuned on and measured after its last rule: a
    // home-textiles brand's sourcing, a data-centre operator's facilities procurement, a language-school network's
    // partnerships, a foundry's plant management; 133 and 136 tuned on in the next session.
    { name: 'holdout133', dir: join(fx, 'holdout133'), train: false, tuned: true },
    { name: 'holdout134', dir: join(fx, 'holdout134'), train: false },
    { name: 'holdout135', dir: join(fx, 'holdout135'), train: false },
    { name: 'holdout136', dir: join(fx, 'holdout136'), train: false, tuned: true },
    // Written blind while holdout122 to 125 were tuned on, then tuned on: a toy importer's product compliance, a
    // cruise line's shore excursions, an animal-health distributor's key accounts, a city transit authority's
    // procurement.
    { name: 'holdout129', dir: join(fx, 'holdout129'), train: false, tuned: true },
    { name: 'holdout130', dir: join(fx, 'holdout130'), train: false, tuned: true },
    { name: 'holdout131', dir: join(fx, 'holdout131'), train: false, tuned: true },
    { name: 'holdout132', dir: join(fx, 'holdout132'), train: false, tuned: true },
    // Written blind while holdout117, 118, 120, 121, 93 and 97 were tuned on: a university technology-transfer
    // office, a green-coffee importer, an elevator maintenance company's service contracts; all tuned on (126 a
    // session later).
    { name: 'holdout126', dir: join(fx, 'holdout126'), train: false, tuned: true },
    { name: 'holdout127', dir: join(fx, 'holdout127'), train: false, tuned: true },
    { name: 'holdout128', dir: join(fx, 'holdout128'), train: false, tuned: true },
    // The discard decision (one-to-one mail through CRMs and relays, bulk from the same tools, role accounts in
    // 15 languages, national free-mail providers): a tuning set (rules).
    { name: 'holdout19', dir: join(fx, 'holdout19'), train: false, tuned: true },
    // Signatures as HTML clients and signature tools send them, and the plain renderings clients make of them.
    { name: 'holdout23', dir: join(fx, 'holdout23'), train: false, tuned: true },
    // Field splits II: titles, units and addresses of 30 languages and many regions, vCard-like labels.
    { name: 'holdout24', dir: join(fx, 'holdout24'), train: false, tuned: true },
    // Finding the whole block in law, accounting, academic, medical and public-sector mail, a tuning set (rules).
    { name: 'holdout26', dir: join(fx, 'holdout26'), train: false, tuned: true },
    // Field splits inside the block (titles, units, companies, names, addresses) in 21 languages: a tuning set (rules).
    { name: 'holdout21', dir: join(fx, 'holdout21'), train: false, tuned: true },
    // Plain text as clients, gateways and list servers mangle it (hard wraps, format=flowed, inline replies, split
    // quote intros, appended footers) in 17 languages: a tuning set (rules).
    { name: 'holdout28', dir: join(fx, 'holdout28'), train: false, tuned: true },
    // Departments and titles in 21 languages (units above/below/after titles, look-alikes that stay in the
    // title): a tuning set (rules).
    { name: 'holdout31', dir: join(fx, 'holdout31'), train: false, tuned: true },
    // Institutional signatures (UN agencies, development banks, ministries, embassies, universities) in 18
    // languages: a tuning set (rules).
    { name: 'holdout32', dir: join(fx, 'holdout32'), train: false, tuned: true },
  ];
  const ok = (c: Corpus) =>
    existsSync(join(c.dir, 'gold.jsonl')) && readdirSync(c.dir).some((f) => f.endsWith('.eml'));
  return { present: all.filter(ok), absent: all.filter((c) => !ok(c)) };
}

export interface Example {
  corpus: string;
  file: string;
  /** Sender address (lower case): the fold key. */
  group: string;
  contexts: LineContext[];
  x: Float64Array;
  y: Uint8Array;
  /** The rules chose a block opened by a `-- ` delimiter: the product keeps it, the labeller is not asked. */
  delimited: boolean;
  /** Gold lines not found in the window (the newest-part cut lost them): recall no model can reach. */
  unreachable: number;
}

/** Loads one corpus as examples (free-mail messages are left out: the product discards them first). */
export function loadExamples(c: Corpus): Example[] {
  const golds = readGold(c.dir);
  const out: Example[] = [];
  for (const g of golds) {
    if (g.free_mail) continue;
    const bytes = new Uint8Array(readFileSync(join(c.dir, g.file)));
    let m;
    try {
      m = toMinimal(parseRaw(bytes), g.file);
    } catch {
      continue;
    }
    const { from } = classifySender(m.headers);
    const tail = capLines(m.tail.length > 65_536 ? m.tail.slice(-65_536) : m.tail);
    const infos = signatureWindow(tail, from);
    const rules = ruleBlock(infos, from);
    const contexts = lineContexts(infos, from, rules);
    const y = new Uint8Array(contexts.length);
    const left = new Map<string, number>();
    for (const l of g.signature_lines) left.set(l, (left.get(l) ?? 0) + 1);
    let found = 0;
    for (let k = contexts.length - 1; k >= 0; k--) {
      const t = contexts[k]!.info.text.replace(/\s+$/, '');
      const n = left.get(t) ?? 0;
      if (n > 0) {
        y[k] = 1;
        left.set(t, n - 1);
        found++;
      }
    }
    out.push({
      corpus: c.name,
      file: g.file,
      group: (from.email ?? g.sender ?? g.file).toLowerCase(),
      contexts,
      x: featureMatrix(contexts),
      y,
      unreachable: g.signature_lines.length - found,
      delimited: trustDelimited(infos, rules),
    });
  }
  return out;
}

/** The fold (0..k-1) of a sender. */
export function foldOf(group: string, k: number): number {
  return createHash('sha256').update(group).digest().readUInt32BE(0) % k;
}

/** L2 strength: large enough that rare features (seen on a handful of lines) stay modest. */
const L2 = 1.0;
const NEWTON_STEPS = 25;

interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
  y: number;
}

function sparse(x: Float64Array, o: number, f: number, y: number, bias: boolean): SparseRow {
  const idx: number[] = [];
  const val: number[] = [];
  for (let j = 0; j < f; j++) {
    const v = x[o + j]!;
    if (v !== 0) {
      idx.push(j);
      val.push(v);
    }
  }
  if (bias) {
    idx.push(f);
    val.push(1);
  }
  return { idx: Int32Array.from(idx), val: Float64Array.from(val), y };
}

/** Fits logistic weights over `d` coordinates by Newton's method; `free` coordinates are not penalised. */
function fitLogistic(rows: SparseRow[], d: number, free: number[]): Float64Array {
  const w = new Float64Array(d);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const g = new Float64Array(d);
    const h = new Float64Array(d * d);
    for (const r of rows) {
      let z = 0;
      for (let a = 0; a < r.idx.length; a++) z += w[r.idx[a]!]! * r.val[a]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = p - r.y;
      const s = p * (1 - p);
      for (let a = 0; a < r.idx.length; a++) {
        const ia = r.idx[a]!;
        const va = r.val[a]!;
        g[ia] = g[ia]! + err * va;
        for (let c = 0; c < r.idx.length; c++) {
          const at = ia * d + r.idx[c]!;
          h[at] = h[at]! + s * va * r.val[c]!;
        }
      }
    }
    for (let j = 0; j < d; j++) {
      const lambda = free.includes(j) ? 1e-6 : L2;
      g[j] = g[j]! + lambda * w[j]!;
      h[j * d + j] = h[j * d + j]! + lambda;
    }
    const delta = solveSpd(h, g, d);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      w[j] = w[j]! - delta[j]!;
      moved = Math.max(moved, Math.abs(delta[j]!));
    }
    if (moved < 1e-6) break;
  }
  return w;
}

/** Stage one: per-line log-odds. */
function fitLines(examples: Example[]): { weights: Float64Array; bias: number } {
  const f = FEATURE_NAMES.length;
  const rows: SparseRow[] = [];
  for (const e of examples)
    for (let k = 0; k < e.contexts.length; k++) rows.push(sparse(e.x, k * f, f, e.y[k]!, true));
  const w = fitLogistic(rows, f + 1, [f]);
  return { weights: w.slice(0, f), bias: w[f]! };
}

/**
 * Stage two: whether a decoded candidate block is a signature. A candidate counts as one when at least
 * half of its lines are gold lines.
 */
function fitBlocks(examples: Example[], linesFor: (e: Example) => LabellerModel): Float64Array {
  const d = BLOCK_FEATURE_NAMES.length;
  const rows: SparseRow[] = [];
  for (const e of examples) {
    const lines = linesFor(e);
    const z = lineLogOdds(e.x, e.contexts.length, lines);
    const b = decodeBlock(e.contexts, z, lines.threshold);
    if (!b) continue;
    let tp = 0;
    for (let k = b.first; k <= b.last; k++) tp += e.y[k]!;
    const x = blockFeatures(e.contexts, b.first, b.last, z);
    rows.push(sparse(x, 0, d, tp > 0 && 2 * tp >= b.last - b.first + 1 ? 1 : 0, false));
  }
  return fitLogistic(rows, d, [0]);
}

/** Solves H x = g for a symmetric positive definite H (Cholesky). */
function solveSpd(h: Float64Array, g: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = h[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      l[i * d + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * d + j]!;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = g[i]!;
    for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!;
    y[i] = s / l[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * x[k]!;
    x[i] = s / l[i * d + i]!;
  }
  return x;
}

/** Line counts of decoding `examples` with `model`. */
export function decodeCounts(
  examples: Example[],
  model: LabellerModel,
): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    const z = lineLogOdds(e.x, e.contexts.length, model);
    const b = chooseBlock(e.contexts, z, model);
    for (let k = 0; k < e.contexts.length; k++) {
      // The product keeps the rules' `-- ` block without asking the labeller.
      const pred = e.delimited ? e.contexts[k]!.inRule : b !== null && k >= b.first && k <= b.last;
      if (pred && e.y[k]) tp++;
      else if (pred) fp++;
      else if (e.y[k]) fn++;
    }
    fn += e.unreachable;
  }
  return { tp, fp, fn };
}

/**
 * Summed log-odds a span needs to be a candidate at all: low, so that the second stage, which sees the
 * whole block, makes the decision.
 */
const CANDIDATE_THRESHOLD = 0;
const INNER_FOLDS = 3;

/** Trains a model on `examples`: logistic weights, then the block threshold with the best line F1. */
export function train(examples: Example[]): LabellerModel {
  const { weights, bias } = fitLines(examples);
  // The second stage learns from candidates that line models which never saw the message proposed
  // (inner folds): in-sample line scores are too good, and the hard negatives would never show up.
  const inner = new Map<Example, LabellerModel>();
  for (let fold = 0; fold < INNER_FOLDS; fold++) {
    const part = examples.filter((e) => foldOf(`inner:${e.group}`, INNER_FOLDS) !== fold);
    const m = fitLines(part);
    const model: LabellerModel = { ...m, threshold: CANDIDATE_THRESHOLD, block: null };
    for (const e of examples) if (foldOf(`inner:${e.group}`, INNER_FOLDS) === fold) inner.set(e, model);
  }
  return { weights, bias, threshold: CANDIDATE_THRESHOLD, block: fitBlocks(examples, (e) => inner.get(e)!) };
}

/** A model as its readable weights file (weights rounded to 4 decimals, zeros left out). */
export function toWeightsFile(model: LabellerModel, trainedOn: Record<string, number>): WeightsFile {
  const weights: Record<string, number> = {};
  FEATURE_NAMES.forEach((n, j) => {
    const v = Math.round(model.weights[j]! * 1e4) / 1e4;
    if (v !== 0) weights[n] = v;
  });
  const block: Record<string, number> = {};
  BLOCK_FEATURE_NAMES.forEach((n, j) => {
    const v = Math.round((model.block?.[j] ?? 0) * 1e4) / 1e4;
    if (v !== 0) block[n] = v;
  });
  return {
    comment:
      'Signature-line labeller weights (log-odds per feature of parsers/labeller/features.ts). Written by `npm run train`; do not edit by hand.',
    bias: Math.round(model.bias * 1e4) / 1e4,
    threshold: model.threshold,
    weights,
    block,
    trainedOn,
  };
}

/** k-fold models: for each message file (corpus/file), the model trained without its fold. */
export function crossValidatedModels(examples: Example[], k: number): Map<string, LabellerModel> {
  const out = new Map<string, LabellerModel>();
  for (let fold = 0; fold < k; fold++) {
    const trainSet = examples.filter((e) => foldOf(e.group, k) !== fold);
    const model = train(trainSet);
    for (const e of examples) if (foldOf(e.group, k) === fold) out.set(`${e.corpus}/${e.file}`, model);
  }
  return out;
}
