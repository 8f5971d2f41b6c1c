/**
 * The canonical name of an agency: the name as printed, completed. A whole place's report
 * (淮安市, 洪泽区, 厚街镇) is its government's (淮安市人民政府, 厚街镇人民政府, 新华街道办事处); a
 * short form is expanded from the table in abbreviations.ts (区发改局 → 区发展和改革局), and a bare
 * level word (市科委) is given the place the report names most (北京市科学技术委员会); a place name
 * one character away from exactly one real division (OCR: 沐阳县) is read as that division. Every
 * inference from the text (the place filled in, a misread place) comes with a diagnostic. Pure.
 */
import { abbreviationEnding } from './abbreviations.ts';
import { mostNamedPlace, nearestDivision, openingPlace } from './places.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** Names of a whole place: its government publishes the report. Zones (高新区) are not places. */
const WHOLE_PLACE = /^[\u4e00-\u9fa5]{1,30}?(省|市|县|区|旗|盟|自治州|镇|乡|街道|苏木)$/;
const ZONE = /(新区|开发区|园区|功能区|示范区|保税区|试验区|实验区|合作区|景区|度假区|经开区|高新区|港区|矿区|社区|片区|城区)$/;
/** What may stand before a short form: a place name, or nothing. */
const PLACE_BEFORE = /(^|省|市|县|区|旗|盟|州|镇|乡|街道)$/;

export function canonicalName(printed: string, text: string): { canonical: string; notes: Diagnostic[] } {
  const notes: Diagnostic[] = [];
  let name = printed.replace(/\s+/g, '');
  const prefix = /^(中共|中国共产党)/.exec(name)?.[0] ?? '';
  name = name.slice(prefix.length);

  const place = openingPlace(name);
  const near = place ? nearestDivision(place, text) : null;
  if (place && near) {
    notes.push(diagnostic('agency_place_misread', 'metadata', { printed: place, read: near.name, evidence: near.evidence ?? null }));
    name = near.name + name.slice(place.length);
  }

  if (WHOLE_PLACE.test(name) && !ZONE.test(name)) {
    return { canonical: prefix + name + (name.endsWith('街道') ? '办事处' : '人民政府'), notes };
  }

  const ending = abbreviationEnding(name);
  if (ending && PLACE_BEFORE.test(ending.place)) {
    let where = ending.place;
    if (where === '市' || where === '区' || where === '县') {
      const named = mostNamedPlace(text, where);
      if (named) {
        notes.push(diagnostic('agency_place_from_text', 'metadata', { printed: where + ending.entry.short, place: named }));
        where = named;
      } else {
        notes.push(diagnostic('agency_place_not_found', 'metadata', { printed: where + ending.entry.short }));
      }
    }
    name = where + (ending.entry.full ?? ending.entry.short);
  }
  return { canonical: prefix + name, notes };
}
