import { describe, expect, it } from 'vitest';
import { ENDS_IN_QUOTE, OPENS_IN_QUOTE, quotedSentences } from '../../src/text/quotes.js';
import { packSegmentation, segment } from '../../src/stages/segment.js';

/** Each sentence of `text` with its flags, as `[sentence, flags]`. */
function flagsOf(text: string): [string, number][] {
  const segmentation = segment(text);
  const flags = quotedSentences(text, packSegmentation(segmentation));
  return segmentation.sentences.map((sentence, s) => [text.slice(sentence.start, sentence.end), flags[s] ?? -1]);
}

describe('quotedSentences', () => {
  it('tells the sentences a quotation of its paragraph runs across, curly or straight', () => {
    for (const [open, close] of [['“', '”'], ['"', '"']]) {
      expect(flagsOf(`He said: ${open}We will go. We will win. We will stay.${close} Then he left.`)).toEqual([
        [`He said: ${open}We will go.`, ENDS_IN_QUOTE],
        ['We will win.', OPENS_IN_QUOTE | ENDS_IN_QUOTE],
        [`We will stay.${close}`, OPENS_IN_QUOTE],
        ['Then he left.', 0],
      ]);
    }
  });

  it('reads nothing where a quotation stands inside one sentence, or where a stray “ is left open', () => {
    expect(flagsOf('He said “we will go” on Monday. Then he left.').map(([, flag]) => flag)).toEqual([0, 0]);
    // A “ typed for a ”, the next paragraph opening with no quotation: nothing to keep whole.
    expect(flagsOf('He said “we will go. We will win,“ the minister added. Then he left.\n\nThe talks resume on Monday.').map(([, flag]) => flag)).toEqual([0, 0, 0, 0]);
  });

  it('reads a long quotation carried over paragraphs, each opening with “ and only the last closing, through each paragraph’s end', () => {
    expect(flagsOf('The statement said: “We will go. We will win.\n\n“We will stay. We will build,” he said. Then he left.')).toEqual([
      ['The statement said: “We will go.', ENDS_IN_QUOTE],
      ['We will win.', OPENS_IN_QUOTE],
      ['“We will stay.', ENDS_IN_QUOTE],
      ['We will build,” he said.', OPENS_IN_QUOTE],
      ['Then he left.', 0],
    ]);
  });

  it('reads a paragraph’s straight quotes only where each in turn opens before a word and closes after one', () => {
    expect(flagsOf('The minister said: "Talks resume on Monday. Both sides agreed." Union leaders were pleased.').map(([, flag]) => flag)).toEqual([ENDS_IN_QUOTE, OPENS_IN_QUOTE, 0]);
    // One left unpaired (three in the paragraph), or one that neither opens nor closes: none is read.
    expect(flagsOf('They called it "the win. It was a result. Moves were made." Then "the end.').map(([, flag]) => flag)).toEqual([0, 0, 0, 0]);
    expect(flagsOf('He said: "Talks resume. Both sides agreed." The 12"x8" frame stood.').map(([, flag]) => flag)).toEqual([0, 0, 0]);
  });
});
