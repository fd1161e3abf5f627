/**
 * Words that say which way a report goes: prices "rose" or "fell", a party "won" or "lost", a
 * court "acquitted" or "convicted", an attack in "North" or "South" Waziristan. Two wordings alike
 * but for such a word turned to its opposite are two reports, not one sentence lightly edited,
 * however few characters they differ in (see `sameFigures`). Found on `../shared/news` and BBC,
 * where "risen" for "fallen" and "highest" for "lowest" were read as light edits.
 *
 * Each axis has two sides. Two texts are turned around on an axis when one holds more words of one
 * side than the other does, and the other more words of the opposite side: "rose" against "fell".
 * A word only one wording adds or drops ("rose", and "rose, then fell") turns nothing around, nor
 * does a synonym on the same side ("rose" and "climbed"). A word may stand on several axes
 * ("denied": a petition, and a report). A word and its opposite made with a prefix ("likely",
 * "unlikely") turn a text around the same way.
 */
const AXES: readonly (readonly [string, string])[] = [
  // Which way a figure went. Not "up", "down", "cut", "more", "less", "before" nor "after":
  // "upto a Rs13 cut" and "up to Rs13", "more than 20" and "at least 20", "produced before the
  // court" and "in court after his arrest" are one sentence edited.
  [
    'rise rises rose risen rising increase increases increased increasing raise raises raised raising climb climbs climbed climbing jump jumps jumped jumping surge surges surged surging soar soars soared soaring gain gains gained gaining rebound rebounds rebounded hike hikes hiked upward upwards higher',
    'fall falls fell fallen falling decrease decreases decreased decreasing reduce reduces reduced reducing decline declines declined declining drop drops dropped dropping plunge plunges plunged plunging slump slumps slumped slumping tumble tumbles tumbled tumbling slide slides slid sliding dip dips dipped dipping shed sheds shedding ease eases eased easing lower lowers lowered lowering loss losses lose loses lost losing downward downwards',
  ],
  ['widen widens widened widening', 'narrow narrows narrowed narrowing'],
  ['double doubles doubled doubling', 'halve halves halved halving'],
  // How high.
  ['high highest upper maximum greatest largest biggest', 'low lowest minimum smallest'],
  ['better best', 'worse worst'],
  ['strong stronger strongest strengthen strengthens strengthened strengthening', 'weak weaker weakest weaken weakens weakened weakening'],
  ['appreciate appreciates appreciated appreciating appreciation', 'depreciate depreciates depreciated depreciating depreciation'],
  ['bullish', 'bearish'],
  ['positive', 'negative'],
  ['above', 'below'],
  ['with', 'without'],
  // Who won, what was decided, what became of whom.
  ['win wins won winning winner winners victory victories', 'lose loses lost losing loser losers defeat'],
  ['succeed succeeds succeeded success successful', 'fail fails failed failing failure'],
  [
    'approve approves approved approving approval accept accepts accepted accepting grant grants granted granting allow allows allowed allowing',
    'reject rejects rejected rejecting rejection dismiss dismisses dismissed dismissing deny denies denied denying ban bans banned banning',
  ],
  ['confirm confirms confirmed confirming', 'deny denies denied denying'],
  ['support supports supported supporting', 'oppose opposes opposed opposing'],
  ['acquit acquits acquitted acquittal', 'convict convicts convicted conviction'],
  ['innocent', 'guilty'],
  ['arrest arrests arrested arresting', 'release releases released releasing freed'],
  ['killed dead died death deaths', 'injured wounded hurt alive survived'],
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
  [
    'man men male males boy boys father son brother husband mr spokesman chairman',
    'woman women female females girl girls mother daughter sister wife ms mrs spokeswoman chairwoman',
  ],
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

/**
 * Prefixes that make a word its opposite ("likely", "unlikely"; "legal", "illegal"), before a word
 * of {@link PREFIXED_FROM} letters or more that opens as `before` says. Not "in", "im" nor "dis":
 * "form" and "inform", "port" and "import", "charge" and "discharge" are no opposites.
 */
const OPPOSITE_PREFIXES: readonly { readonly prefix: string; readonly before?: string }[] = [{ prefix: 'un' }, { prefix: 'non' }, { prefix: 'il', before: 'l' }, { prefix: 'ir', before: 'r' }];
const PREFIXED_FROM = 4;

/**
 * True for a lower-case word that may turn a text around (see {@link turnedAround}): one of the
 * axes' words, or one that may be a word's opposite made with a prefix ("unlikely", "illegal").
 */
export function mayTurnAround(word: string): boolean {
  return SIDES_OF.has(word) || FUTURE_WORDS.has(word) || OPPOSITE_PREFIXES.some(({ prefix, before = '' }) => word.length - prefix.length >= PREFIXED_FROM && word.startsWith(prefix + before));
}

// A word with its inner apostrophes: "won't" is not "won".
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** What `turnedAround` reads of a text: how many words of each side it holds (by `axis * 2 + side`), and each word's count. */
interface Read {
  readonly sides: ReadonlyMap<number, number>;
  readonly words: ReadonlyMap<string, number>;
}

/** What `turnedAround` reads of a text (see {@link Read}). */
function read(text: string): Read {
  const sides = new Map<number, number>();
  const words = new Map<string, number>();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0].toLowerCase();
    words.set(word, (words.get(word) ?? 0) + 1);
    for (const side of SIDES_OF.get(word) ?? []) sides.set(side, (sides.get(side) ?? 0) + 1);
  }
  return { sides, words };
}

