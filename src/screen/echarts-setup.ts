/** Only the parts of ECharts the wall draws, so the bundle stays small enough for a slow lobby PC. */
import { EffectScatterChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, EffectScatterChart, LineChart, MapChart, GridComponent, GeoComponent, LegendComponent, VisualMapContinuousComponent, LabelLayout, CanvasRenderer, SVGRenderer]);

export { echarts };

/** The bundled font first (served by the hub: a kiosk without Chinese fonts draws the same), then the system's. */
export const WALL_FONT = '"Noto Sans SC", "Source Han Serif CN VF", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
