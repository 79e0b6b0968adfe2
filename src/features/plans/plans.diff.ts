/**
 * Word-level differences between two versions of a plan, for people to read. Pure.
 *
 * Words and punctuation marks are compared, not the spaces between them: a change of line breaks alone is not a
 * change anyone needs told about. The parts read as the newer text ("equal" and "added" give
 * it back exactly, spaces and all); "removed" parts carry the older text's words.
 * Written here rather than taken from a package: one small function with property tests
 * (plans.diff.test.ts) covers what the comparison page needs (docs/adr/0005-plan-documents.md).
 */
import { SECTION_KEYS, SECTIONS, type SectionKey } from '../ehc/ehc.codes.js';

export type DiffOp = 'equal' | 'added' | 'removed';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Above this many cells the middle of two very different texts is shown as removed then added
 * whole, rather than spending memory on a finer comparison nobody could follow anyway.
 */
export const MAX_CELLS = 4_000_000;

/** A word (letters and digits, joined by apostrophes or hyphens) or one other mark, and the spaces after it. */
const WORD = /([\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\S)(\s*)/gu;

interface Token {
  word: string;
  /** The word with the spaces that follow it, as written. */
  text: string;
}

function tokens(text: string): { lead: string; words: Token[] } {
  const lead = /^\s*/.exec(text)![0];
  const words = [...text.slice(lead.length).matchAll(WORD)].map((m) => ({ word: m[1]!, text: m[0] }));
  return { lead, words };
}

/** The edit script over the words of a and b: longest common subsequence, removals first. */
function script(a: readonly Token[], b: readonly Token[]): { op: DiffOp; token: Token }[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.word === b[start]!.word) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.word === b[endB - 1]!.word) {
    endA--;
    endB--;
  }
  const out: { op: DiffOp; token: Token }[] = [];
  for (let i = 0; i < start; i++) out.push({ op: 'equal', token: b[i]! });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) out.push({ op: 'removed', token: a[i]! });
    for (let j = start; j < endB; j++) out.push({ op: 'added', token: b[j]! });
  } else if (n > 0 || m > 0) {
    // lcs[i][j]: the longest common subsequence of a[start+i..] and b[start+j..]. With
    // n*m <= MAX_CELLS the shorter side is at most 2,000 words, so 16 bits hold any length.
    const w = m + 1;
    const lcs = new Uint16Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a[start + i]!.word === b[start + j]!.word
          ? lcs[(i + 1) * w + j + 1]! + 1
          : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i]!.word === b[start + j]!.word) {
        out.push({ op: 'equal', token: b[start + j]! });
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        out.push({ op: 'removed', token: a[start + i]! });
        i++;
      } else {
        out.push({ op: 'added', token: b[start + j]! });
        j++;
      }
    }
  }
  for (let j = endB; j < b.length; j++) out.push({ op: 'equal', token: b[j]! });
  return out;
}

/** The differences between two texts, word by word, with neighbouring parts of a kind joined. */
export function diffWords(from: string, to: string): DiffPart[] {
  const a = tokens(from);
  const b = tokens(to);
  const parts: DiffPart[] = b.lead ? [{ op: 'equal', text: b.lead }] : [];
  for (const { op, token } of script(a.words, b.words)) {
    const last = parts.at(-1);
    if (last && last.op === op) last.text += token.text;
    else parts.push({ op, text: token.text });
  }
  return parts;
}

export type SectionStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface SectionComparison {
  key: SectionKey;
  label: string;
  status: SectionStatus;
  /** The text with its changes marked; for an unchanged section, the text as it stands. */
  parts: DiffPart[];
}

/** Each section A to K, in order, with how it changed from one version to the next. */
export function compareSections(from: Readonly<Record<string, string>>, to: Readonly<Record<string, string>>): SectionComparison[] {
  return SECTION_KEYS.map((key) => {
    const before = from[key]?.trim() ?? '';
    const after = to[key]?.trim() ?? '';
    const status: SectionStatus = before === after ? 'unchanged' : !before ? 'added' : !after ? 'removed' : 'changed';
    const parts: DiffPart[] = status === 'unchanged'
      ? (after ? [{ op: 'equal', text: after }] : [])
      : status === 'added' ? [{ op: 'added', text: after }]
      : status === 'removed' ? [{ op: 'removed', text: before }]
      : diffWords(before, after);
    return { key, label: SECTIONS[key], status, parts };
  });
}
