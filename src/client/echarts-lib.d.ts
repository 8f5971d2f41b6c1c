/** ECharts part loaded on demand (registers itself with echarts/core when imported). */
declare module 'echarts/lib/component/tooltip';
