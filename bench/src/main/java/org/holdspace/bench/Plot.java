package org.holdspace.bench;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The picture: two log-log panels against offered load (messages/s), deliveries per second on the left and p99
 * latency on the right, one line per server. Plain SVG, no library.
 */
final class Plot {
  private static final int W = 460;
  private static final int H = 340;
  private static final int L = 70;
  private static final int R = 20;
  private static final int T = 40;
  private static final int B = 50;
  private static final Map<String, String> COLORS = Map.of(
      "holdspace", "#1b7837", "holdspace-pg", "#a6611a", "ws", "#2166ac", "socketio", "#b2182b", "prosody", "#7b3294");

  private Plot() {
  }

  static String svg(JsonObject report) {
    Map<String, List<JsonObject>> byServer = new LinkedHashMap<>();
    for (Object o : report.getJsonArray("runs")) {
      JsonObject r = (JsonObject) o;
      if (!r.containsKey("failed")) {
        byServer.computeIfAbsent(r.getString("server"), k -> new ArrayList<>()).add(r);
      }
    }
    byServer.values().forEach(l -> l.sort(Comparator.comparingDouble(r -> r.getDouble("offeredPerSecond"))));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"12\">%n", 2 * W, H + 50));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", 2 * W, H + 50));
    panel(svg, 0, "Deliveries per second", byServer, r -> r.getDouble("deliveredPerSecond"));
    panel(svg, W, "p99 latency (ms)", byServer, r -> r.getJsonObject("latencyMs").getDouble("p99"));
    int x = L;
    for (String server : byServer.keySet()) {
      String color = COLORS.getOrDefault(server, "#333333");
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, H + 18, color, x + 18, H + 24, server));
      x += 40 + 8 * server.length();
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s; %s</text>%n", L, H + 44,
        "x: offered messages/s", "hollow points: CPU shared by other processes"));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void panel(StringBuilder svg, int dx, String title, Map<String, List<JsonObject>> byServer,
                            Function<JsonObject, Double> y) {
    double[] xr = range(byServer, r -> r.getDouble("offeredPerSecond"));
    double[] yr = range(byServer, y);
    int pw = W - L - R;
    int ph = H - T - B;
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        dx + L, title));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
        + "stroke=\"#999\"/>%n", dx + L, T, pw, ph));
    for (double v : ticks(xr)) {
      double px = dx + L + pw * frac(v, xr);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, T, px, T + ph, px, T + ph + 16,
          label(v)));
    }
    for (double v : ticks(yr)) {
      double py = T + ph - ph * frac(v, yr);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", dx + L, py, dx + L + pw, py, dx + L - 6,
          py + 4, label(v)));
    }
    for (Map.Entry<String, List<JsonObject>> e : byServer.entrySet()) {
      String color = COLORS.getOrDefault(e.getKey(), "#333333");
      StringBuilder points = new StringBuilder();
      for (JsonObject r : e.getValue()) {
        Double v = y.apply(r);
        if (v == null || v <= 0) {
          continue;
        }
        double px = dx + L + pw * frac(r.getDouble("offeredPerSecond"), xr);
        double py = T + ph - ph * frac(v, yr);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        boolean shared = r.getBoolean("contended", false);
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\">"
                + "<title>%s C=%d r=%s: %s</title></circle>%n", px, py, shared ? "white" : color, color, e.getKey(),
            r.getInteger("clients"), Report.num(r.getDouble("rate")), Report.num(v)));
      }
      svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
          + "stroke-width=\"2\"/>%n", points.toString().trim(), color));
    }
  }

  private static double[] range(Map<String, List<JsonObject>> byServer, Function<JsonObject, Double> f) {
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (List<JsonObject> runs : byServer.values()) {
      for (JsonObject r : runs) {
        Double v = f.apply(r);
        if (v != null && v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi == 0) {
      return new double[] {0, 1};
    }
    double a = Math.floor(Math.log10(lo));
    double b = Math.ceil(Math.log10(hi));
    return new double[] {a, b == a ? a + 1 : b};
  }

  private static double frac(double v, double[] r) {
    return (Math.log10(v) - r[0]) / (r[1] - r[0]);
  }

  private static List<Double> ticks(double[] r) {
    List<Double> out = new ArrayList<>();
    for (int e = (int) r[0]; e <= (int) r[1]; e++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = m * Math.pow(10, e);
        if (Math.log10(v) <= r[1] + 1e-9 && (m == 1 || r[1] - r[0] <= 3)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private static String label(double v) {
    if (v >= 1_000_000) {
      return String.format(Locale.ROOT, "%.0fM", v / 1e6);
    }
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%.0fk", v / 1e3);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }
}
