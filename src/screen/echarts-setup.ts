/** Only the parts of ECharts the wall draws, so the bundle stays small enough for a slow lobby PC. */
import { EffectScatterChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, EffectScatterChart, LineChart, GridComponent, LegendComponent, CanvasRenderer]);

export { echarts };

export const WALL_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
