// WhatsApp's text formatting, parsed into a tree the preview renders (never as HTML):
// *bold*, _italic_, ~strikethrough~ and ```monospace```.
export type FormattedNode = string | { tag: "b" | "i" | "s" | "code"; children: FormattedNode[] };

const MARKUP = /```([\s\S]+?)```|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/;

export function formatWhatsApp(text: string): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  let rest = text;
  for (let match = MARKUP.exec(rest); match; match = MARKUP.exec(rest)) {
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    const [, mono, bold, italic, strike] = match;
    if (mono !== undefined) nodes.push({ tag: "code", children: [mono] });
    else if (bold !== undefined) nodes.push({ tag: "b", children: formatWhatsApp(bold) });
    else if (italic !== undefined) nodes.push({ tag: "i", children: formatWhatsApp(italic) });
    else nodes.push({ tag: "s", children: formatWhatsApp(strike!) });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) nodes.push(rest);
  return nodes;
}
