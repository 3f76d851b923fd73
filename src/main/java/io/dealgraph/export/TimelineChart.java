package io.dealgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals over time per investor: x is the deal's date, y its amount in US dollars on a logarithmic scale (so a
 * $750M round and a $250B commitment are both readable), one colour per investor with its deals joined in date
 * order; circles are investments, squares spend commitments, each labelled with its amount and counterpart.
 * Tranches are left out (their parent deal is on the chart); undated and undisclosed deals are listed under it.
 */
final class TimelineChart {

    static final String[] PALETTE = {"#2870C2", "#E8743B", "#19A979", "#945ECF", "#13A4B4", "#BF399E", "#6C8893",
            "#D64545", "#2F6497", "#B5A300"};
    static final double W = 960;
    static final double H = 420;
    static final double LEFT = 70;
    static final double RIGHT = 190;
    static final double TOP = 20;
    static final double BOTTOM = 40;

    record Point(ReportModel.Deal deal, double year, double usd) {
    }

    final List<Point> points = new ArrayList<>();
    final List<ReportModel.Deal> offChart = new ArrayList<>();
    final Map<String, String> colours = new LinkedHashMap<>();

    TimelineChart(ReportModel model) {
        for (ReportModel.Deal d : model.deals) {
            if (d.parentKey() != null) {
                continue;
            }
            Double year = year(d.date());
            if (year == null || d.amountUsd() == null || d.amountUsd() <= 0) {
                offChart.add(d);
                continue;
            }
            points.add(new Point(d, year, d.amountUsd()));
            String investor = d.investor() == null ? "?" : d.investor().caption();
            colours.computeIfAbsent(investor, k -> PALETTE[colours.size() % PALETTE.length]);
        }
    }

