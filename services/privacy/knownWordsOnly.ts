/**
 * The last line of redaction: what the rules in redact.ts did not recognise as personal may still be (a name nothing
 * introduced, a licence plate, an unusual address). So the stored question keeps only the words the product's own
 * texts use, with the masks the rules put; every other word becomes "…". Editors still see what was asked about
 * ("… lost my residence permit, how do I …"); what identifies the person is, by its nature, not in the knowledge
 * base. Short numbers (110, 3, 2024 is not short) stay, so service numbers and counts read as typed.
 */

import { segmenterFor } from '../language/analyze.js';
import type { Lang } from '../languages.js';

const MASK = /(\[[a-z-]+\])/;
const SHORT_NUMBER = /^\d{1,3}$/;
const DROPPED = '…';


/** The words of a text as the filter sees them: Intl.Segmenter's word-like segments, in lower case. */
export function wordsOf(text: string, lang: Lang): string[] {
  return [...segmenterFor(lang).segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment.toLowerCase());
}

export function keepKnownWords(text: string, lang: Lang, isKnown: (word: string) => boolean): string {
  return text
    .split(MASK)
    .map((chunk) => {
      if (MASK.test(chunk)) return chunk;
      let kept = '';
      for (const { segment, isWordLike } of segmenterFor(lang).segment(chunk)) {
        if (!isWordLike || SHORT_NUMBER.test(segment) || isKnown(segment.toLowerCase())) kept += segment;
        else if (!kept.endsWith(DROPPED)) kept += DROPPED;
      }
      return kept;
    })
    .join('')
    .replace(/…(\s*…)+/g, DROPPED);
}