/**
 * True when one of `a` and `b` turns the other around: on some axis, each holds more words than
 * the other of opposite sides ("rose" and "fell"); or one holds a word more often and the other
 * the word's opposite made with a prefix ("constitutional" and "unconstitutional"). Words both
 * texts hold count alike on both sides, so only the stretch where they differ needs reading.
 */
export function turnedAround(a: string, b: string): boolean {
  if (tenseTurned(a, b) || tenseTurned(b, a)) return true;
  const x = read(a);
  const y = read(b);
  for (const side of x.sides.keys()) {
    const more = (x.sides.get(side) ?? 0) > (y.sides.get(side) ?? 0);
    const opposite = side ^ 1;
    if (more && (y.sides.get(opposite) ?? 0) > (x.sides.get(opposite) ?? 0)) return true;
  }
  return prefixedOpposite(x.words, y.words) || prefixedOpposite(y.words, x.words);
}

/** True when `x` holds a word more often than `y` does, and `y` the word's prefixed opposite more often than `x` does. */
function prefixedOpposite(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): boolean {
  for (const [word, count] of x) {
    if (word.length < PREFIXED_FROM || count <= (y.get(word) ?? 0)) continue;
    for (const { prefix, before = '' } of OPPOSITE_PREFIXES) {
      const opposite = prefix + word;
      if (word.startsWith(before) && (y.get(opposite) ?? 0) > (x.get(opposite) ?? 0)) return true;
    }
  }
  return false;
}

/**
 * What is yet to happen: "will", "shall", "won't", and "is expected to", "are set to", "is scheduled
 * to", "is likely to". Not "is going to" nor "is due to" ("margins are going to oil companies", "due
 * to the rain"), nor "is to" alone: "to" stands in most stretches two wordings differ in, which
 * would all have to be read for it.
 */
const FUTURE = /\b(?:will|shall|won['’]t|shan['’]t|(?:is|are)\s+(?:expected|set|scheduled|slated|likely|poised)\s+to)\b/iu;
const FUTURE_GLOBAL = new RegExp(FUTURE.source, 'giu');
/** The words {@link FUTURE} turns on, for `mayTurnAround`. */
const FUTURE_WORDS = new Set(['will', 'shall', 'expected', 'set', 'scheduled', 'slated', 'likely', 'poised', 'would']);
/**
 * A future told from the past, reported speech: "would", "had to", "was expected to", "were set to"
 * ("the plant will open" and "the plant would open"; "will have to play their role" and "had to
 * play their role"). A wording so told is no past against the other's future, and a future
 * against what happened ("would open", "opened").
 */
