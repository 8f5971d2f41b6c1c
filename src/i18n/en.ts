/** English UI strings: the same shape as zh.ts. Data keeps the reports' Chinese names. */
import type { Dictionary } from './zh.ts';

export const en: Dictionary = {
  lang: 'en',
  htmlLang: 'en',
  siteName: 'Government Information Disclosure Reports',
  tagline: 'Requests, answers, reconsiderations and lawsuits from Chinese government bodies’ annual disclosure reports, comparable by region, level, sector and year.',
  nav: { overview: 'Overview', compare: 'Compare', regions: 'Regions', quality: 'Data quality', about: 'About & downloads', language: '中文' },
  skip: 'Skip to content',
  source: 'Source: agencies’ annual government information disclosure reports (self-reported)',
  footer: 'Figures are self-reported by each agency and read as printed; anything uncertain is flagged.',
  state: { loading: 'Loading data…', empty: 'No reports match these filters.', error: 'Could not load the data: ', ignored: 'These URL parameters were not understood and were ignored: ' },
  levels: { central: 'Central', province: 'Provincial', prefecture: 'Prefecture', county: 'County', township: 'Township' },
  kinds: { government: 'People’s government / subdistrict office', department: 'Government department' },
  groupBy: { none: 'No grouping', province: 'Province', city: 'City', level: 'Level', kind: 'Kind', sector: 'Sector', agency: 'Agency' },
  families: { volume: 'Application volumes', outcomes: 'Outcomes', review: 'Reconsideration and litigation', traffic: 'Website and new media' },
  units: { count: 'count', share: '%', per100: 'per 100' },
  unknown: 'Not stated',
  all: 'All',
  mix: { outcome_mix: 'Outcome mix', review_mix: 'Reconsideration outcomes' },
  parts: {
    granted: 'Granted', partly_granted: 'Granted in part',
    refused_state_secret: 'Refused: state secret', refused_law_prohibited: 'Refused: prohibited by law', refused_three_safeties: 'Refused: “three safeties, one stability”',
    refused_third_party: 'Refused: third-party rights', refused_internal: 'Refused: internal affairs', refused_process: 'Refused: process information',
    refused_enforcement_file: 'Refused: enforcement file', refused_query: 'Refused: administrative query',
    unable_not_held: 'Unable: not held', unable_needs_creation: 'Unable: would need creating', unable_unclear: 'Unable: still unclear',
    not_processed_complaint: 'Not processed: petition/complaint', not_processed_repeat: 'Not processed: repeat request', not_processed_publication: 'Not processed: publication',
    not_processed_excessive: 'Not processed: excessive requests', not_processed_confirm: 'Not processed: asks to confirm/reissue',
    other: 'Other handling (total)', upheld: 'Upheld', corrected: 'Corrected', pending: 'Pending',
  },
  column: { group: 'Group', year: 'Year', part: 'Category', count: 'Count', reports: 'Reports counted', missing: 'Reports missing a figure' },
  notes: {
    topGroups: (shown, total) => `Showing the ${shown} groups with most reports (of ${total}); narrow the filters to see others.`,
    summedYears: (from, to) => `Each group sums ${from}–${to}.`,
    templates: 'The 2019 template has one “other handling” row where the 2021 template has three: across templates only the “other handling” total is compared.',
    missing: (n) => `${n} reports lack a figure this needs and are not counted.`,
  },
  describe: {
    empty: 'No data.',
    summary: (title, series, categories, first, last) => `Chart: ${title}. ${series} series over ${categories} categories, from ${first} to ${last}.`,
    extremes: (high, low) => `Highest: ${high}; lowest: ${low}.`,
  },
  filters: {
    legend: 'Filters', measure: 'Measure', groupBy: 'Group by', province: 'Province', city: 'City', county: 'County', level: 'Level', kind: 'Kind',
    sector: 'Sector', from: 'From year', to: 'To year', any: 'All', reset: 'Reset',
  },
  actions: {
    table: 'Table', showTable: 'Show data table', hideTable: 'Hide data table', csv: (n) => `Download CSV (${n} rows)`, png: 'Download PNG', svg: 'Download SVG',
    embed: 'Embed', embedHelp: 'Paste this code into a web page to embed the chart (optionally with the script that adjusts its height).', copy: 'Copy', copied: 'Copied',
    openFull: 'View on the data site',
  },
  overview: {
    title: 'Overview', points: 'pts', latest: (y) => `${y}`, change: (prev) => `vs ${prev}`, reports: 'reports',
    headline: {
      applications_received: 'Applications received', granted_share: 'Granted in full', partly_granted_share: 'Granted in part',
      review_rate: 'Reconsiderations per 100 answered', review_correction_rate: 'Reconsideration correction rate', litigation_rate: 'Lawsuits per 100 answered',
    },
    trends: 'Trends', extremes: 'Agencies at either end', top: 'Highest', bottom: 'Lowest', noData: 'The dataset has no reports yet.',
    exploreLink: 'Explore more on the Compare page',
  },
  compare: { title: 'Compare', intro: 'Pick a measure, group by region, level, kind, sector or agency, and compare across years.' },
  regions: { title: 'Regions', intro: 'Each square is a province, placed roughly where it lies, coloured by the chosen measure (not a boundary map).', measure: 'Measure', year: 'Year', provinces: 'Provinces', noData: 'No data', province: (p) => p, byCity: 'Cities', agencies: 'Agencies' },
  quality: { title: 'Data quality', intro: 'These reports’ figures break their own accounting rules, or needed a note when read. Their numbers are kept as printed.', failed: 'Failed checks', diagnostics: 'Reading notes', notUsed: 'Files not used', none: 'No problems found.', truncated: (shown, total) => `${total} reports have problems; the ${shown} worst are listed here, all of them in the CSV download (columns checks_failed_rules_en, diagnostics_en).`, agency: 'Agency', year: 'Year', problems: 'Problems',
    reasons: { empty: 'empty file', too_large: 'too large', binary: 'not a readable kind of file', unsupported: 'unsupported format', unreadable: 'unreadable', not_a_report: 'not an annual report', parse_error: 'parse error', duplicate: 'duplicate of another file' } },
  agency: {
    year: 'Year', template: 'Template', published: 'Published', source: 'Source file', checks: 'Checks', diagnostics: 'Reading notes', metrics: 'Figures from the text',
    sentence: 'Sentence', approximate: 'approximate', proactive: 'II. Proactive disclosure', applications: 'III. Applications received and handled', review: 'IV. Administrative reconsideration and litigation',
    peers: 'Among peers of the same level and sector', peerNote: (n) => `${n} reports of the same level and sector in the same year (this one included).`, p25: '25th pct', p50: 'Median', p75: '75th pct', value: 'This agency',
    ok: 'passed', failed: 'failed', none: 'None', reviewGroups: { review: 'Reconsideration', litigation_direct: 'Litigation (direct)', litigation_after_review: 'Litigation (after reconsideration)' },
    notFound: 'No report for this agency.', error: 'This file is not a usable report: ',
  },
  about: {
    title: 'About & downloads', measures: 'Measures', measure: 'Measure', definition: 'Definition', downloads: 'Download the whole dataset', all: 'All years',
    dictionary: 'Data dictionary', column: 'Column', label: 'Label', description: 'Description',
    mixDefinitions: {
      outcome_mix: 'each outcome row’s total / answered (total_processed.total); “other handling” as the total of its rows (one row in the 2019 template)',
      review_mix: 'each reconsideration outcome (upheld, corrected, other, pending) / reconsiderations in total',
    },
    aggregation: 'When reports are summed, only reports giving every figure a measure needs are counted (numerator and denominator from the same reports); the number left out is noted under the chart.',
    body: [
      'Every Chinese government body publishes an annual report on government information disclosure with the same standard tables: applications, their outcomes, administrative reconsiderations and lawsuits. This site reads each report into one record and keeps the report’s own numbers.',
      'Whether a report comes as a web page, PDF or Word file, its text is extracted and its tables are read by the template’s rows and columns; figures in the prose (website visits, followers) are kept with the sentence they came from. A cell the report does not give is empty, never a guessed 0; inferred values (such as a dropped zero) are listed as reading notes.',
      'Caveats: the figures are self-reported. The 2019 and 2021 templates differ: “other handling” went from one row to three, and section II (proactive disclosure) has different columns; across templates only the comparable part is compared. A rate whose denominator is 0 or unknown is empty, not 0.',
      'How to cite: Government Information Disclosure Reports dataset, compiled from agencies’ annual reports; give the URL and the date you downloaded it.',
    ],
  },
  embed: { viewOn: 'See the full chart on the data site' },
  // charts
  charts: {
    noData: 'No data',
    applicantShort: { natural: 'People', commercial: 'Firms', research: 'Res.', social: 'NGOs', legal: 'Legal', other: 'Other', total: 'Total' },
  },
};
