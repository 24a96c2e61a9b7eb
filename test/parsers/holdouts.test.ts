// The invented hold-out sets (fixtures/mail/holdout2..6, intl, intl-holdout) as regression sets: each was
// scored blind once, then tuned on, so its current scores are floors that no later change may fall below
// (issue 14). Figures are from `npm run bench:accuracy -- --dir fixtures/mail/<set>` on 2026-12-06, with the
// learned labeller's shipped weights (parsers/labeller/weights.json): a retrain that drops a set below its
// floor has to say why.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAccuracy } from '../../bench/accuracy.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures', 'mail');

/** Floors per set: signature-line F1, field micro precision and recall, and at most this many wrong discards (0). */
const floors: Record<string, { lines: number; precision: number; recall: number; wrongDiscards?: number }> = {
  holdout2: { lines: 0.995, precision: 1.0, recall: 0.995 },
  holdout3: { lines: 1.0, precision: 1.0, recall: 1.0 },
  holdout4: { lines: 1.0, precision: 1.0, recall: 1.0 },
  holdout5: { lines: 1.0, precision: 1.0, recall: 1.0 },
  holdout6: { lines: 1.0, precision: 1.0, recall: 1.0 },
  intl: { lines: 1.0, precision: 1.0, recall: 1.0 },
  'intl-holdout': { lines: 1.0, precision: 1.0, recall: 1.0 },
  // Blind, never tuned on: its one blind score (2026-12-06, before issue 14's line work) is its floor.
  holdout8: { lines: 0.963, precision: 0.952, recall: 0.888 },
  // Blind (never tuned on, fixtures/mail/holdout9/README.md): its floor is its one blind score, so a
  // change that loses what generalised shows here without anyone tuning on the set.
  // Lowered from 0.997 on 2026-12-06: the labeller retrained with holdout11 and holdout13 (mailing-list
  // mail in 24 languages) takes one line more here (lines P 99.5 -> 98.9, fields P 97.5 -> 98.0), while the
  // blind holdout12 went from 95.8 to 99.7 and holdout8 from 98.4 to 99.2.
  holdout9: { lines: 0.994, precision: 0.965, recall: 0.936 },
  // Blind (fixtures/mail/holdout10/README.md), written after the enron-train field rules: first score.
  holdout10: { lines: 0.993, precision: 0.994, recall: 0.994 },
  // Tuning sets of mailing-list mail (fixtures/mail/holdout11, holdout13 READMEs): trained and tuned on.
  // Raised on 2026-12-06 after the tune branch's lexicons (holdout11 fields 100/98.0 -> 100/100, holdout13
  // lines 98.7 -> 100 and fields 91.9/84.3 -> 100/100, in-sample), a little under the scores.
  holdout11: { lines: 1.0, precision: 1.0, recall: 0.995 },
  holdout13: { lines: 0.995, precision: 0.99, recall: 0.99 },
  // Blind (fixtures/mail/holdout12/README.md): first scored at 0.952 / 0.916 / 0.776; its floor is its
  // score after the session's general rules and lexicons (aggregates only were read).
  // Raised after the tune branch (aggregates only): lines 99.5 -> 100, fields 94.0/89.0 -> 95.0/91.0.
  holdout12: { lines: 0.997, precision: 0.96, recall: 0.925 },
  // Blind (fixtures/mail/holdout14/README.md): first scored (2026-12-07) at 0.965 / 0.950 / 0.890 with two
  // wrong discards (business mail sent through a CRM taken for bulk); its floor is its score at the end of that
  // session's general rules (aggregates only were read), one wrong discard left.
  holdout14: { lines: 0.984, precision: 0.965, recall: 0.94, wrongDiscards: 1 },
  // Tuning sets of 2026-12-07 (rules and lexicons only, the labeller is not fitted to them): their scores
  // after tuning, a little under, are their floors (first scores in their READMEs and the README table).
  // 15 and 16 chose the English half of a bilingual title; the product reads the first version since 2026-12-07
  // (the convention of the later sets), one title of each set and holdout16's unit are below that convention;
  // 15 also joined a Hong Kong address's Chinese and English versions, of which the product keeps the first.
  holdout15: { lines: 1.0, precision: 0.975, recall: 0.975 },
  holdout16: { lines: 0.995, precision: 0.98, recall: 0.975 },
  holdout19: { lines: 1.0, precision: 0.995, recall: 0.995 },
  holdout21: { lines: 1.0, precision: 0.995, recall: 0.995 },
  holdout23: { lines: 0.985, precision: 0.99, recall: 0.96 },
  holdout24: { lines: 0.995, precision: 0.95, recall: 0.95 },
  holdout26: { lines: 0.995, precision: 0.96, recall: 0.96 },
  holdout18: { lines: 1.0, precision: 0.993, recall: 0.993 },
  // Tuning set of the following session (plain text as clients and gateways mangle it): first score lines 92.9,
  // fields 94.5/86.9 (its README); its floor is its score after tuning.
  holdout28: { lines: 1.0, precision: 0.98, recall: 0.97 },
  // Tuning set of departments and titles (its README): first score fields 95.3/92.7; its floor its score after tuning.
  holdout31: { lines: 1.0, precision: 0.965, recall: 0.97 },
  // Tuning set of institutional signatures (its README): first score lines 96.0, fields 81.9/74.2; its floor its
  // score after tuning.
  holdout32: { lines: 0.995, precision: 0.96, recall: 0.93 },
  // Blind (fixtures/mail/holdout17/README.md): first scored (2026-12-07) at 0.944 / 0.927 / 0.856; its floor
  // is its score at the end of the following session (two of its classes written as rules, see its README).
  holdout17: { lines: 0.995, precision: 0.96, recall: 0.935 },
  // Blind (fixtures/mail/holdout20/README.md): first scored (2026-12-07) at 0.956 / 0.904 / 0.932; its floor is
  // its score at the end of that session (role-account lists extended meanwhile, see its README).
  holdout20: { lines: 0.99, precision: 0.96, recall: 0.95 },
  // Written blind (fixtures/mail/holdout22/README.md): first scored (2026-12-07) at 0.896 / 0.901 / 0.742; tuned
  // on from the next session (its misses read and fixed with general rules), its floor its score after that.
  holdout22: { lines: 0.98, precision: 0.945, recall: 0.91 },
  // Blind (fixtures/mail/holdout25/README.md): its first score (2026-12-07) is its floor.
  holdout25: { lines: 0.98, precision: 0.975, recall: 0.96 },
  // Blind (fixtures/mail/holdout27/README.md): its first score (2026-12-07, second session) is its floor.
  holdout27: { lines: 1.0, precision: 0.98, recall: 0.95 },
  // Blind (fixtures/mail/holdout29/README.md): first scored (2026-12-07) at 0.940 / 0.878 / 0.963 with four
  // missed role-account discards; its floor is its score once hotel role mailboxes were added from that
  // aggregate (its README says so).
  holdout29: { lines: 0.975, precision: 0.94, recall: 0.96 },
  // Blind (fixtures/mail/holdout30/README.md): its first score (2026-12-07) is its floor.
  holdout30: { lines: 0.945, precision: 0.845, recall: 0.85 },
  // Written blind (fixtures/mail/holdout33/README.md): first scored (2026-12-07) at 0.948 / 0.852 / 0.918; tuned
  // on from 2026-12-07 (its misses read and fixed with general rules), its floor its score after that.
  holdout33: { lines: 0.995, precision: 0.99, recall: 0.99 },
  // Blind (fixtures/mail/holdout34/README.md): its first score (2026-12-07) is its floor.
  holdout34: { lines: 0.995, precision: 0.95, recall: 0.905 },
  // Written blind (fixtures/mail/holdout35/README.md): first scored (2026-12-07) at 0.968 / 0.922 / 0.926; tuned
  // on the same day (its misses read and fixed with general rules), its floor its score after that.
  holdout35: { lines: 0.995, precision: 0.985, recall: 0.975 },
  // Written blind (fixtures/mail/holdout36/README.md): first scored (2026-12-07) at 0.964 / 0.901 / 0.938; tuned
  // on the same day (its misses read and fixed with general rules), its floor its score after that.
  holdout36: { lines: 0.99, precision: 0.98, recall: 0.975 },
  // Blind (fixtures/mail/holdout37/README.md): its first score (2026-12-07) is its floor.
  holdout37: { lines: 0.95, precision: 0.9, recall: 0.94 },
  // Written blind (fixtures/mail/holdout38/README.md): first scored (2026-12-07) at 0.965 / 0.915 / 0.866; tuned
  // on the same day (its misses read and fixed with general rules), its floor its score after that.
  holdout38: { lines: 0.995, precision: 0.98, recall: 0.955 },
  // Written blind (fixtures/mail/holdout39/README.md): first scored (2026-12-07) at 0.977 / 0.911 / 0.890; tuned
  // on the same day (its misses read and fixed with general rules), its floor its score after that.
  holdout39: { lines: 0.995, precision: 0.985, recall: 0.97 },
  // Written blind (fixtures/mail/holdout40/README.md): first scored (2026-12-07) at 0.960 / 0.898 / 0.902; tuned
  // on (rules) from 2026-12-07, a later session.
  holdout40: { lines: 0.995, precision: 0.98, recall: 0.97 },
  // Blind (fixtures/mail/holdout41..44/README.md), written while holdout40 was tuned on: first scores are floors.
  holdout41: { lines: 0.96, precision: 0.925, recall: 0.955 },
  // Tuned on from 2026-12-07 (first blind score 0.944 / 0.880 / 0.914): its score after that.
  holdout42: { lines: 0.995, precision: 0.985, recall: 0.98 },
  holdout43: { lines: 0.98, precision: 0.95, recall: 0.96 },
  // Tuned on from 2026-12-07 (first blind score 0.955 / 0.890 / 0.899): its score after that.
  holdout44: { lines: 0.995, precision: 0.985, recall: 0.98 },
  // Blind (fixtures/mail/holdout45..47/README.md), written while holdout42 was tuned on: first scores are floors.
  holdout45: { lines: 0.98, precision: 0.95, recall: 0.95 },
  // Tuned on from 2026-12-07 (first blind scores 0.995 / 0.949 / 0.936 and 0.966 / 0.915 / 0.955): their scores after.
  holdout46: { lines: 0.995, precision: 0.985, recall: 0.98 },
  holdout47: { lines: 0.995, precision: 0.985, recall: 0.985 },
  // Blind (fixtures/mail/holdout48..50/README.md), written while holdout44, 46 and 47 were tuned on: first scores.
  // Tuned on from 2026-12-07 (first blind score 0.937 / 0.869 / 0.948): its score after that.
  holdout48: { lines: 0.995, precision: 0.98, recall: 0.98 },
  // Tuned on from 2026-12-07 (first blind score 0.965 / 0.916 / 0.966): its score after that.
  holdout49: { lines: 0.995, precision: 0.99, recall: 0.98 },
  // Tuned on from 2026-12-07 (first blind score 0.973 / 0.938 / 0.961): its score after that.
  holdout50: { lines: 0.99, precision: 0.97, recall: 0.98 },
  // Blind (fixtures/mail/holdout51..53/README.md), written while holdout48 was tuned on: first scores are floors.
  // Tuned on from 2026-12-07 (first blind score 0.983 / 0.944 / 0.962): its score after that.
  holdout51: { lines: 0.995, precision: 0.985, recall: 0.985 },
  // Tuned on from 2026-12-07 (first blind score 0.970 / 0.935 / 0.966): its score after that.
  holdout52: { lines: 0.995, precision: 0.99, recall: 0.985 },
  // Tuned on from 2026-12-07 (first blind score 0.965 / 0.905 / 0.948): its score after that.
  holdout53: { lines: 0.995, precision: 0.99, recall: 0.99 },
  // Blind (fixtures/mail/holdout54..56/README.md), written after every rule of 2026-12-07.
  // Tuned on from 2026-12-07 (first blind score 0.978 / 0.928 / 0.948): its score after that.
  holdout54: { lines: 0.995, precision: 0.985, recall: 0.98 },
  // Tuned on from 2026-12-07 (first blind score 0.991 / 0.979 / 0.935): its score after that.
  holdout55: { lines: 0.995, precision: 0.985, recall: 0.98 },
  // Tuned on from 2026-12-07 (first blind score 0.982 / 0.950 / 0.950): its score after that.
  holdout56: { lines: 0.995, precision: 0.985, recall: 0.985 },
  // Blind (fixtures/mail/holdout57..60/README.md), written while holdout54..56 were tuned on: first scores are floors.
  // Tuned on from 2026-12-07 (first blind score 0.964 / 0.904 / 0.856): its score after that.
  holdout57: { lines: 0.995, precision: 0.98, recall: 0.97 },
  // Tuned on from 2026-12-07 (first blind score 0.979 / 0.940 / 0.949): its score after that.
  holdout58: { lines: 0.995, precision: 0.99, recall: 0.985 },
  // Tuned on from 2026-12-07 (first blind score 0.985 / 0.955 / 0.950): its score after that.
  holdout59: { lines: 0.995, precision: 0.985, recall: 0.98 },
  // Tuned on from 2026-12-07 (first blind score 0.967 / 0.934 / 0.911): its score after that.
  holdout60: { lines: 0.995, precision: 0.985, recall: 0.98 },
  // Blind (fixtures/mail/holdout61..63/README.md), written while holdout57 and holdout60 were tuned on: first scores.
  // Tuned on from 2026-12-07 (first blind score 0.967 / 0.927 / 0.962): its score after that.
  holdout61: { lines: 0.995, precision: 0.99, recall: 0.985 },
  // Tuned on from 2026-12-07 (first blind score 0.964 / 0.901 / 0.952): its score after that.
  holdout62: { lines: 0.995, precision: 0.995, recall: 0.98 },
  holdout63: { lines: 0.995, precision: 0.99, recall: 0.98 },
  // Blind (fixtures/mail/holdout64..66/README.md), written while holdout58, 59, 61 and 62 were tuned on: first scores.
  // Tuned on from 2026-12-07 (first blind score 0.982 / 0.947 / 0.955): its score after that.
  holdout65: { lines: 0.995, precision: 0.99, recall: 0.98 },
  holdout64: { lines: 0.995, precision: 0.99, recall: 0.99 },
  // Tuned on from 2026-12-07 (first blind score 0.982 / 0.962 / 0.983): its score after that.
  holdout66: { lines: 0.995, precision: 0.99, recall: 0.985 },
  // Blind (fixtures/mail/holdout67..70/README.md), written while holdout65 and 66 were tuned on: first scores.
  // Tuned on from 2026-12-07 (first blind score 0.952 / 0.971 / 0.885): its score after that.
  holdout67: { lines: 0.97, precision: 0.975, recall: 0.94 },
  // Tuned on from 2026-12-07 (first blind score 0.951 / 0.888 / 0.892): its score after that.
  holdout68: { lines: 0.995, precision: 0.985, recall: 0.975 },
  holdout69: { lines: 0.99, precision: 0.985, recall: 0.96 },
  holdout70: { lines: 0.99, precision: 0.995, recall: 0.98 },
  // Blind (fixtures/mail/holdout71..73/README.md), written while holdout67 and 68 were tuned on: first scores.
  // Tuned on from 2026-12-07 (first blind score 0.992 / 0.947 / 0.951): its score after that.
  holdout71: { lines: 0.995, precision: 0.975, recall: 0.975 },
  // Tuned on from 2026-12-07 (first blind score 0.960 / 0.889 / 0.889): its score after that.
  holdout72: { lines: 0.995, precision: 0.98, recall: 0.98 },
  // Tuned on from 2026-12-07 (first blind score 0.960 / 0.945 / 0.991): its score after that.
  holdout73: { lines: 0.975, precision: 0.965, recall: 0.99 },
  // Tuned on (fixtures/mail/holdout74..76/README.md): their scores after the rules they prompted.
  holdout74: { lines: 0.995, precision: 0.99, recall: 0.99 },
  holdout75: { lines: 0.995, precision: 0.99, recall: 0.99 },
  holdout76: { lines: 0.995, precision: 0.99, recall: 0.99 },
  // Blind (fixtures/mail/holdout77..78/README.md), written after the session's last rule: first scores are floors.
  holdout77: { lines: 0.995, precision: 0.98, recall: 0.945 },
  holdout78: { lines: 0.995, precision: 0.99, recall: 0.985 },
  // Tuned on (fixtures/mail/holdout79/README.md): its score after the rules it prompted.
  holdout79: { lines: 0.995, precision: 0.995, recall: 0.995 },
  // Blind (fixtures/mail/holdout80..84/README.md), written while holdout74..76 and 79 were tuned on: first scores
  // are floors (83); 81, 82 and 84 tuned on, and 80 sessions later, their scores after the rules they prompted.
  holdout80: { lines: 0.995, precision: 0.995, recall: 0.985 },
  holdout81: { lines: 0.995, precision: 0.99, recall: 0.99 },
  holdout82: { lines: 0.995, precision: 0.97, recall: 0.97 },
  holdout83: { lines: 0.995, precision: 0.97, recall: 0.96 },
  holdout84: { lines: 0.995, precision: 0.965, recall: 0.95 },
  // Blind (fixtures/mail/holdout85..89/README.md), written while holdout81, 82 and 84 were tuned on: the first
  // score is the floor for 88; 85, 86, 87 and 89 tuned on, their scores after the rules they prompted.
  holdout85: { lines: 0.98, precision: 0.955, recall: 0.99 },
  holdout86: { lines: 0.995, precision: 0.98, recall: 0.975 },
  holdout87: { lines: 0.995, precision: 0.99, recall: 0.99 },
  holdout88: { lines: 0.995, precision: 0.98, recall: 0.985 },
  holdout89: { lines: 0.995, precision: 0.985, recall: 0.985 },
  // Blind (fixtures/mail/holdout90..94/README.md), written while holdout85..87 and 89 were tuned on: first scores
  // are floors for 90; 91, 92 and 94 tuned on, their scores after the rules they prompted; 93 tuned on a session
  // later.
  holdout90: { lines: 0.985, precision: 0.975, recall: 0.945 },
  holdout91: { lines: 0.99, precision: 0.975, recall: 0.995 },
  holdout92: { lines: 0.995, precision: 0.97, recall: 0.975 },
  holdout93: { lines: 0.995, precision: 0.975, recall: 0.97 },
  holdout94: { lines: 0.985, precision: 0.955, recall: 0.96 },
  // Blind (fixtures/mail/holdout95..99/README.md), written while holdout91, 92 and 94 were tuned on: the first
  // score is the floor for 99; 95, 96 and 98 tuned on, their scores after the rules they prompted; 97 tuned on a
  // session later.
  holdout95: { lines: 0.995, precision: 0.96, recall: 0.92 },
  holdout96: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout97: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout98: { lines: 0.995, precision: 0.99, recall: 0.99 },
  // Tuned on sessions after its blind runs (fixtures/mail/holdout99/README.md).
  holdout99: { lines: 0.98, precision: 0.985, recall: 0.94 },
  // Blind (fixtures/mail/holdout100..104/README.md), written while holdout95, 96 and 98 were tuned on: 100 and 101
  // then tuned on, and 102 and 104 after their first score, their scores after the rules they prompted; 103 its first score.
  holdout100: { lines: 0.995, precision: 0.975, recall: 0.975 },
  holdout101: { lines: 0.98, precision: 0.94, recall: 0.93 },
  holdout102: { lines: 0.995, precision: 0.985, recall: 0.96 },
  holdout103: { lines: 0.995, precision: 0.985, recall: 0.965 },
  holdout104: { lines: 0.995, precision: 0.985, recall: 0.975 },
  // Blind (fixtures/mail/holdout105..108/README.md), written while holdout100..104 were tuned on: first scores are
  // floors for 106 and 107; 105 and 108 then tuned on, their scores after the rules they prompted.
  holdout105: { lines: 0.995, precision: 0.99, recall: 0.975 },
  holdout106: { lines: 0.995, precision: 0.99, recall: 0.98 },
  holdout107: { lines: 0.99, precision: 0.995, recall: 0.99 },
  holdout108: { lines: 0.995, precision: 0.96, recall: 0.93 },
  // Blind (fixtures/mail/holdout109..112/README.md), written while holdout100..105 and 108 were tuned on, then
  // tuned on: their scores after the rules they prompted.
  holdout109: { lines: 0.995, precision: 0.975, recall: 0.965 },
  holdout110: { lines: 0.975, precision: 0.95, recall: 0.975 },
  holdout111: { lines: 0.99, precision: 0.94, recall: 0.91 },
  holdout112: { lines: 0.995, precision: 0.975, recall: 0.96 },
  // Blind (fixtures/mail/holdout113..116/README.md), the session's last round, written while holdout105, 108 and
  // 109..112 were tuned on and measured after the last rule: first scores are floors for 113 and 116; 114 and 115
  // tuned on the next session, their scores after the rules they prompted.
  holdout113: { lines: 0.995, precision: 0.985, recall: 0.98 },
  holdout114: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout115: { lines: 0.995, precision: 0.995, recall: 0.99 },
  holdout116: { lines: 0.995, precision: 0.98, recall: 0.975 },
  // Blind (fixtures/mail/holdout117..121/README.md), written while holdout114 and 115 were tuned on, measured after
  // those rules, then tuned on (119 a session later): their scores after the rules they prompted.
  holdout117: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout118: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout119: { lines: 0.995, precision: 0.99, recall: 0.985 },
  holdout120: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout121: { lines: 0.995, precision: 0.995, recall: 0.995 },
  // Blind (fixtures/mail/holdout122..125/README.md), written while holdout114, 115, 117, 118, 120, 121, 93 and 97
  // were tuned on, measured after those rules, then tuned on: their scores after the rules they prompted.
  holdout122: { lines: 0.995, precision: 0.995, recall: 0.99 },
  holdout123: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout124: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout125: { lines: 0.995, precision: 0.99, recall: 0.98 },
  // Blind (fixtures/mail/holdout163..166/README.md), a session's last round, written while holdout147..162 were
  // tuned on, measured after that session's last rule: first scores are floors.
  holdout163: { lines: 0.98, precision: 0.965, recall: 0.99 },
  holdout164: { lines: 0.985, precision: 0.965, recall: 0.97 },
  holdout165: { lines: 0.97, precision: 0.92, recall: 0.95 },
  holdout166: { lines: 0.975, precision: 0.92, recall: 0.91 },
  // Blind (fixtures/mail/holdout167..170/README.md), written while holdout147..162 were tuned on, measured after
  // their rules (167 and 170 also after those read from 168), then tuned on: their scores after the rules they
  // prompted (holdout168's wrong discard is a one-person office's biuro@, a role mailbox by design).
  holdout167: { lines: 0.98, precision: 0.965, recall: 0.99 },
  holdout168: { lines: 0.97, precision: 0.975, recall: 0.955, wrongDiscards: 1 },
  holdout169: { lines: 0.995, precision: 0.99, recall: 0.985 },
  holdout170: { lines: 0.995, precision: 0.995, recall: 0.985 },
  // Blind (fixtures/mail/holdout159..162/README.md), written while holdout147..158 were tuned on, measured after
  // their rules, then tuned on: their scores after the rules they prompted.
  holdout159: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout160: { lines: 0.995, precision: 0.985, recall: 0.98 },
  holdout161: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout162: { lines: 0.995, precision: 0.995, recall: 0.995 },
  // Blind (fixtures/mail/holdout155..158/README.md), written while holdout147..150 were tuned on, measured after the
  // rules of 147..154, then tuned on: their scores after the rules they prompted.
  holdout155: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout156: { lines: 0.995, precision: 0.985, recall: 0.975 },
  holdout157: { lines: 0.995, precision: 0.99, recall: 0.985 },
  holdout158: { lines: 0.995, precision: 0.995, recall: 0.99 },
  // Blind (fixtures/mail/holdout152..154/README.md), written while holdout147..150 were tuned on, measured after the
  // rules of 147..151, then tuned on: their scores after the rules they prompted.
  holdout152: { lines: 0.995, precision: 0.995, recall: 0.99 },
  holdout153: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout154: { lines: 0.995, precision: 0.995, recall: 0.985 },
  // Blind (fixtures/mail/holdout151/README.md), written while holdout147..150 were tuned on, measured after their
  // rules, then tuned on: its score after the rules it prompted.
  holdout151: { lines: 0.995, precision: 0.995, recall: 0.99 },
  // Blind (fixtures/mail/holdout147..150/README.md), a session's last round, written while holdout137..146 were
  // tuned on, measured after that session's last rule, then tuned on: their scores after the rules they prompted.
  holdout147: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout148: { lines: 0.98, precision: 0.96, recall: 0.99 },
  holdout149: { lines: 0.995, precision: 0.985, recall: 0.98 },
  holdout150: { lines: 0.995, precision: 0.985, recall: 0.98 },
  // Blind (fixtures/mail/holdout143..146/README.md), written while holdout137..142 were tuned on, measured after
  // their rules, then tuned on: their scores after the rules they prompted.
  holdout143: { lines: 0.995, precision: 0.995, recall: 0.99 },
  holdout144: { lines: 0.995, precision: 0.99, recall: 0.985 },
  holdout145: { lines: 0.975, precision: 0.995, recall: 0.97 },
  holdout146: { lines: 0.995, precision: 0.985, recall: 0.985 },
  // Blind (fixtures/mail/holdout141, 142/README.md), written while holdout133..140 were tuned on, measured after
  // their rules, then tuned on: their scores after the rules they prompted.
  holdout141: { lines: 0.995, precision: 0.98, recall: 0.97 },
  holdout142: { lines: 0.965, precision: 0.97, recall: 0.99 },
  // Blind (fixtures/mail/holdout137, 140/README.md), written while holdout133 and 136 were tuned on, measured after
  // the rules of 133, 136, 138 and 139, then tuned on: their scores after the rules they prompted.
  holdout137: { lines: 0.995, precision: 0.99, recall: 0.99 },
  holdout140: { lines: 0.99, precision: 0.995, recall: 0.995 },
  // Blind (fixtures/mail/holdout138, 139/README.md), written while holdout133 and 136 were tuned on, measured after
  // those rules, then tuned on: their scores after the rules they prompted.
  holdout138: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout139: { lines: 0.995, precision: 0.995, recall: 0.995 },
  // Blind (fixtures/mail/holdout133..136/README.md), a session's last round, written while holdout129..132 were
  // tuned on, measured after that session's last rule: first scores are floors for 134 and 135; 133 and 136 tuned
  // on in the next session, their scores after the rules they prompted.
  holdout133: { lines: 0.995, precision: 0.97, recall: 0.975 },
  holdout134: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout135: { lines: 0.995, precision: 0.985, recall: 0.98 },
  holdout136: { lines: 0.995, precision: 0.985, recall: 0.99 },
  // Blind (fixtures/mail/holdout129..132/README.md), written while holdout122..125 were tuned on, measured after
  // those rules, then tuned on: their scores after the rules they prompted.
  holdout129: { lines: 0.995, precision: 0.995, recall: 0.985 },
  holdout130: { lines: 0.995, precision: 0.99, recall: 0.98 },
  holdout131: { lines: 0.995, precision: 0.985, recall: 0.975 },
  holdout132: { lines: 0.995, precision: 0.97, recall: 0.955 },
  // Blind (fixtures/mail/holdout126..128/README.md), written while holdout117, 118, 120, 121, 93 and 97 were tuned
  // on, measured after those rules, then tuned on (126 a session later): their scores after the rules they prompted.
  holdout126: { lines: 0.99, precision: 0.995, recall: 0.98 },
  holdout127: { lines: 0.995, precision: 0.995, recall: 0.995 },
  holdout128: { lines: 0.995, precision: 0.995, recall: 0.98 },
};

describe('hold-out sets as regression floors', () => {
  for (const [set, floor] of Object.entries(floors)) {
    it(`${set}: lines F1 >= ${floor.lines}, fields P >= ${floor.precision}, R >= ${floor.recall}, at most ${floor.wrongDiscards ?? 0} wrong discards`, async () => {
      const r = await runAccuracy(join(root, set));
      expect(r.lines.f1).toBeGreaterThanOrEqual(floor.lines - 1e-9);
      expect(r.micro.precision).toBeGreaterThanOrEqual(floor.precision - 1e-9);
      expect(r.micro.recall).toBeGreaterThanOrEqual(floor.recall - 1e-9);
      expect(r.wrongDiscards.length).toBeLessThanOrEqual(floor.wrongDiscards ?? 0);
      expect(r.missedFreeMail).toEqual([]);
    });
  }
});