const FUTURE_IN_PAST = /\b(?:would|had\s+to|(?:was|were)\s+(?:expected|set|scheduled|slated|likely|poised|supposed|due|going)\s+to)\b/iu;
const FUTURE_IN_PAST_GLOBAL = new RegExp(FUTURE_IN_PAST.source, 'giu');
/**
 * What happened: "was", "were", "had", "did", a word ending in "-ed" or a common irregular past,
 * whole ("so-called" is none), in lower case (a name is none: "Syed", "Ahmed").
 */
const PAST = /(?<![\p{L}'’-])(?:was|were|had|did|held|met|took|taken|made|gave|given|began|begun|came|went|left|sent|became|laid|sworn|paid|led|sought|won|lost|\p{Ll}{2,}ed)(?![\p{L}'’-])/gu;
/**
 * "-ed" words that say no past: the verbs that say who said so, which a reprint changes freely
 * ("said", "added", "told"), and words that are no past at all ("need", "indeed", "speed").
 */
const NOT_PAST = new Set(['added', 'stated', 'noted', 'remarked', 'claimed', 'asserted', 'stressed', 'emphasised', 'emphasized', 'underlined', 'observed', 'reported', 'informed', 'mentioned', 'explained', 'maintained', 'expected', 'scheduled', 'slated', 'poised', 'needed', 'based', 'related', 'concerned', 'united', 'limited', 'detailed', 'armed']);
/** Before an "-ed" word, what makes it a state, not what happened: "are aimed at", "is based in". */
const STATE_BEFORE = /\b(?:is|are|am|be|been|being)\s+$/iu;

/**
 * True when `a`, where two wordings differ, tells what is yet to happen and `b` what happened
 * instead: "A PIA flight will land at Gwadar …" and "A PIA flight landed at Gwadar …", "… is
 * expected to take oath today" and "… was notified on Thursday", "will be buried" and "was laid to
 * rest". A follow-up's opening is another report, not a light edit of the announcement. `b` in
 * reported speech ("would", "had to") is no past, nor is a past word `a` holds too, as written or
 * spelled the other way ("-ised", "-ized").
 */
function tenseTurned(a: string, b: string): boolean {
  // A future told from the past is a future too, against what happened: else a reprint's "would
  // open" would join "will open" and "opened" in one cluster.
  if (!(FUTURE.test(a) || FUTURE_IN_PAST.test(a)) || FUTURE.test(b) || FUTURE_IN_PAST.test(b)) return false;
  // Told from the past alone ("would"), a copula put back a tense is reported speech too: "the
  // visit would be a confidence-building measure" and "… was a confidence-building measure". Only
  // another verb's past tells what happened ("would open", "opened").
  const reported = !FUTURE.test(a);
  // The verb changes too ("will land", "landed"): `a` with only its future's words put in another's
  // place ("Prices will rise in March.", "Prices rise in March, traders warned.") is no past told.
  const inB = new Set(b.toLowerCase().match(WORD) ?? []);
  const rest = a.replace(FUTURE_GLOBAL, ' ').replace(FUTURE_IN_PAST_GLOBAL, ' ').toLowerCase().match(WORD) ?? [];
  if (rest.every((word) => inB.has(word) || (reported && COPULA.has(word)))) return false;
  // A past word that `a` holds too is the sentence's, not a change: "will reopen damaged classrooms" and "reopens damaged classrooms".
  const inA = new Set((a.toLowerCase().match(WORD) ?? []).map(spelledOneWay));
  PAST.lastIndex = 0;
  for (let match = PAST.exec(b); match !== null; match = PAST.exec(b)) {
    const word = match[0];
    if (NOT_PAST.has(word) || word.endsWith('eed') || inA.has(spelledOneWay(word))) continue;
    if (word.endsWith('ed') && STATE_BEFORE.test(b.slice(0, match.index))) continue;
    if (reported && COPULA_PAST.has(word)) continue;
    return true;
  }
  return false;
}

const COPULA = new Set(['be', 'been', 'have']);
const COPULA_PAST = new Set(['was', 'were', 'had', 'did']);

/** A word with "-iz-" spelled "-is-": "specialized" and "specialised" are one word. */
function spelledOneWay(word: string): string {
  return word.replace(/iz(e|ed|es|ing|ation|ations)$/u, 'is$1');
}
