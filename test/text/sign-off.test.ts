import { describe, expect, it } from 'vitest';
import { isContactLine, isCreditLine, isWriterLine, readsAsSignOff } from '../../src/text/sign-off.js';

describe('isWriterLine', () => {
  it.each([
    'The writer is a former ambassador to the US, UK and UN.',
    'The writer is Dawn’s correspondent in Delhi.',
    'The writer teaches sociology at a university.',
    'The writer, a former health minister, is a professor of health systems.',
    'The writer, a former health minister, teaches at a university.',
    'The author is a development professional and author of the book “Earthly Matters”.',
    'He can be reached at someone@example.org',
    'The writer is a former inspector-general of police.',
  ])('takes %j for a writer’s sign-off', (line) => {
    expect(isWriterLine(line)).toBe(true);
  });

  it.each([
    'The writer is director of a policy institute in the capital.',
    'The writer is director, Centre for Urban Studies, a university in the north.',
    'The writer is Senior Fellow at a policy institute.',
    'The writer is CEO and MD of a market research firm.',
    'The writer is retired chairman of a state engineering corporation',
    'The writer is member of staff.',
    'The author is development professional with a focus on climate.',
    'The writer is associated with a literary journal.',
    'The writers are associated with a centre for responsible business.',
    'The writers are members of a clean water forum.',
    'The writer was formerly the director of energy at a development bank.',
    'The writer represents the country on an international climate board.',
    'The writer has an MBA from two business schools',
    'The writer completed his doctorate in economics on a scholarship.',
    'The writer is former inspector general of Hazara Police.',
    'The writer is a former IG police. His memoir came out last year.',
    'She can be contacted at someone@example.org',
    'He tweets @someone',
    'She can be reached at WWW.EXAMPLE.ORG',
    'Reach out to him at www.example.org',
  ])('takes %j, an office with no article, a degree, a title of police or a cue, for a writer’s sign-off', (line) => {
    expect(isWriterLine(line)).toBe(true);
  });

  it.each([
    'The writer is expected to appear before the court again next week.',
    'The author of the bill, Senator Rabia Khan, said the assembly would vote on it.',
    'The writer was arrested at his home on Monday, police said.',
    'The writer is due to receive the award in March.',
    'Writers gathered at the festival.',
    'The writer was taken to hospital where he was pronounced dead, police said.',
    'The columnist was shot dead outside his home.',
    'The author has been missing since Monday.',
    'The writer is in police custody.',
    'The writer is a suspect in the case, the FIR says.',
    'The author, a former police officer, was arrested on Tuesday.',
    'The helpline can be reached at 1122 round the clock, the spokesman said.',
    'Citizens can also reach out at the district control room.',
    'For queries, email: info@nadra.gov.pk',
    'The authors can be contacted through the university.',
    'The writer is member of a banned outfit, police said.',
    'The writer is a suspect wanted by Hazara Police.',
    'The writers are expected to attend the festival.',
    'The writer is headed to the court in a van.',
    'The ministry’s crisis unit can be contacted at 051-1234567.',
  ])('does not take %j for one', (line) => {
    expect(isWriterLine(line)).toBe(false);
  });
});

describe('isContactLine', () => {
  it.each([
    'khurram.husain@gmail.com',
    'X: @khurramhusain',
    'www.fsaijazuddin.pk',
    'Email: a.b@example.com | X: @ab',
    'X: *@hidhussain*',
    'Twitter: _@someone_',
    'Email: someone@example.org.',
    'X*: @someone*',
    'X: [@someone][1]',
    'X: [@someone](https://x.com/someone)',
    'X: someone79',
    'Contact: a.writer@example.org, b.writer@example.org',
  ])('takes %j for a line of contacts', (line) => {
    expect(isContactLine(line)).toBe(true);
  });

  it.each(['https://x.com/someone/status/1899834123050779087', 'Follow the link for more.', '', 'The ministry’s site is www.example.gov.pk.', 'X: 2025', 'Email: none given here'])('does not take %j for one', (line) => {
    expect(isContactLine(line)).toBe(false);
  });

  it('reads a long line of addresses that is no contact line in one pass, not every way to cut it', () => {
    // Each address's dots may end it anywhere: read as a run of optional pieces, 30 of them took hours.
    expect(isContactLine(`${Array.from({ length: 30 }, (_, i) => `reader${i}@example.org.`).join(' ')} and so on`)).toBe(false);
    expect(isContactLine(`${Array.from({ length: 30 }, (_, i) => `r${i}@example.org`).join('.')} and so on`)).toBe(false);
    expect(isContactLine(Array.from({ length: 30 }, (_, i) => `reader${i}@example.org`).join(', '))).toBe(true);
  });
});

describe('readsAsSignOff', () => {
  it('takes a block of a writer’s line and contacts, or of contacts alone, and not a sentence that gives an address', () => {
    expect(readsAsSignOff('The writer is a lawyer.\nlawyer@example.org\n')).toBe(true);
    expect(readsAsSignOff('lawyer@example.org\nX: @lawyer\n')).toBe(true);
    expect(readsAsSignOff('Citizens can file complaints on the portal www.citizensportal.gov.pk, the ministry said.')).toBe(false);
  });
});

describe('isCreditLine', () => {
  it.each(['Additional reporting by Umar Bacha.', 'With input from APP', 'Additional input from AFP and Reuters.', 'Behram Baloch in Gwadar also contributed to this report.', 'Compiled by Sabrina Haider.'])('takes %j for a credit', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });

  it.each(['The inquiry drew input from all four provinces before it reported to the cabinet on Monday.', 'Reporting from the border has been restricted since March, the association said in a statement issued today.'])('does not take %j for one', (line) => {
    expect(isCreditLine(line)).toBe(false);
  });

  it('takes a credit of fifteen words, however it is spaced, and not one of sixteen', () => {
    const words = (count: number, space: string): string => `Reporting by${space}${Array.from({ length: count - 2 }, (_, i) => `Name${i}`).join(space)}`;
    for (const space of [' ', '\t', '\u00a0', ' \u2009 ']) {
      expect(isCreditLine(`  ${words(15, space)}  `)).toBe(true);
      expect(isCreditLine(`${words(16, space)}`)).toBe(false);
    }
    expect(isCreditLine(`Additional reporting by ${'a very long name '.repeat(40)}`)).toBe(false);
  });
});
