// The compare chart: one line per municipality over the years, the national figure as a dashed
// reference line, targets as markers; drawn with uPlot from /compare/data.json.
import uPlot from '/assets/uPlot.esm.js';

const holder = document.getElementById('chart');
const COLOURS = ['#1b6ca8', '#c0392b', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#2c3e50', '#b7950b', '#7f8c8d', '#e84393'];

if (holder) {
  const data = await (await fetch(holder.dataset.src)).json();
  const unit = data.unit === 'percent' ? ' %' : data.unit === 'percentage_points' ? ' pp' : '';
  const series = [{ label: 'År', value: (_, v) => (v == null ? '' : String(v)) }];
  const columns = [data.years];
  data.series.forEach((s, i) => {
    const stroke = COLOURS[i % COLOURS.length];
    series.push({ label: s.municipality, stroke, width: 2, spanGaps: true, points: { show: true, size: 6 }, value: (_, v) => (v == null ? '–' : `${v}${unit}`) });
    columns.push(s.values);
  });
  series.push({ label: 'Landstal', stroke: '#000', width: 1.5, dash: [6, 4], spanGaps: true, points: { show: false } });
  columns.push(data.national);
  data.series.forEach((s, i) => {
    if (s.targets.every((t) => t == null)) return;
    const stroke = COLOURS[i % COLOURS.length];
    series.push({ label: `Mål ${s.municipality}`, stroke, paths: () => null, points: { show: true, size: 11, width: 2, fill: '#fff', stroke } });
    columns.push(s.targets);
  });
  const plot = new uPlot(
    {
      width: Math.min(960, holder.clientWidth || 960),
      height: 380,
      scales: { x: { time: false } },
      axes: [{ values: (_, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }, { label: holder.dataset.label }],
      series,
    },
    columns,
    holder,
  );
  holder.dataset.municipalities = String(data.series.length);
  holder.dataset.drawn = 'true';
  window.minutesChart = plot;
}
