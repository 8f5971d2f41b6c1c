/** Build-time helpers for pages: one route per language ([...lang]: zh at the root, en under /en/). */
import type { Lang } from '../i18n/index.ts';

export interface LangProps {
  lang: Lang;
}

export function langPaths(): { params: { lang: string | undefined }; props: LangProps }[] {
  return [
    { params: { lang: undefined }, props: { lang: 'zh' } },
    { params: { lang: 'en' }, props: { lang: 'en' } },
  ];
}

/** Cross a list of per-page params with both languages. */
export function withLangs<P extends Record<string, string>, X extends object>(
  pages: { params: P; props: X }[],
): { params: P & { lang: string | undefined }; props: X & LangProps }[] {
  return langPaths().flatMap((l) => pages.map((p) => ({ params: { ...p.params, lang: l.params.lang }, props: { ...p.props, ...l.props } })));
}
