package io.dealgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals over time: x is the deal's date, y its amount in US dollars on a logarithmic scale (so a $750M round and a
 * $250B commitment are both readable), one colour per party that puts the money in, its deals joined in date order;
 * circles are investments, squares spend commitments, each labelled with its amount and counterpart, no label over
 * another or over a point. The legend names the parties by role: investors, and those committing spend.
 * Tranches are left out (their parent deal is on the chart); undated and undisclosed deals are listed under it.
 */
final class TimelineChart {

    static final String[] PALETTE = {"#2870C2", "#E8743B", "#19A979", "#945ECF", "#13A4B4", "#BF399E", "#6C8893",
            "#D64545", "#2F6497", "#B5A300"};
    static final double W = 960;
    static final double H = 420;
    static final double LEFT = 70;
    static final double RIGHT = 190;
    static final double TOP = 36;
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
            // the line segments joining an investor's deals are not avoided: labels have a white halo over them
        }
        // Labels beside their points, at the first free place: beside, above or below, then further up or down
        // with a thin leader line, inside the plot and clear of every point and every label placed before.
        double plotRight = W - RIGHT + 16;
        double plotBottom = H - BOTTOM - 2;
        for (Point p : points) {
            double x = px.applyAsDouble(p.year());
            double y = py.applyAsDouble(p.usd());
            String text = ReportModel.money(p.deal().amountUsd(), ReportModel.str(p.deal().node(), "qualifier"))
                    + " → " + (p.deal().target() == null ? "?" : p.deal().target().caption());
            double w = Canvas.width(text, LABEL_SIZE, false) + LABEL_PAD;
            double[] chosen = null;
            double[] box = null;
            for (double[] o : candidates(x, y)) {
                double left = o[2] == 0 ? o[0] : o[2] == 1 ? o[0] - w / 2 : o[0] - w;
                double[] b = {left, o[1] - LABEL_SIZE - 1, left + w, o[1] + 4};
                if (b[0] >= LEFT + 2 && b[2] <= plotRight && b[1] >= TOP && b[3] <= plotBottom
                        && taken.stream().noneMatch(t -> overlaps(t, b))) {
                    chosen = o;
                    box = b;
                    break;
                }
            }
            if (chosen == null) {
                // nowhere free in the plot: below the chart, in a row of its own
                chosen = new double[]{LEFT + 4, overflow, 0};
                box = new double[]{LEFT + 4, overflow - LABEL_SIZE - 1, LEFT + 4 + w, overflow + 4};
                overflow += LABEL_SIZE + 6;
                c.line(x, y, LEFT + 4, chosen[1] - LABEL_SIZE / 2, "#bbbbbb", 0.8, true, 1);
            } else if (Math.abs(chosen[1] - (y + 4)) > 20) {
                double ly = chosen[1] - LABEL_SIZE / 2 + 1;
                double lx = chosen[2] == 0 ? box[0] : chosen[2] == 2 ? box[2] : x;
                c.line(x, y, lx, ly, "#bbbbbb", 0.8, false, 1);
            }
            taken.add(box);
            labels.add(box);
            c.text(chosen[0], chosen[1], text, LABEL_SIZE, "#333333", chosen[2] == 0 ? "start" : chosen[2] == 1 ? "middle" : "end", false);
        }
        // Legend by role: those who invest, then those who commit spend (a party may be both).
        double lx = W - RIGHT + 24;
        double ly = TOP + 10;
        ly = legendGroup(c, lx, ly, "Investors", points.stream().filter(p -> !p.deal().spend()).map(TimelineChart::investor).distinct().toList());
        ly = legendGroup(c, lx, ly, "Committing spend", points.stream().filter(p -> p.deal().spend()).map(TimelineChart::investor).distinct().toList());
        ly += 6;
        c.circle(lx + 6, ly - 4, 6, "#999999", "#ffffff", 1);
        c.text(lx + 18, ly, "investment", 12, "#333333", "start", false);
        ly += 18;
        c.rect(lx, ly - 10, 12, 12, "#999999", "#ffffff");
        c.text(lx + 18, ly, "spend commitment", 12, "#333333", "start", false);
        c.text(LEFT - 55, TOP - 16, "US dollars (log scale)", 11, "#555555", "start", false);
        return c.document(W, Math.max(Math.max(H, ly + 12), overflow - LABEL_SIZE), "Deals over time: investments and spend commitments");
    }

    static final double LABEL_SIZE = 11;
    /** Room beyond the estimated text width, for fonts wider than the estimate and the white halo. */
    static final double LABEL_PAD = 8;

    /** Label boxes as laid out (x0, y0, x1, y1), in the order drawn. */
    final List<double[]> labels = new ArrayList<>();
    private double overflow = H + 8;

    /** Places for a label at (x, y): {x, baseline, anchor 0 start / 1 middle / 2 end}, nearest first. */
    private static List<double[]> candidates(double x, double y) {
        List<double[]> list = new ArrayList<>(List.of(new double[]{x + 10, y + 4, 0}, new double[]{x - 10, y + 4, 2},
                new double[]{x, y - 12, 1}, new double[]{x, y + 20, 1}));
        for (int step = 1; step <= 14; step++) {
            for (int sign : new int[]{-1, 1}) {
                double by = y + 4 + sign * step * (LABEL_SIZE + 4);
                list.add(new double[]{x + 10, by, 0});
                list.add(new double[]{x - 10, by, 2});
            }
        }
        return list;
    }

    private double legendGroup(Canvas c, double lx, double ly, String title, List<String> parties) {
        if (parties.isEmpty()) {
            return ly;
        }
        c.text(lx, ly, title, 12, "#333333", "start", true);
        ly += 20;
        double room = W - lx - 20;
        for (String party : parties) {
            String name = party;
            while (name.length() > 4 && Canvas.width(name, 12, false) > room) {
                name = name.substring(0, name.length() - 2) + "…";
            }
            c.circle(lx + 6, ly - 4, 6, colours.get(party), "#ffffff", 1);
            c.text(lx + 18, ly, name, 12, "#333333", "start", false);
            ly += 18;
        }
        return ly + 8;
    }

    private static String investor(Point p) {
        return p.deal().investor() == null ? "?" : p.deal().investor().caption();
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
}
