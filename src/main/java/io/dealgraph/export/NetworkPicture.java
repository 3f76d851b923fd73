package io.dealgraph.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The subgraph as a picture: its entities as circles coloured as in {@code cypher/dealgraph.grass} (companies
 * blue, clouds orange, chips teal), money as arrows whose width grows with the amount (investments blue, spend
 * commitments red, labelled with the sum), and OPERATES, MAKES and USES as thin grey dashes. Deals, claims and
 * documents are in the report's table, not here: drawn as nodes they would bury the entities.
 *
 * <p>The layout is a force-directed one (Fruchterman-Reingold) from a fixed start with a fixed number of
 * steps, then nodes with their labels pushed apart until no two overlap: the same subgraph always gives the
 * same picture. Subgraphs without entities (a query for documents, say) are drawn with all their nodes.
 */
final class NetworkPicture {

    static final int MAX_NODES = 150;
    static final double LABEL_SIZE = 12;
    static final double TOP = 44;

    static final Map<String, String[]> STYLE = Map.of(
            "Company", new String[]{"#4C8EDA", "#2870C2"},
            "Cloud", new String[]{"#F79767", "#F36924"},
            "Chip", new String[]{"#57C7E3", "#23B3D7"},
            "SpendCommitment", new String[]{"#F16667", "#EB2728"},
            "Deal", new String[]{"#C990C0", "#B261A5"},
            "Document", new String[]{"#D9C8AE", "#C0A378"},
            "Claim", new String[]{"#ECB5C9", "#DA7298"});
    static final String[] OTHER = {"#A5ABB6", "#9AA1AC"};
    static final String INVESTS = "#2870C2";
    static final String SPEND = "#EB2728";
    static final String GREY = "#8C929D";

    static final class Dot {
        final GraphNode node;
        final String label;
        final double r;
        final String fill;
        final String stroke;
        final boolean center;
        double x;
        double y;
        int degree;

        Dot(GraphNode node, boolean center) {
            this.node = node;
            this.center = center;
            String caption = node.caption();
            this.label = caption.length() > 28 ? caption.substring(0, 27) + "…" : caption;
            String[] style = style(node);
            this.fill = style[0];
            this.stroke = style[1];
            double base = node.is("Company") ? 20 : node.is("Cloud") ? 18 : node.is("Chip") ? 15 : 12;
            this.r = center ? base + 6 : base;
        }

        /** Half-width and height of the node with its label under it, for overlap removal. */
        double halfWidth() {
            return Math.max(r, Canvas.width(label, LABEL_SIZE, center) / 2) + 6;
        }

        double top() {
            return y - r - 4;
        }

        double bottom() {
            return y + r + LABEL_SIZE + 8;
        }
    }

    record Arc(int from, int to, String type, Long amount, boolean undisclosed) {
        boolean money() {
            return type.equals("INVESTS_IN") || type.equals("COMMITS_SPEND_TO");
        }
    }

    final List<Dot> dots = new ArrayList<>();
    final List<Arc> arcs = new ArrayList<>();
    final String title;
    final int omitted;
    double width;
    double height;
    private double minAmount = Double.MAX_VALUE;
    private double maxAmount = 0;

    NetworkPicture(ReportModel model) {
        this.title = model.title();
        List<GraphNode> candidates = model.entities.isEmpty() ? model.nodes : model.entities;
        Map<String, Integer> degree = new HashMap<>();
        for (GraphRelationship r : model.relationships) {
            degree.merge(r.source().key(), 1, Integer::sum);
            degree.merge(r.target().key(), 1, Integer::sum);
        }
        List<GraphNode> chosen = new ArrayList<>(candidates);
        // The most connected first (the center always), so that a cut keeps the heart of the subgraph.
        chosen.sort(Comparator.comparing((GraphNode n) -> n != model.center)
                .thenComparing(n -> -degree.getOrDefault(n.key(), 0)).thenComparing(GraphNode::key));
        omitted = Math.max(0, chosen.size() - MAX_NODES);
        chosen = chosen.subList(0, Math.min(MAX_NODES, chosen.size()));
        Map<String, Integer> index = new HashMap<>();
        for (GraphNode n : chosen) {
            index.put(n.key(), dots.size());
            dots.add(new Dot(n, n == model.center));
        }
        arcs(model, index);
        arcs.forEach(a -> {
            dots.get(a.from).degree++;
            dots.get(a.to).degree++;
        });
        layout();
    }

