/** Registers the series of the compare, overview and embed charts (the tile map registers its own). */
import { use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';

use([BarChart, LineChart]);
