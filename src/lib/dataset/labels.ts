/**
 * Chinese and English labels of the prose metrics, for the CSV dictionary and the site. The
 * template's labels (rows, columns, groups, section 二 and 四) are in src/lib/template.ts.
 */
import type { MetricKey } from '../schema.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const METRIC_LABELS: Labels<MetricKey> = {
  website_visits: { zh: '网站访问量', en: 'Website visits' },
  website_posts: { zh: '网站发布信息数', en: 'Website posts' },
  wechat_posts: { zh: '微信公众号发布信息数', en: 'WeChat posts' },
  wechat_followers: { zh: '微信公众号关注人数', en: 'WeChat followers' },
  wechat_reads: { zh: '微信公众号阅读量', en: 'WeChat reads' },
  hotline_tickets: { zh: '热线工单数', en: 'Hotline tickets' },
  fees_charged_yuan: { zh: '收取信息处理费（元）', en: 'Information processing fees charged (yuan)' },
};
