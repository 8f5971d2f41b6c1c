/**
 * Blocks → a government portal page: site chrome (navigation, breadcrumbs, share buttons,
 * footer) around the report, tables with their merged cells as rowspan/colspan; or the same
 * report held in a script string (`var content = "…"`) that the page writes in when it runs. Pure.
 */
import type { Block } from './document.ts';
import type { Table } from './grid.ts';
import { APPLICANT_HEADERS_SPLIT } from './labels.ts';

/** Header texts a narrow column breaks, and where. */
const BREAKS = new Map<string, string[]>([
  ...APPLICANT_HEADERS_SPLIT.filter(([, second]) => second !== '').map(([first, second]): [string, string[]] => [first + second, [first, second]]),
  ['结果维持', ['结果', '维持']],
  ['结果纠正', ['结果', '纠正']],
  ['其他结果', ['其他', '结果']],
  ['尚未审结', ['尚未', '审结']],
  ['未经复议直接起诉', ['未经复议', '直接起诉']],
]);

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A cell's content as Word's "save as web page" writes it (and portals paste it): MsoNormal
 * paragraphs, the text cut into spans at a script change or mid-label, `&nbsp;` in an empty cell.
 */
function wordCellHtml(text: string): string {
  if (text === '') return '<p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US">&nbsp;<o:p></o:p></span></p>';
  const cut = text.length > 4 ? Math.ceil(text.length / 3) : text.length;
  const spans = [text.slice(0, cut), text.slice(cut)]
    .filter((part) => part !== '')
    .map((part) => (/^[\x00-\x7f]+$/.test(part) ? `<span lang="EN-US" style="font-size:10.5pt">${escape(part)}</span>` : `<span style="font-size:10.5pt;font-family:仿宋_GB2312">${escape(part)}</span>`));
  return `<p class="MsoNormal" align="center" style="text-align:center">${spans.join('')}<span lang="EN-US"><o:p></o:p></span></p>`;
}

/** `thead`: header rows in <thead>, which a browser repeats on every printed page the table crosses. */
function tableHtml(table: Table, thead: boolean, word: boolean, breaks: boolean): string {
  const rows = table.rows.map((row, r) => {
    const tag = r < table.headerRows && !word ? 'th' : 'td';
    const cells = row.map((cell) => {
      const span = `${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
      if (word) return `<td width="57" valign="center" style="border:solid windowtext 1.0pt"${span}>${wordCellHtml(cell.text)}</td>`;
      const text = breaks ? (BREAKS.get(cell.text) ?? [cell.text]).map(escape).join('<br/>') : escape(cell.text);
      return `<${tag}${span}><p style="text-align:center">${text}</p></${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const caption = table.caption ? `<p style="text-align:center"><strong>${escape(table.caption)}</strong></p>\n` : '';
  const sections = thead
    ? `<thead>\n${rows.slice(0, table.headerRows).join('\n')}\n</thead><tbody>\n${rows.slice(table.headerRows).join('\n')}\n</tbody>`
    : `<tbody>\n${rows.join('\n')}\n</tbody>`;
  return `${caption}<table border="1" cellspacing="0" cellpadding="0" width="100%">${sections}</table>`;
}

export function bodyHtml(blocks: Block[], thead = false, word = false, breaks = false): string {
  return blocks
    .map((block) => {
      if (block.kind === 'title') return `<h1 class="article-title">${block.lines.map(escape).join('<br/>')}</h1>`;
      if (block.kind === 'heading') return `<p style="text-indent:2em"><strong>${escape(block.text)}</strong></p>`;
      if (block.kind === 'para') return `<p style="text-indent:2em">${escape(block.text)}</p>`;
      return tableHtml(block.table, thead, word, breaks);
    })
    .join('\n');
}

export interface PageOptions {
  /** The document's <title>. */
  title: string;
  /** Name of the site the page is on, printed in its chrome. */
  site: string;
  /** The charset the page declares; `none`: no declaration (the server's header said it). */
  charset: 'gbk' | 'gb2312' | 'utf-8' | 'none';
  /** The report inside a script string instead of in the page. */
  inScript: boolean;
  /** Tables' header rows in <thead> (repeated on each printed page). */
  thead?: boolean;
  /** Tables as Word's HTML export writes them (MsoNormal paragraphs, spans, &nbsp;). */
  word?: boolean;
  /** Header cells broken with <br/> where a narrow column wraps them (`商业<br/>企业`). */
  breaks?: boolean;
  /** Large table text (padded cells), so a printed table runs over a page break. */
  largeTables?: boolean;
  /** Text a spammer injected into the page, hidden from view but not from a text extractor. */
  spam?: boolean;
  /** The article inside a one-cell layout table, as older portal templates place it. */
  layoutTable?: boolean;
}

/** Injected text in the shape seen on hacked portals: betting-site words, a year, figures. */
const SPAM =
  '<div style="position:absolute;left:-9999px">雷速体育 2019年欧洲杯 即时比分 365 体育投注 188 注册送 88 元 1 2 3 4 5 6 7</div>\n';

const NAV = ['首页', '政务公开', '政务服务', '互动交流', '走进本站', '长者专区', '无障碍浏览'];

/** A JavaScript string literal with quotes escaped and everything beyond ASCII as \u escapes. */
export function scriptString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/<\//g, '<\\/')
    .replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

export function pageHtml(blocks: Block[], options: PageOptions): string {
  const inner = bodyHtml(blocks, options.thead, options.word, options.breaks);
  const body = options.layoutTable
    ? `<table width="900" align="center" cellpadding="0" cellspacing="0"><tr><td class="bt_content">\n${inner}\n</td></tr></table>`
    : inner;
  const content = options.inScript
    ? `<div id="zoom"></div>\n<script type="text/javascript">\nvar content = ${scriptString(body)};\ndocument.getElementById("zoom").innerHTML = content;\n</script>`
    : `<div id="zoom" class="TRS_Editor">\n${body}\n</div>`;
  return `<!DOCTYPE html>
<html>
<head>
${options.charset === 'none' ? '' : `<meta http-equiv="Content-Type" content="text/html; charset=${options.charset}">\n`}${options.charset === 'none' || options.charset === 'gb2312' ? '' : `<meta charset="${options.charset}">\n`}<title>${escape(options.title)}</title>
<style>table{border-collapse:collapse}td,th{border:1px solid #000;font-size:${options.largeTables ? '18px;padding:10px 4px' : '12px'}}</style>
</head>
<body>
${options.spam ? SPAM : ''}<div class="header"><span>头部 ico</span><a href="#">${escape(options.site)}</a><span>网站支持IPv6</span></div>
<ul class="nav">${NAV.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul>
<div class="breadcrumb">您当前的位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政府信息公开年报</a></div>
<div class="article">
<div class="info">来源：${escape(options.site)}　浏览次数：<span id="hits">1024</span>　字号：[ 大 中 小 ]</div>
${content}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a>　【打印本页】【关闭窗口】</div>
</div>
<div class="footer"><p>主办单位：${escape(options.site)}　网站标识码：4419000001</p><p>粤ICP备05000000号　粤公网安备 44190002000001号</p><p>联系我们 | 网站地图 | 隐私声明</p></div>
</body>
</html>
`;
}
