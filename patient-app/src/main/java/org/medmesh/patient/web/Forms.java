package org.medmesh.patient.web;

import java.net.URI;
import java.util.List;

/**
 * Form fields of the question pages: a fieldset with its legend as the hint, its error message next to it, and the
 * first input's id equal to the field's name, so the error summary's link lands on it.
 */
final class Forms {
    private Forms() {}

    /** One choice: the value sent, the label shown, an optional hint under it. */
    record Option(String value, String label, String hint) {}

    static String csrf(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(csrf) + "\">";
    }

    static String checkboxes(String name, String hint, List<Option> options, List<String> checked,
            List<String[]> errors) {
        return choices("checkbox", name, hint, options, checked, errors);
    }

    static String radios(String name, String hint, List<Option> options, String checked, List<String[]> errors) {
        return choices("radio", name, hint, options, checked == null ? List.of() : List.of(checked), errors);
    }

    private static String choices(String type, String name, String hint, List<Option> options, List<String> checked,
            List<String[]> errors) {
        String error = message(name, errors);
        StringBuilder html = new StringBuilder("<div class=\"field").append(error == null ? "" : " error")
                .append("\"><fieldset aria-labelledby=\"").append(Html.TITLE_ID).append(" ").append(name)
                .append("-legend\"").append(error == null ? "" : " aria-describedby=\"" + name + "-error\"")
                .append("><legend class=\"hint\" id=\"").append(name).append("-legend\">").append(Html.escape(hint))
                .append("</legend>");
        if (error != null) {
            html.append("<p class=\"error-message\" id=\"").append(name).append("-error\">").append(Html.escape(error))
                    .append("</p>");
        }
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            String id = i == 0 ? name : name + "-" + (i + 1);
            html.append("<div class=\"choice\"><input type=\"").append(type).append("\" id=\"").append(id)
                    .append("\" name=\"").append(name).append("\" value=\"").append(Html.escape(option.value()))
                    .append("\"").append(checked.contains(option.value()) ? " checked" : "").append("><label for=\"")
                    .append(id).append("\">").append(Html.escape(option.label())).append("</label>");
            if (option.hint() != null) {
                html.append("<p class=\"hint\">").append(Html.escape(option.hint())).append("</p>");
            }
            html.append("</div>");
        }
        return html.append("</fieldset></div>").toString();
    }

    static String text(String name, String label, String hint, String value, List<String[]> errors) {
        String error = message(name, errors);
        return "<div class=\"field" + (error == null ? "" : " error") + "\"><label for=\"" + name + "\">"
                + Html.escape(label) + "</label><p class=\"hint\">" + Html.escape(hint) + "</p>"
                + (error == null ? "" : "<p class=\"error-message\" id=\"" + name + "-error\">" + Html.escape(error)
                        + "</p>")
                + "<input type=\"text\" id=\"" + name + "\" name=\"" + name + "\" value=\"" + Html.escape(value)
                + "\"" + (error == null ? "" : " aria-describedby=\"" + name + "-error\"") + "></div>";
    }

    /** A date answer as shown: left open, or the day, month and year as kept or typed. */
    record DateAnswer(boolean open, String day, String month, String year) {}

    /**
     * A date that may be left open: a radio for "open" ({@code openLabel}) or "On a date", then day, month and year
     * boxes (the first one's id is {@code name-day}, where an error message links to).
     */
    static String date(String name, String legend, String openLabel, DateAnswer answer, List<String[]> errors) {
        String error = message(name + "-day", errors);
        String described = error == null ? "" : " aria-describedby=\"" + name + "-error\"";
        return "<div class=\"field" + (error == null ? "" : " error") + "\"><fieldset aria-labelledby=\""
                + Html.TITLE_ID + " " + name + "-legend\"" + described + "><legend id=\"" + name + "-legend\">"
                + Html.escape(legend) + "</legend>"
                + (error == null ? "" : "<p class=\"error-message\" id=\"" + name + "-error\">" + Html.escape(error)
                        + "</p>")
                + "<div class=\"choice\"><input type=\"radio\" id=\"" + name + "\" name=\"" + name + "\" value=\"open\""
                + (answer.open() ? " checked" : "") + "><label for=\"" + name + "\">" + Html.escape(openLabel)
                + "</label></div>"
                + "<div class=\"choice\"><input type=\"radio\" id=\"" + name + "-date\" name=\"" + name
                + "\" value=\"date\"" + (answer.open() ? "" : " checked") + "><label for=\"" + name + "-date\">"
                + "On a date</label></div>"
                + "<div class=\"date\"><p class=\"hint\" id=\"" + name + "-hint\">For example, 30 6 2027</p>"
                + box(name + "-day", "Day", answer.day(), 2, described)
                + box(name + "-month", "Month", answer.month(), 2, described)
                + box(name + "-year", "Year", answer.year(), 4, described)
                + "</div></fieldset></div>";
    }

    /**
     * A hospital's address as typed: an http(s) URL with a host.
     *
     * @throws IllegalArgumentException if it is not one
     */
    static URI webAddress(String text) {
        URI uri = URI.create(text == null ? "" : text.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("not a web address");
        }
        return uri;
    }

    private static String box(String id, String label, String value, int width, String described) {
        return "<div class=\"date-item\"><label for=\"" + id + "\">" + label + "</label><input type=\"text\" "
                + "inputmode=\"numeric\" class=\"width-" + width + "\" id=\"" + id + "\" name=\"" + id + "\" value=\""
                + Html.escape(value) + "\"" + described + "></div>";
    }

    private static String message(String field, List<String[]> errors) {
        return errors.stream().filter(e -> e[0].equals(field)).map(e -> e[1]).findFirst().orElse(null);
    }
}
