import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * The XML tokenizer every workbook part is read with: saxes, a conforming XML 1.0 parser
 * that streams, runs in Node and in browsers, and expands no DTD entities (no "billion
 * laughs"). What it does that a regular expression did not: CDATA sections are text,
 * comments and processing instructions are skipped, CR LF and lone CR in text become LF
 * (XML 1.0 §2.11), attribute values are normalized (§3.3.3), entities are decoded once.
 * Namespaces are not resolved (it halves the speed): callers compare qualified names built
 * from the root element's prefix, as the parts of one workbook keep one prefix.
 */

export type XmlTag = SaxesTagPlain;

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  /** Also called for a self-closing tag, right after `open`. */
  close?(tag: XmlTag): void;
  /** Character data, CDATA sections included; one text may arrive in several calls. */
  text?(text: string): void;
}

/** The part is not well-formed XML; the message names the part, never the tokenizer's internals. */
export class XmlError extends Error {}

export interface XmlTokenizer {
  write(text: string): void;
  close(): void;
}

export function xmlTokenizer(part: string, h: XmlHandlers): XmlTokenizer {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  if (h.open) p.on('opentag', h.open);
  if (h.close) p.on('closetag', h.close);
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  p.on('error', () => {
    throw new XmlError(`${part} is not well-formed XML`);
  });
  return {
    write: (text) => void p.write(text),
    close: () => void p.close(),
  };
}

/** Tokenizes a whole small part (workbook, relationships, styles). */
export function parseXml(part: string, xml: string, h: XmlHandlers): void {
  const t = xmlTokenizer(part, h);
  t.write(xml);
  t.close();
}

/** `x:row` → `row`. */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The root element's prefix with its colon (`x:`), or '' for the default namespace. */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/**
 * Spreadsheet text → the text Excel shows: OOXML's `_xHHHH_` escapes for characters XML
 * cannot carry (`_x000D_` is a carriage return; `_x005F_` escapes an underscore). XML
 * entities are already decoded by the tokenizer.
 */
export function ooxmlText(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}
