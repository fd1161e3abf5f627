/**
 * Words that say which way a report goes: prices "rose" or "fell", a party "won" or "lost", a
 * court "acquitted" or "convicted", an attack in "North" or "South" Waziristan. Two wordings alike
 * but for such a word turned to its opposite are two reports, not one sentence lightly edited,
 * however few characters they differ in (see `sameFigures`). Found on `../shared/news` and BBC,
 * where "risen" for "fallen" and "highest" for "lowest" were read as light edits.
 *
 * Each axis has two sides. Two texts are turned around on an axis when one holds more words of one
 * side than the other does, and the other more words of the opposite side: "rose" against "fell".
 * A word only one wording adds or drops ("rose sharply" and "rose") turns nothing around, nor does
 * a synonym on the same side ("rose" and "climbed"). A word may stand on several axes ("lower":
 * a price's way, and the lower house).
 */
import { memoize } from '../lib/memo.js';

const AXES: readonly (readonly [string, string])[] = [
  // Which way a figure went.
  [
    'rise rises rose risen rising increase increases increased increasing climb climbs climbed climbing jump jumps jumped jumping surge surges surged surging soar soars soared soaring gain gains gained gaining rebound rebounds rebounded hike hikes hiked up upward upwards higher',
    'fall falls fell fallen falling decrease decreases decreased decreasing decline declines declined declining drop drops dropped dropping plunge plunges plunged plunging slump slumps slumped slumping tumble tumbles tumbled tumbling slide slides slid sliding dip dips dipped dipping cut cuts loss losses lose loses lost losing down downward downwards lower',
  ],
  // How much, how high.
  ['high higher highest upper maximum most more greater greatest larger largest bigger biggest', 'low lower lowest minimum least less fewer smaller smallest'],
  ['better best', 'worse worst'],
  ['strong stronger strongest strengthen strengthens strengthened strengthening', 'weak weaker weakest weaken weakens weakened weakening'],
  ['appreciate appreciates appreciated appreciating appreciation', 'depreciate depreciates depreciated depreciating depreciation'],
  ['bullish', 'bearish'],
  ['positive', 'negative'],
  ['above', 'below'],
  ['before', 'after'],
  // Who won, what was decided.
  ['win wins won winning winner winners victory victories', 'lose loses lost losing loser losers'],
  ['succeed succeeds succeeded success successful', 'fail fails failed failing failure'],
  ['approve approves approved approving approval accept accepts accepted accepting', 'reject rejects rejected rejecting rejection'],
  ['support supports supported supporting', 'oppose opposes opposed opposing'],
  ['acquit acquits acquitted acquittal', 'convict convicts convicted conviction'],
  ['innocent', 'guilty'],
  ['legal lawful', 'illegal unlawful'],
  ['majority', 'minority'],
  // Trade and money.
  ['import imports imported importing importer importers', 'export exports exported exporting exporter exporters'],
  ['buy buys bought buying buyer buyers', 'sell sells sold selling seller sellers'],
  ['inflow inflows', 'outflow outflows'],
  ['surplus surpluses', 'deficit deficits'],
  ['profit profits profitable', 'loss losses'],
  // Where, and who.
  ['north northern northward', 'south southern southward'],
  ['east eastern eastward', 'west western westward'],
  ['arrive arrives arrived arriving arrival', 'depart departs departed departing departure'],
  ['man men male males boy boys father son brother husband', 'woman women female females girl girls mother daughter sister wife'],
];

/** Per word, the sides it stands on: `axis * 2 + side`. */
const SIDES_OF = new Map<string, number[]>();
AXES.forEach((sides, axis) =>
  sides.forEach((words, side) => {
    for (const word of words.split(' ')) {
      const known = SIDES_OF.get(word) ?? [];
      known.push(axis * 2 + side);
      SIDES_OF.set(word, known);
    }
  }),
);

/** True for a lower-case word that says which way a report goes (see the module's comment). */
export function isDirectionWord(word: string): boolean {
  return SIDES_OF.has(word);
}

const WORD = /\p{L}+/gu;

/** How many words of each side `text` holds, by `axis * 2 + side`: read once per text. */
const sidesIn = memoize((text: string): ReadonlyMap<number, number> => {
  const counts = new Map<number, number>();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const sides = SIDES_OF.get(match[0].toLowerCase());
    if (sides !== undefined) for (const side of sides) counts.set(side, (counts.get(side) ?? 0) + 1);
  }
  return counts;
});

/** True when one of `a` and `b` turns the other around: on some axis, each holds more words than the other of opposite sides ("rose" and "fell"). */
export function turnedAround(a: string, b: string): boolean {
  const x = sidesIn(a);
  const y = sidesIn(b);
  if (x.size === 0 || y.size === 0) return false;
  for (const side of x.keys()) {
    const opposite = side ^ 1;
    const more = (x.get(side) ?? 0) > (y.get(side) ?? 0);
    if (more && (y.get(opposite) ?? 0) > (x.get(opposite) ?? 0)) return true;
  }
  return false;
}

/** `text`'s direction words as one string, side by side with their counts: what `factsOf` adds for them. */
export function directionsOf(text: string): string {
  return [...sidesIn(text)]
    .sort((p, q) => p[0] - q[0])
    .map(([side, count]) => `${side}×${count}`)
    .join(' ');
}
