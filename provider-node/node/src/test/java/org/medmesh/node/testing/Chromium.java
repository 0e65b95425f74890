package org.medmesh.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven over the W3C WebDriver protocol
 * by plain HTTP: one browser per test class. {@link #available()} says whether this machine has both.
 */
public final class Chromium implements AutoCloseable {
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String session;

    public static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A browser window of {@code width}×{@code height} CSS pixels. */
    public static Chromium start(int width, int height) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new Chromium(driver, "http://127.0.0.1:" + port, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chromium(Process driver, String base, int width, int height) {
        this.driver = driver;
        this.base = base;
        awaitDriver();
        ObjectNode options = LedgerNode.JSON.createObjectNode().put("binary", BROWSER.toString());
        options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-gpu")
                .add("--disable-dev-shm-usage").add("--window-size=" + width + "," + height);
        ObjectNode capabilities = LedgerNode.JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        this.session = call("POST", "/session", capabilities).path("sessionId").asText();
    }

    public void open(String url) {
        call("POST", "/session/" + session + "/url", LedgerNode.JSON.createObjectNode().put("url", url));
    }

    public String title() {
        return call("GET", "/session/" + session + "/title", null).asText();
    }

    /** The page's HTML as the browser has it now. */
    public String source() {
        return call("GET", "/session/" + session + "/source", null).asText();
    }

    /** Waits (up to 10 s) until the page's title is {@code expected}, as after a click that navigates; returns it. */
    public String awaitTitle(String expected) {
        String title = title();
        for (int attempt = 0; attempt < 100 && !title.equals(expected); attempt++) {
            sleep();
            title = title();
        }
        return title;
    }

    /** Waits (up to 10 s) until the page's title starts with {@code prefix}; returns it. */
    public String awaitTitleStarting(String prefix) {
        String title = title();
        for (int attempt = 0; attempt < 100 && !title.startsWith(prefix); attempt++) {
            sleep();
            title = title();
        }
        return title;
    }

    /** Waits (up to 10 s) until an element matches {@code css}, as after a click that reloads the same page. */
    public boolean awaitElement(String css) {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (exists(css)) {
                return true;
            }
            sleep();
        }
        return false;
    }

    public String url() {
        return call("GET", "/session/" + session + "/url", null).asText();
    }

    /** The visible text of the first element matching {@code css}. */
    public String text(String css) {
        return call("GET", "/session/" + session + "/element/" + find(css) + "/text", null).asText();
    }

    public boolean exists(String css) {
        return !call("POST", "/session/" + session + "/elements", by(css)).isEmpty();
    }

    /** Empties a text box, then types into it. */
    public void retype(String css, String text) {
        call("POST", "/session/" + session + "/element/" + find(css) + "/clear", LedgerNode.JSON.createObjectNode());
        type(css, text);
    }

    /** The current value of a form field. */
    public String value(String css) {
        return call("GET", "/session/" + session + "/element/" + find(css) + "/property/value", null).asText();
    }

    public void type(String css, String text) {
        call("POST", "/session/" + session + "/element/" + find(css) + "/value",
                LedgerNode.JSON.createObjectNode().put("text", text));
    }

    public void click(String css) {
        call("POST", "/session/" + session + "/element/" + find(css) + "/click", LedgerNode.JSON.createObjectNode());
    }

    /** Presses Tab {@code times} times and returns the focused element's text or value. */
    public String tabTo(int times) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < times; i++) {
            keys.append('\uE004');
        }
        call("POST", "/session/" + session + "/element/" + find("body") + "/value",
                LedgerNode.JSON.createObjectNode().put("text", keys.toString()));
        String active = call("GET", "/session/" + session + "/element/active", null).path(ELEMENT).asText();
        return call("GET", "/session/" + session + "/element/" + active + "/text", null).asText();
    }

    public String cookie(String name) {
        return call("GET", "/session/" + session + "/cookie/" + name, null).path("value").asText();
    }

    public void screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null)
                    .asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, however long: the window is made as tall as the page, then restored. */
    public void screenshotWhole(Path png) {
        JsonNode rect = call("GET", "/session/" + session + "/window/rect", null);
        int page = script("return document.documentElement.scrollHeight").asInt();
        int inner = script("return window.innerHeight").asInt();
        resize(rect.path("width").asInt(), page + rect.path("height").asInt() - inner);
        try {
            screenshot(png);
        } finally {
            resize(rect.path("width").asInt(), rect.path("height").asInt());
        }
    }

    private void resize(int width, int height) {
        call("POST", "/session/" + session + "/window/rect", LedgerNode.JSON.createObjectNode().put("width", width)
                .put("height", height));
    }

    private JsonNode script(String script) {
        ObjectNode body = LedgerNode.JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return call("POST", "/session/" + session + "/execute/sync", body);
    }

    private String find(String css) {
        return call("POST", "/session/" + session + "/element", by(css)).path(ELEMENT).asText();
    }

    private static ObjectNode by(String css) {
        return LedgerNode.JSON.createObjectNode().put("using", "css selector").put("value", css);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = LedgerNode.JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new AssertionError("WebDriver " + method + " " + path + ": " + json.path("value"));
            }
            return json.path("value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitDriver() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("chromedriver did not start");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (RuntimeException e) {
            // the driver goes anyway
        }
        driver.destroy();
    }
}
