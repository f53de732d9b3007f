package io.github.natsjetstream.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.github.natsjetstream.benchmarks.Report.Scale;
import io.github.natsjetstream.benchmarks.Report.ScalePoint;
import org.jspecify.annotations.Nullable;

/**
 * Draws the scale case as an SVG image: one small chart per figure (restart time, idle
 * CPU, idle allocation, idle requests, platform threads, heap per handler, and the busy
 * handler's throughput and latency against the application without idle ones) against the
 * number of handlers on a logarithmic axis, platform threads and virtual threads as two
 * lines, the target as a red line where it has one. Hand-written SVG, no library.
 */
final class ScaleChart {

	private static final int PANEL_WIDTH = 330;

	private static final int PANEL_HEIGHT = 230;

	private static final int COLUMNS = 3;

	private static final int LEFT = 58;

	private static final int RIGHT = 14;

	private static final int TOP = 34;

	private static final int BOTTOM = 40;

	private static final String PLATFORM_COLOUR = "#1f77b4";

	private static final String VIRTUAL_COLOUR = "#ff7f0e";

	private ScaleChart() {
	}

	private record Panel(String title, ToDoubleFunction<ScalePoint> value, @Nullable Double target) {
	}

	static String svg(Scale scale) {
		List<Panel> panels = List.of(new Panel("Unchanged restart (s)", (p) -> p.startMillis() / 1000, 3.0),
				new Panel("Idle CPU (% of a core)", (p) -> p.idleCpu() * 100, 1.0),
				new Panel("Idle allocation (KiB/s)", (p) -> p.idleAllocatedBytesPerSecond() / 1024, null),
				new Panel("Idle API requests per second", ScalePoint::idleRequestsPerSecondTotal, null),
				new Panel("Live platform threads", ScalePoint::threads, null),
				new Panel("Heap per handler (KiB)", (p) -> p.heapPerHandlerBytes() / 1024, 10.0),
				new Panel("Busy handler msg/s (× 0 idle)", (p) -> busy(p, Report.ScaleBusy::perSecondRatio),
						0.95),
				new Panel("Busy p50 latency (× 0 idle)", (p) -> busy(p, Report.ScaleBusy::p50Ratio),
						null),
				new Panel("Busy p99 latency (× 0 idle)", (p) -> busy(p, Report.ScaleBusy::p99Ratio),
						null));
		List<ScalePoint> points = scale.points().stream().filter((p) -> p.handlers() > 0).toList();
		int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
		int width = COLUMNS * PANEL_WIDTH;
		int height = rows * PANEL_HEIGHT + 30;
		StringBuilder svg = new StringBuilder();
		svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
				+ "font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
		svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
		legend(svg, width);
		for (int i = 0; i < panels.size(); i++) {
			int x = (i % COLUMNS) * PANEL_WIDTH;
			int y = 30 + (i / COLUMNS) * PANEL_HEIGHT;
			panel(svg, panels.get(i), points, x, y);
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static double busy(ScalePoint point, ToDoubleFunction<Report.ScaleBusy> figure) {
		return (point.busy() != null) ? figure.applyAsDouble(point.busy()) : Double.NaN;
	}

	private static void legend(StringBuilder svg, int width) {
		int x = width / 2 - 170;
		svg.append(format("<line x1=\"%d\" y1=\"15\" x2=\"%d\" y2=\"15\" stroke=\"%s\" stroke-width=\"2\"/>%n", x,
				x + 24, PLATFORM_COLOUR));
		svg.append(format("<text x=\"%d\" y=\"19\">platform threads</text>%n", x + 30));
		svg.append(format("<line x1=\"%d\" y1=\"15\" x2=\"%d\" y2=\"15\" stroke=\"%s\" stroke-width=\"2\" "
				+ "stroke-dasharray=\"6,3\"/>%n", x + 130, x + 154, VIRTUAL_COLOUR));
		svg.append(format("<text x=\"%d\" y=\"19\">virtual threads</text>%n", x + 160));
		svg.append(format("<line x1=\"%d\" y1=\"15\" x2=\"%d\" y2=\"15\" stroke=\"#d62728\" stroke-width=\"1\" "
				+ "stroke-dasharray=\"2,2\"/>%n", x + 255, x + 279));
		svg.append(format("<text x=\"%d\" y=\"19\">target</text>%n", x + 285));
	}

	private static void panel(StringBuilder svg, Panel panel, List<ScalePoint> points, int x, int y) {
		int plotLeft = x + LEFT;
		int plotRight = x + PANEL_WIDTH - RIGHT;
		int plotTop = y + TOP;
		int plotBottom = y + PANEL_HEIGHT - BOTTOM;
		svg.append(format("<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\">%s</text>%n", plotLeft,
				y + 18, panel.title()));
		List<Integer> counts = points.stream().map(ScalePoint::handlers).distinct().sorted().toList();
		if (counts.isEmpty()) {
			return;
		}
		double minLog = Math.log10(counts.get(0));
		double maxLog = Math.log10(counts.get(counts.size() - 1));
		if (maxLog - minLog < 1e-9) {
			minLog -= 0.5;
			maxLog += 0.5;
		}
		double max = points.stream().mapToDouble(panel.value()).filter((v) -> !Double.isNaN(v)).max().orElse(1);
		if (panel.target() != null) {
			max = Math.max(max, panel.target());
		}
		double top = niceCeiling(max * 1.1);
		// Axes and grid.
		for (int i = 0; i <= 4; i++) {
			double value = top * i / 4;
			double gy = plotBottom - (plotBottom - plotTop) * i / 4.0;
			svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n", plotLeft, gy,
					plotRight, gy));
			svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", plotLeft - 5, gy + 4,
					label(value)));
		}
		svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", plotLeft, plotBottom,
				plotRight, plotBottom));
		svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", plotLeft, plotTop,
				plotLeft, plotBottom));
		for (int count : counts) {
			double cx = xOf(count, minLog, maxLog, plotLeft, plotRight);
			svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\"/>%n", cx, plotBottom, cx,
					plotBottom + 4));
			svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", cx, plotBottom + 16,
					count));
		}
		svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">handlers</text>%n",
				(plotLeft + plotRight) / 2, plotBottom + 32));
		if (panel.target() != null) {
			double ty = yOf(panel.target(), top, plotTop, plotBottom);
			svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" "
					+ "stroke-dasharray=\"2,2\"/>%n", plotLeft, ty, plotRight, ty));
		}
		series(svg, panel, points, false, PLATFORM_COLOUR, null, minLog, maxLog, top, plotLeft, plotRight, plotTop,
				plotBottom);
		series(svg, panel, points, true, VIRTUAL_COLOUR, "6,3", minLog, maxLog, top, plotLeft, plotRight, plotTop,
				plotBottom);
	}

	private static void series(StringBuilder svg, Panel panel, List<ScalePoint> points, boolean virtual,
			String colour, @Nullable String dash, double minLog, double maxLog, double top, int left, int right,
			int plotTop, int plotBottom) {
		List<ScalePoint> line = points.stream()
			.filter((p) -> p.virtualThreads() == virtual && !Double.isNaN(panel.value().applyAsDouble(p)))
			.sorted(java.util.Comparator.comparingInt(ScalePoint::handlers))
			.toList();
		if (line.isEmpty()) {
			return;
		}
		StringBuilder path = new StringBuilder();
		for (ScalePoint p : line) {
			path.append(path.isEmpty() ? "" : " ")
				.append(format("%.1f,%.1f", xOf(p.handlers(), minLog, maxLog, left, right),
						yOf(panel.value().applyAsDouble(p), top, plotTop, plotBottom)));
		}
		svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", path, colour,
				(dash != null) ? " stroke-dasharray=\"" + dash + "\"" : ""));
		for (ScalePoint p : line) {
			double value = panel.value().applyAsDouble(p);
			svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%,d handlers, %s: %s</title>"
					+ "</circle>%n", xOf(p.handlers(), minLog, maxLog, left, right), yOf(value, top, plotTop, plotBottom),
					colour, p.handlers(), virtual ? "virtual threads" : "platform threads", label(value)));
		}
	}

	private static double xOf(int handlers, double minLog, double maxLog, int left, int right) {
		double margin = 14;
		return left + margin + (right - left - 2 * margin) * (Math.log10(handlers) - minLog) / (maxLog - minLog);
	}

	private static double yOf(double value, double top, int plotTop, int plotBottom) {
		return plotBottom - (plotBottom - plotTop) * Math.max(0, Math.min(value, top)) / top;
	}

	private static double niceCeiling(double value) {
		if (!(value > 0)) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String label(double value) {
		if (value == 0) {
			return "0";
		}
		if (Math.abs(value) >= 100) {
			return format("%,.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return format("%.1f", value);
		}
		return format("%.2f", value);
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