    /** 2024-11-22 as 2024.89; a month or year alone sits in its middle. */
    static Double year(String date) {
        if (date == null || !Selection.DATE.matcher(date).matches()) {
            return null;
        }
        String[] p = date.split("-");
        double y = Integer.parseInt(p[0]);
        if (p.length == 1) {
            return y + 0.5;
        }
        double month = Integer.parseInt(p[1]) - 1;
        double day = p.length == 3 ? Integer.parseInt(p[2]) - 1 : 15;
        return y + (month + day / 31.0) / 12.0;
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    String svg() {
        Canvas.Svg c = new Canvas.Svg();
        double x0 = points.stream().mapToDouble(Point::year).min().orElse(2020);
        double x1 = points.stream().mapToDouble(Point::year).max().orElse(2021);
        double first = Math.floor(x0);
        double last = Math.max(Math.ceil(x1), first + 1);
        if (last - x1 < 0.15) {
            last += 1;
        }
        // Headroom above the largest and below the smallest amount, so no point or label sits on the frame.
        double lo = Math.floor(Math.log10(points.stream().mapToDouble(Point::usd).min().orElse(1e8)) - 0.2);
        double hi = Math.ceil(Math.log10(points.stream().mapToDouble(Point::usd).max().orElse(1e9)) + 0.2);
        if (hi <= lo) {
            hi = lo + 1;
        }
        final double fFirst = first;
        final double fLast = last;
        final double fLo = lo;
        final double fHi = hi;
        java.util.function.DoubleUnaryOperator px = y -> LEFT + (y - fFirst) / (fLast - fFirst) * (W - LEFT - RIGHT);
        java.util.function.DoubleUnaryOperator py = usd -> H - BOTTOM - (Math.log10(usd) - fLo) / (fHi - fLo) * (H - TOP - BOTTOM);
        // Axes and grid: a line per power of ten, a tick per year.
        for (double e = lo; e <= hi; e++) {
            double y = py.applyAsDouble(Math.pow(10, e));
            c.line(LEFT, y, W - RIGHT, y, "#e4e4e4", 1, false, 1);
            c.text(LEFT - 8, y + 4, ReportModel.money((long) Math.pow(10, e)), 11, "#555555", "end", false);
        }
        for (double yr = first; yr <= last; yr++) {
            double x = px.applyAsDouble(yr);
            c.line(x, TOP, x, H - BOTTOM, "#eeeeee", 1, false, 1);
            c.text(x, H - BOTTOM + 18, String.valueOf((int) yr), 11, "#555555", "middle", false);
        }
        c.line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "#888888", 1, false, 1);
        c.line(LEFT, TOP, LEFT, H - BOTTOM, "#888888", 1, false, 1);
        // Each investor's deals joined in date order.
        for (Map.Entry<String, String> inv : colours.entrySet()) {
            List<Point> mine = points.stream().filter(p -> investor(p).equals(inv.getKey()))
                    .sorted(java.util.Comparator.comparingDouble(Point::year)).toList();
            for (int i = 1; i < mine.size(); i++) {
                c.line(px.applyAsDouble(mine.get(i - 1).year()), py.applyAsDouble(mine.get(i - 1).usd()),
                        px.applyAsDouble(mine.get(i).year()), py.applyAsDouble(mine.get(i).usd()), inv.getValue(), 1.5, false, 0.6);
            }
        }
        List<double[]> taken = new ArrayList<>();
        for (Point p : points) {
            double x = px.applyAsDouble(p.year());
            double y = py.applyAsDouble(p.usd());
            String colour = colours.get(investor(p));
            if (p.deal().spend()) {
                c.rect(x - 6, y - 6, 12, 12, colour, "#ffffff");
            } else {
                c.circle(x, y, 6.5, colour, "#ffffff", 1.5);
            }
            taken.add(new double[]{x - 8, y - 8, x + 8, y + 8});
        }
        // Labels beside their points, on the first side that is free.
        for (Point p : points) {
            double x = px.applyAsDouble(p.year());
            double y = py.applyAsDouble(p.usd());
            String text = ReportModel.money(p.deal().amountUsd(), ReportModel.str(p.deal().node(), "qualifier"))
                    + " → " + (p.deal().target() == null ? "?" : p.deal().target().caption());
            double w = Canvas.width(text, 11, false);
            double[][] options = {{x + 10, y + 4, 0}, {x - 10, y + 4, 2}, {x, y - 12, 1}, {x, y + 20, 1},
                    {x + 10, y - 10, 0}, {x + 10, y + 18, 0}, {x - 10, y - 10, 2}, {x - 10, y + 18, 2}};
            double[] chosen = options[0];
            double[] box = null;
            for (double[] o : options) {
                double left = o[2] == 0 ? o[0] : o[2] == 1 ? o[0] - w / 2 : o[0] - w;
                double[] b = {left, o[1] - 11, left + w, o[1] + 3};
                if (b[0] >= LEFT + 2 && b[2] <= W - RIGHT + 16 && b[1] >= TOP && taken.stream().noneMatch(t -> overlaps(t, b))) {
                    chosen = o;
                    box = b;
                    break;
                }
            }
            if (box == null) {
                double left = chosen[0];
                box = new double[]{left, chosen[1] - 11, left + w, chosen[1] + 3};
            }
            taken.add(box);
            c.text(chosen[0], chosen[1], text, 11, "#333333", chosen[2] == 0 ? "start" : chosen[2] == 1 ? "middle" : "end", false);
        }
        // Legend: investors, then the two shapes.
        double lx = W - RIGHT + 24;
        double ly = TOP + 10;
        c.text(lx, ly, "Investor", 12, "#333333", "start", true);
        ly += 20;
        for (Map.Entry<String, String> inv : colours.entrySet()) {
            c.circle(lx + 6, ly - 4, 6, inv.getValue(), "#ffffff", 1);
            c.text(lx + 18, ly, inv.getKey(), 12, "#333333", "start", false);
            ly += 18;
        }
        ly += 10;
        c.circle(lx + 6, ly - 4, 6, "#999999", "#ffffff", 1);
        c.text(lx + 18, ly, "investment", 12, "#333333", "start", false);
        ly += 18;
        c.rect(lx, ly - 10, 12, 12, "#999999", "#ffffff");
        c.text(lx + 18, ly, "spend commitment", 12, "#333333", "start", false);
        c.text(LEFT - 55, TOP - 6, "US dollars (log scale)", 11, "#555555", "start", false);
        return c.document(W, H, "Deals over time per investor");
    }

    private static String investor(Point p) {
        return p.deal().investor() == null ? "?" : p.deal().investor().caption();
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
}
