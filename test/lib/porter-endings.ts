/**
 * Every suffix natural's Porter stemmer knows, and the ends of them: a word built to end in part of
 * a rule is where a shortcut around the stemmer could go wrong (stemmer.test.ts, porter.test.ts).
 */
const RULE_SUFFIXES = ['sses', 'ies', 'ss', 's', 'eed', 'ed', 'ing', 'y', 'ational', 'tional', 'enci', 'anci', 'izer', 'abli', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'e', 'll', 'at', 'bl', 'iz'];

export const RULE_ENDINGS: readonly string[] = [...new Set(RULE_SUFFIXES.flatMap((suffix) => Array.from({ length: suffix.length }, (_, from) => suffix.slice(from))))];