    /**
     * Money arrows sum the selected top-level deals of a pair (so a time window shows the window's money); a pair
     * whose deals are not in the subgraph keeps its direct edge's total. Other edges as they are.
     */
    private void arcs(ReportModel model, Map<String, Integer> index) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (ReportModel.Deal d : model.deals) {
            if (d.parentKey() != null || d.investor() == null || d.target() == null) {
                continue;
            }
            String type = d.spend() ? "COMMITS_SPEND_TO" : "INVESTS_IN";
            long[] s = sums.computeIfAbsent(d.investor().key() + "\n" + type + "\n" + d.target().key(), k -> new long[3]);
            if (d.amountUsd() != null) {
                s[0] += d.amountUsd();
                s[1]++;
            } else {
                s[2]++;
            }
        }
        Map<String, Arc> byPair = new LinkedHashMap<>();
        sums.forEach((k, s) -> {
            String[] p = k.split("\n");
            Integer from = index.get(p[0]);
            Integer to = index.get(p[2]);
            if (from != null && to != null) {
                byPair.put(k, new Arc(from, to, p[1], s[1] > 0 ? s[0] : null, s[2] > 0 && s[1] == 0));
            }
        });
        for (GraphRelationship r : model.relationships) {
            Integer from = index.get(r.source().key());
            Integer to = index.get(r.target().key());
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            String k = r.source().key() + "\n" + r.type() + "\n" + r.target().key();
            if (byPair.containsKey(k)) {
                continue;
            }
            Long total = r.properties().get("totalUsd") instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
            boolean money = r.type().equals("INVESTS_IN") || r.type().equals("COMMITS_SPEND_TO");
            byPair.put(k, new Arc(from, to, r.type(), money ? total : null, money && total == null));
        }
        arcs.addAll(byPair.values());
        for (Arc a : arcs) {
            if (a.amount() != null) {
                minAmount = Math.min(minAmount, a.amount());
                maxAmount = Math.max(maxAmount, a.amount());
            }
        }
    }

    static String[] style(GraphNode n) {
        for (String label : List.of("Company", "Cloud", "Chip", "SpendCommitment", "Deal", "Document", "Claim")) {
            if (n.is(label)) {
                return STYLE.get(label);
            }
        }
        return OTHER;
    }

    private void layout() {
        int n = dots.size();
        double side = Math.max(520, 150 * Math.sqrt(Math.max(n, 1)));
        double w = side * 1.5;
        double h = side;
        double cx = w / 2;
        double cy = h / 2;
        // A sunflower spiral, best connected nodes in the middle: a spread-out, repeatable start.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> !dots.get(i).center).thenComparing(i -> -dots.get(i).degree)
                .thenComparing(i -> dots.get(i).node.key()));
        for (int rank = 0; rank < n; rank++) {
            Dot d = dots.get(order.get(rank));
            double radius = side * 0.42 * Math.sqrt((rank + 0.5) / n);
            double angle = rank * 2.399963;
            d.x = cx + radius * 1.5 * Math.cos(angle);
            d.y = cy + radius * Math.sin(angle);
        }
        double k = Math.sqrt(w * h / Math.max(n, 1)) * 0.8;
        int steps = 500;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int step = 0; step < steps; step++) {
            double t = (w / 10) * (1 - (double) step / steps) + 0.5;
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            for (int i = 0; i < n; i++) {
                Dot a = dots.get(i);
                for (int j = i + 1; j < n; j++) {
                    Dot b = dots.get(j);
                    double ex = a.x - b.x;
                    double ey = a.y - b.y;
                    double dist = Math.max(1, Math.hypot(ex, ey));
                    double f = k * k / dist;
                    dx[i] += ex / dist * f;
                    dy[i] += ey / dist * f;
                    dx[j] -= ex / dist * f;
                    dy[j] -= ey / dist * f;
                }
            }
            for (Arc arc : arcs) {
                Dot a = dots.get(arc.from);
                Dot b = dots.get(arc.to);
                double ex = a.x - b.x;
                double ey = a.y - b.y;
                double dist = Math.max(1, Math.hypot(ex, ey));
                double f = dist * dist / k;
                dx[arc.from] -= ex / dist * f;
                dy[arc.from] -= ey / dist * f;
                dx[arc.to] += ex / dist * f;
                dy[arc.to] += ey / dist * f;
            }
            for (int i = 0; i < n; i++) {
                Dot d = dots.get(i);
                // A little gravity keeps separate components on the page.
                dx[i] -= (d.x - cx) * 0.05;
                dy[i] -= (d.y - cy) * 0.08;
                double len = Math.hypot(dx[i], dy[i]);
                if (len > 0) {
                    d.x += dx[i] / len * Math.min(len, t);
                    d.y += dy[i] / len * Math.min(len, t);
                }
            }
        }
        separate();
        fit();
    }

    /** Pushes nodes (with their labels) apart until no two boxes overlap, along the axis that needs less. */
    private void separate() {
        for (int round = 0; round < 300; round++) {
            boolean moved = false;
            for (int i = 0; i < dots.size(); i++) {
                for (int j = i + 1; j < dots.size(); j++) {
                    Dot a = dots.get(i);
                    Dot b = dots.get(j);
                    double ox = a.halfWidth() + b.halfWidth() - Math.abs(a.x - b.x);
                    double oy = Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top());
                    if (ox > 0 && oy > 0) {
                        moved = true;
                        if (ox < oy) {
                            double s = (a.x < b.x || (a.x == b.x && i < j) ? -1 : 1) * (ox / 2 + 0.5);
                            a.x += s;
                            b.x -= s;
                        } else {
                            double s = (a.y < b.y || (a.y == b.y && i < j) ? -1 : 1) * (oy / 2 + 0.5);
                            a.y += s;
                            b.y -= s;
                        }
                    }
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    /** Moves the drawing to the page's origin, leaving room for the title and legend. */
    private void fit() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Dot d : dots) {
            minX = Math.min(minX, d.x - d.halfWidth());
            maxX = Math.max(maxX, d.x + d.halfWidth());
            minY = Math.min(minY, d.top());
            maxY = Math.max(maxY, d.bottom());
        }
        if (dots.isEmpty()) {
            minX = minY = 0;
            maxX = 400;
            maxY = 200;
        }
        double margin = 24;
        double legend = 206;
        for (Dot d : dots) {
            d.x += margin + legend - minX;
            d.y += margin + TOP - minY;
        }
        width = Math.max(maxX - minX + 2 * margin + legend, 760);
        height = Math.max(maxY - minY + 2 * margin + TOP, 330);
    }

    double strokeWidth(Arc a) {
        if (!a.money()) {
            return 1.3;
        }
        if (a.amount() == null) {
            return 1.6;
        }
        if (maxAmount <= minAmount) {
            return 5;
        }
        double share = (Math.log(a.amount()) - Math.log(minAmount)) / (Math.log(maxAmount) - Math.log(minAmount));
        return 2 + 9 * share;
    }

    void draw(Canvas c) {
        c.text(16, 28, title, 17, "#222222", "start", true);
        String counts = dots.size() + " entities" + (omitted > 0 ? " (the " + MAX_NODES + " best connected of "
                + (dots.size() + omitted) + ")" : "");
        c.text(width - 16, 28, counts, 12, "#666666", "end", false);
        for (Arc a : arcs) {
            Dot from = dots.get(a.from);
            Dot to = dots.get(a.to);
            double ex = to.x - from.x;
            double ey = to.y - from.y;
            double len = Math.max(1, Math.hypot(ex, ey));
            double ux = ex / len;
            double uy = ey / len;
            double w = strokeWidth(a);
            String color = a.type().equals("INVESTS_IN") ? INVESTS : a.type().equals("COMMITS_SPEND_TO") ? SPEND : GREY;
            double head = a.money() ? 8 + w : 7;
            // Two arrows in opposite directions (Amazon invests in Anthropic, Anthropic commits spend to Amazon)
            // each move to their own right, so neither hides the other.
            double shift = hasReverse(a) ? 4 + w / 2 : 0;
            double sx = -uy * shift;
            double sy = ux * shift;
            double x1 = from.x + ux * (from.r + 2) + sx;
            double y1 = from.y + uy * (from.r + 2) + sy;
            double x2 = to.x - ux * (to.r + 2) + sx;
            double y2 = to.y - uy * (to.r + 2) + sy;
            c.line(x1, y1, x2 - ux * head * 0.8, y2 - uy * head * 0.8, color, w, !a.money() || a.undisclosed(), a.money() ? 0.8 : 0.9);
            double bx = x2 - ux * head;
            double by = y2 - uy * head;
            double half = Math.max(4, w * 0.9 + 2);
            c.polygon(new double[]{x2, bx - uy * half, bx + uy * half}, new double[]{y2, by + ux * half, by - ux * half}, color);
        }
        for (Arc a : arcs) {
            if (a.money()) {
                Dot from = dots.get(a.from);
                Dot to = dots.get(a.to);
                String text = a.amount() != null ? ReportModel.money(a.amount()) : "undisclosed";
                double len = Math.max(1, Math.hypot(to.x - from.x, to.y - from.y));
                double shift = hasReverse(a) ? 14 + strokeWidth(a) : 0;
                double mx = (from.x + to.x) / 2 - (to.y - from.y) / len * shift;
                double my = (from.y + to.y) / 2 + (to.x - from.x) / len * shift;
                String color = a.type().equals("INVESTS_IN") ? INVESTS : SPEND;
                c.text(mx, my + 4, text, 11, color, "middle", true);
            }
        }
        for (Dot d : dots) {
            if (d.center) {
                c.circle(d.x, d.y, d.r + 5, "#ffffff", d.stroke, 2);
            }
            c.circle(d.x, d.y, d.r, d.fill, d.stroke, 2);
            c.text(d.x, d.y + d.r + LABEL_SIZE + 2, d.label, LABEL_SIZE, "#222222", "middle", d.center);
        }
        legend(c);
    }

    private boolean hasReverse(Arc a) {
        return arcs.stream().anyMatch(b -> b.from == a.to && b.to == a.from);
    }

    private void legend(Canvas c) {
        double x = 14;
        double y = TOP + 8;
        c.rect(x, y, 184, 176, "#fafafa", "#dddddd");
        double row = y + 22;
        for (String label : List.of("Company", "Cloud", "Chip")) {
            String[] s = STYLE.get(label);
            c.circle(x + 20, row - 4, 8, s[0], s[1], 1.5);
            c.text(x + 36, row, label, 12, "#333333", "start", false);
            row += 22;
        }
        c.line(x + 10, row - 4, x + 30, row - 4, INVESTS, 4, false, 0.8);
        c.text(x + 36, row, "invests in", 12, "#333333", "start", false);
        row += 22;
        c.line(x + 10, row - 4, x + 30, row - 4, SPEND, 4, false, 0.8);
        c.text(x + 36, row, "commits spend to", 12, "#333333", "start", false);
        row += 22;
        c.line(x + 10, row - 4, x + 30, row - 4, GREY, 1.3, true, 0.9);
        c.text(x + 36, row, "operates, makes, uses", 12, "#333333", "start", false);
        row += 22;
        c.text(x + 10, row, "width grows with amount", 11, "#666666", "start", false);
    }

    String svg() {
        Canvas.Svg svg = new Canvas.Svg();
        draw(svg);
        return svg.document(width, height, title);
    }

    byte[] png() {
        Canvas.Png png = new Canvas.Png((int) Math.ceil(width), (int) Math.ceil(height), 2);
        draw(png);
        png.g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(png.image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
