/** The few DOM facts the HTML and Word readers need, over htmlparser2's tree. */
import { parseDocument } from 'htmlparser2';

/** A node of htmlparser2's tree, seen structurally (its own types live in a nested domhandler). */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: DomNode[];
}

export function parseHtml(html: string): DomNode {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as DomNode;
}

export function parseXml(xml: string): DomNode {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as DomNode;
}

export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function childElements(node: DomNode, name?: string): DomNode[] {
  return (node.children ?? []).filter((child) => isElement(child) && (name === undefined || child.name === name));
}

/** Depth-first search for elements by name, not descending into matches. */
export function findElements(node: DomNode, name: string): DomNode[] {
  const found: DomNode[] = [];
  for (const child of node.children ?? []) {
    if (!isElement(child)) continue;
    if (child.name === name) found.push(child);
    else found.push(...findElements(child, name));
  }
  return found;
}
