/**
 * A letter's text as blocks a page can show without any markup from the text itself:
 * paragraphs split at blank lines, lines kept, and a run of "- " lines as a list.
 */
export type LetterBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

export function letterBlocks(body: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    let para: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: 'paragraph', lines: para });
      if (list.length) blocks.push({ kind: 'list', items: list });
      para = [];
      list = [];
    };
    for (const line of lines) {
      if (/^[-•]\s+/.test(line)) {
        if (para.length) {
          blocks.push({ kind: 'paragraph', lines: para });
          para = [];
        }
        list.push(line.replace(/^[-•]\s+/, ''));
      } else {
        if (list.length) {
          blocks.push({ kind: 'list', items: list });
          list = [];
        }
        para.push(line);
      }
    }
    flush();
  }
  return blocks;
}
