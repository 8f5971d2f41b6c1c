import { describe, expect, it } from 'vitest';
import { xmlProblems } from './xml.ts';

describe('xmlProblems (the SVG check)', () => {
  it('accepts well-formed XML', () => {
    expect(xmlProblems(`<svg a="1" b='x "y"'><style><![CDATA[a<b]]></style><text>a &amp; b &#39;</text><g/></svg>`)).toEqual([]);
  });
  it.each([
    ['a double quote inside a double-quoted attribute', `<svg><text style="font-family:system-ui, "WenQuanYi Micro Hei"">x</text></svg>`],
    ['a bare &', '<svg><text>a & b</text></svg>'],
    ['a raw < in an attribute', '<svg a="<"></svg>'],
    ['an unclosed element', '<svg><g></svg>'],
    ['two roots', '<svg></svg><svg></svg>'],
  ])('rejects %s', (_what, xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });
});
