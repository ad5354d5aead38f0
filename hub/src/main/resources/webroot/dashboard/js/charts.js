// One time-series chart per channel, drawn by uPlot (from its WebJar), fed from the telemetry API
// and appended to from the live stream. The figure's data-points attribute tells how many points
// the chart holds.

import uPlot from "/dashboard/vendor/uplot.js";
import { el } from "./dom.js";
import { reading } from "./format.js";

const HEIGHT = 180;

export class ChannelChart {
  /**
   * @param chart {channel, label, unit, description} from the profile's charts
   * @param windowMs how much history the chart keeps as points are appended
   */
  constructor(chart, windowMs) {
    this.chart = chart;
    this.windowMs = windowMs;
    this.times = [];
    this.values = [];
    this.latest = el("span", { class: "latest" }, "—");
    this.plotBox = el("div", {
      class: "plot",
      role: "img",
      "aria-label": `${chart.label} over the last hour`,
    });
    const title = chart.unit ? `${chart.label} (${chart.unit})` : chart.label;
    this.figure = el(
      "figure",
      { class: "chart", dataset: { channel: chart.channel, points: "0" } },
      el("figcaption", { title: chart.description || null }, el("span", {}, title), this.latest),
      this.plotBox,
    );
    this.plot = null;
  }

  /** Draws the chart; call once the figure is in the document (it sizes to its box). */
  start() {
    const style = getComputedStyle(this.figure);
    const line = style.getPropertyValue("--chart-line").trim() || "#b4461b";
    const grid = style.getPropertyValue("--chart-grid").trim() || "rgba(0,0,0,0.08)";
    const text = style.getPropertyValue("color") || "#1d1f21";
    const axis = { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } };
    const format = (u, v) => reading(v, { unit: this.chart.unit });
    this.plot = new uPlot(
      {
        width: this.width(),
        height: HEIGHT,
        scales: { x: { time: true } },
        series: [{}, { label: this.chart.label, stroke: line, width: 2, value: format }],
        axes: [axis, { ...axis, size: 56 }],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
      },
      this.data(),
      this.plotBox,
    );
    new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: HEIGHT })).observe(
      this.plotBox,
    );
  }

  width() {
    return Math.max(200, Math.floor(this.plotBox.clientWidth || 300));
  }

  data() {
    return [this.times.map((t) => t / 1000), this.values];
  }

  /**
   * Replaces the points with a series from the API (raw {t, v} or minute {t, avg}), keeping any
   * newer point that arrived live while it was being read.
   */
  load(points) {
    const merged = new Map();
    for (const p of points) {
      const v = p.v ?? p.avg;
      if (Number.isFinite(p.t) && Number.isFinite(v)) {
        merged.set(p.t, v);
      }
    }
    const loadedUntil = points.length ? points[points.length - 1].t : -Infinity;
    this.times.forEach((t, i) => {
      if (t > loadedUntil) {
        merged.set(t, this.values[i]);
      }
    });
    const times = [...merged.keys()].sort((a, b) => a - b);
    this.times = times;
    this.values = times.map((t) => merged.get(t));
    this.redraw();
  }

  /** Adds a live point; older or repeated times are ignored. */
  append(t, v) {
    if (!Number.isFinite(t) || !Number.isFinite(v)) {
      return;
    }
    const last = this.times.length ? this.times[this.times.length - 1] : -Infinity;
    if (t <= last) {
      return;
    }
    this.times.push(t);
    this.values.push(v);
    const cutoff = t - this.windowMs;
    let drop = 0;
    while (drop < this.times.length && this.times[drop] < cutoff) {
      drop++;
    }
    if (drop > 0) {
      this.times.splice(0, drop);
      this.values.splice(0, drop);
    }
    this.redraw();
  }

  redraw() {
    this.figure.dataset.points = String(this.times.length);
    const latest = this.values.length ? this.values[this.values.length - 1] : null;
    this.latest.textContent = reading(latest, { unit: this.chart.unit });
    this.plot?.setData(this.data());
  }
}
