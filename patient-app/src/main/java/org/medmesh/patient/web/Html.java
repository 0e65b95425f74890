package org.medmesh.patient.web;

import java.util.List;

/** HTML of the pages: escaping and the one layout every page shares. */
final class Html {
    /** The id of every page's heading, which names the page's question for the fields that answer it. */
    static final String TITLE_ID = "page-title";

    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A whole page: {@code title} in the tab and as the heading, the navigation when unlocked (with the lock button,
     * which carries the session's form token), and {@code body}. {@code refreshToLock} seconds after loading, an idle
     * page goes to the lock screen by itself.
     */
    static String page(String title, boolean unlocked, String csrf, String body, long refreshToLock) {
        StringBuilder html = new StringBuilder(4_096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (unlocked && refreshToLock > 0) {
            html.append("<meta http-equiv=\"refresh\" content=\"").append(refreshToLock).append(";url=/\">");
        }
        html.append("<title>").append(escape(title)).append(" – MedMesh</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/medmesh.css\"></head><body>")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>")
                .append("<header class=\"header\"><span class=\"service\">MedMesh · your health records</span>");
        if (unlocked) {
            html.append("<nav aria-label=\"Main\"><ul>")
                    .append("<li><a href=\"/hospitals\">Hospitals</a></li>")
                    .append("<li><a href=\"/history\">Who saw my records</a></li>")
                    .append("<li><a href=\"/consents\">Your consents</a></li>")
                    .append("<li><a href=\"/records\">My records</a></li></ul>")
                    .append("<form method=\"post\" action=\"/lock\" class=\"lock\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrf)).append("\">")
                    .append("<button type=\"submit\" class=\"button secondary\">Lock</button></form></nav>");
        }
        html.append("</header><main id=\"main\" class=\"main\"><h1 id=\"" + TITLE_ID + "\">").append(escape(title))
                .append("</h1>")
                .append(body).append("</main></body></html>");
        return html.toString();
    }

    /** The text with its first letter in upper case: a sentence made of words from elsewhere. */
    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The error summary at the top of a page: each message links to its field. */
    static String errorSummary(List<String[]> fieldAndMessage) {
        if (fieldAndMessage.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">"
                + "<h2>There is a problem</h2><ul>");
        for (String[] error : fieldAndMessage) {
            html.append("<li><a href=\"#").append(escape(error[0])).append("\">").append(escape(error[1]))
                    .append("</a></li>");
        }
        return html.append("</ul></div>").toString();
    }
}
