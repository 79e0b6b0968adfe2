/**
 * A small well-formedness check for the SVG our charts make (tests use it; no XML parser is a
 * dependency): every tag closed in order, attributes quoted, no stray `<` or `&` in text.
 * Returns the first problem, or null.
 */
export function checkWellFormed(xml: string): string | null {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#\d+);)/g;
  let last = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const text = xml.slice(last, m.index);
    if (/[<>]/.test(text) && stack.length) return `unexpected character in text before offset ${m.index}`;
    last = token.lastIndex;
    if (m[0] === '<') return `a "<" that opens no well-formed tag at offset ${m.index}`;
    if (m[0].startsWith('&')) return `an unescaped "&" at offset ${m.index}`;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}>`;
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length) return `<${stack.at(-1)}> is never closed`;
  return null;
}
