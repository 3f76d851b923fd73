package io.dealgraph.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.font.TextLayout;

/**
 * The few drawing operations the pictures need, so that the network is laid out once and drawn identically as
 * SVG (in the report, or alone) and as PNG through Java2D (no browser, no native library).
 */
interface Canvas {

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed, double opacity);

    void polygon(double[] xs, double[] ys, String fill);

    void circle(double x, double y, double r, String fill, String stroke, double strokeWidth);

    void rect(double x, double y, double w, double h, String fill, String stroke);

    /** Text with a white halo so it stays legible over lines; anchor is start, middle or end. */
    void text(double x, double y, String text, double size, String color, String anchor, boolean bold);

    /** A rough text width that both canvases honour for layout: DejaVu/Liberation Sans average. */
    static double width(String text, double size, boolean bold) {
        return text.length() * size * (bold ? 0.62 : 0.57);
    }

    /** SVG elements appended to a builder; the caller writes the {@code <svg>} element around them. */
    final class Svg implements Canvas {
        final StringBuilder b = new StringBuilder(1 << 14);

        @Override
        public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed, double opacity) {
            b.append(String.format(java.util.Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.2f\"%s%s/>%n",
                    x1, y1, x2, y2, color, width, dashed ? " stroke-dasharray=\"5 4\"" : "",
                    opacity < 1 ? String.format(java.util.Locale.ROOT, " stroke-opacity=\"%.2f\"", opacity) : ""));
        }

        @Override
        public void polygon(double[] xs, double[] ys, String fill) {
            b.append("<polygon points=\"");
            for (int i = 0; i < xs.length; i++) {
                b.append(String.format(java.util.Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], ys[i]));
            }
            b.append("\" fill=\"").append(fill).append("\"/>\n");
        }

        @Override
        public void circle(double x, double y, double r, String fill, String stroke, double strokeWidth) {
            b.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                    x, y, r, fill, stroke, strokeWidth));
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, String stroke) {
            b.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n",
                    x, y, w, h, fill, stroke));
        }

        @Override
        public void text(double x, double y, String text, double size, String color, String anchor, boolean bold) {
            b.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" fill=\"%s\" text-anchor=\"%s\"%s stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">%s</text>%n",
                    x, y, size, color, anchor, bold ? " font-weight=\"bold\"" : "", Html.escape(text)));
        }

        /** A complete SVG document (or inline element) of the given size around what was drawn. */
        String document(double width, double height, String title) {
            return String.format(java.util.Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                            + "font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\" role=\"img\">%n<title>%s</title>%n"
                            + "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n%s</svg>%n",
                    width, height, width, height, Html.escape(title), b);
        }
    }

    /** Java2D onto an image, antialiased, with the same fonts the SVG asks for. */
    final class Png implements Canvas {
        final BufferedImage image;
        final Graphics2D g;

        Png(int width, int height, double scale) {
            image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
        }

        static Color color(String hex, double opacity) {
            Color c = Color.decode(hex);
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * opacity));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed, double opacity) {
            g.setColor(color(color, opacity));
            g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{5f, 4f}, 0f)
                    : new BasicStroke((float) width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polygon(double[] xs, double[] ys, String fill) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                p.lineTo(xs[i], ys[i]);
            }
            p.closePath();
            g.setColor(color(fill, 1));
            g.fill(p);
        }

        @Override
        public void circle(double x, double y, double r, String fill, String stroke, double strokeWidth) {
            Ellipse2D.Double e = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            g.setColor(color(fill, 1));
            g.fill(e);
            g.setColor(color(stroke, 1));
            g.setStroke(new BasicStroke((float) strokeWidth));
            g.draw(e);
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, String stroke) {
            Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
            g.setColor(color(fill, 1));
            g.fill(r);
            g.setColor(color(stroke, 1));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }

        @Override
        public void text(double x, double y, String text, double size, String color, String anchor, boolean bold) {
            if (text.isEmpty()) {
                return;
            }
            Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
            FontMetrics m = g.getFontMetrics(font);
            double w = m.stringWidth(text);
            double left = switch (anchor) {
                case "middle" -> x - w / 2;
                case "end" -> x - w;
                default -> x;
            };
            TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
            java.awt.Shape outline = layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(left, y));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
            g.setColor(color(color, 1));
            g.fill(outline);
        }
    }
}
