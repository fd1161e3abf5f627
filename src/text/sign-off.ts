/**
 * A writer's sign-off under an opinion piece: who the writer is ("The writer is a former
 * ambassador …", "The writer teaches …", "The writer, a former minister, …") and how to reach them
 * (an e-mail or web address, an @handle, "X: @name" on a line of its own, or after a cue: "He can
 * be reached at …"). Found on `../shared/news`, where columnists' sign-offs were blocks linking
 * unrelated op-eds, or stayed under each. A news sentence that only mentions a writer or an address
 * ("The writer is expected to appear in court", "The author of the bill said …", "… on the portal
 * www.example.gov.pk, the ministry said.") is none.
 */

/** Most words of a writer's sign-off. */
export const WRITER_SIGN_OFF_WORDS = 40;

// "The writer is/was …" but not a participle or a plan ("is expected to", "is due", "was set to").
const WRITER =
  /^\s*the (?:writer|author|columnist|reviewer)s?(?:,\s+(?:an?|the|former|also)\s|\s+(?:is|was|has been|had been)\s+(?!\w+ed\b|due\b|set\b|likely\b|to\b|not\b|being\b|going\b|said\b|expected\b)\S|\s+(?:teaches|taught|heads|works|writes|tweets|lives|can be)\b)/iu;
// An address alone: an e-mail, an @handle, or a site's home (not a link to a page: an embedded post stays).
const CONTACT_LINE = /^(?:\s*(?:(?:e-?mail|x|twitter|instagram|facebook|web(?:site)?)\s*:\s*)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,}|(?:https?:\/\/)?www\.[\w-]+(?:\.[\w-]+)+\/?)[\s,;|/]*)+$/iu;
const CONTACT_CUE = /\b(?:can be reached at|reach (?:out to )?(?:him|her|them|out) at|e-?mail(?: address)?:|follow (?:him|her|them) on)\s/iu;

/** True for a line of contacts alone: "khurram.husain@gmail.com", "X: @khurramhusain", "www.example.pk". */
export function isContactLine(line: string): boolean {
  return line.trim() !== '' && CONTACT_LINE.test(line);
}

/** True for a paragraph that says who the writer is, or gives a contact after a cue. */
export function isWriterLine(text: string): boolean {
  return WRITER.test(text) || CONTACT_CUE.test(text);
}

/** True when `text`, a block's wording of a line or a few, reads as a writer's sign-off. */
export function readsAsSignOff(text: string): boolean {
  return isWriterLine(text) || text.split(/\r?\n|\r/).some(isContactLine);
}
