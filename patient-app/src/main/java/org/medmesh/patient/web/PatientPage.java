package org.medmesh.patient.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.medmesh.patient.cli.Failures;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletException;
import org.medmesh.patient.wallet.WalletSettings;

/**
 * The patient's page, served by the wallet's own process on {@code 127.0.0.1}: unlock with the passphrase, then the
 * hospitals and the access history. Requests must name this host and port (no other site's page can reach it by DNS
 * tricks), forms carry the session's token, cookies are {@code HttpOnly; SameSite=Strict}, every answer forbids
 * caching and framing and loads nothing from elsewhere.
 */
public final class PatientPage implements AutoCloseable {
    private static final String COOKIE = "medmesh_session";
    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("patient-page"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(daemon("page-lock"));
    private final Path walletFile;
    private final WalletSettings settings;
    private final PageSessions sessions;
    private final Pages pages;
    private final java.util.concurrent.Semaphore unlocking = new java.util.concurrent.Semaphore(1);
    private final java.util.concurrent.atomic.AtomicInteger failedUnlocks = new java.util.concurrent.atomic.AtomicInteger();
    private final ConsentPages consents;
    private final ConsentFlow consentFlow;

    private PatientPage(HttpServer server, Path walletFile, WalletSettings settings, NodeClient nodes, Clock clock,
            Duration lockAfter) {
        this.server = server;
        this.walletFile = walletFile;
        this.settings = settings;
        this.sessions = new PageSessions(clock, lockAfter);
        this.pages = new Pages(nodes, clock);
        this.consents = new ConsentPages(nodes, clock);
        this.consentFlow = new ConsentFlow(nodes, clock);
    }

    /** Starts the page on {@code 127.0.0.1:port} ({@code 0}: any free port). */
    public static PatientPage start(int port, Path walletFile, WalletSettings settings, NodeClient nodes, Clock clock,
            Duration lockAfter) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        PatientPage page = new PatientPage(server, walletFile, settings, nodes, clock, lockAfter);
        server.createContext("/", page::handle);
        server.setExecutor(page.workers);
        server.start();
        long sweep = Math.max(1, Math.min(30, lockAfter.toSeconds() / 2));
        page.sweeper.scheduleAtFixedRate(page.sessions::sweep, sweep, sweep, TimeUnit.SECONDS);
        return page;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!ownHost(exchange)) {
                send(exchange, 421, "text/plain; charset=utf-8", "This page answers on " + url() + " only.");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/assets/medmesh.css") && method.equals("GET")) {
                send(exchange, 200, "text/css; charset=utf-8", stylesheet());
                return;
            }
            if (method.equals("POST") && !sameOrigin(exchange)) {
                send(exchange, 403, "text/plain; charset=utf-8", "Forms of this page are accepted from this page only.");
                return;
            }
            Optional<PageSessions.Unlocked> session = sessions.active(cookie(exchange));
            if (method.equals("POST") && path.equals("/unlock")) {
                unlock(exchange);
            } else if (method.equals("POST") && path.equals("/lock")) {
                session.filter(s -> s.csrf().equals(form(exchange).get("csrf"))).ifPresent(s ->
                        sessions.lock(cookie(exchange)));
                redirect(exchange, "/");
            } else if (method.equals("POST") && path.equals("/enrol")) {
                Map<String, String> form = form(exchange);
                if (session.isEmpty() || !session.get().csrf().equals(form.get("csrf"))) {
                    redirect(exchange, "/");
                    return;
                }
                synchronized (session.get()) {
                    String body = pages.enrol(session.get().wallet(), session.get().csrf(), form.get("address"),
                            form.get("code"));
                    session.get().saved();
                    html(exchange, 200, page("Enrol at a hospital", session.get(), body));
                }
            } else if (method.equals("POST") && (path.equals("/consents/new") || path.startsWith("/consents/new/"))) {
                Map<String, List<String>> form = formValues(exchange);
                if (session.isEmpty() || !session.get().csrf().equals(ConsentQuestions.first(form, "csrf"))) {
                    redirect(exchange, "/");
                    return;
                }
                synchronized (session.get()) {
                    show(exchange, session.get(), consentFlow.post(path, session.get(), form));
                }
            } else if (method.equals("POST") && path.equals("/consents/stop")) {
                Map<String, String> form = form(exchange);
                if (session.isEmpty() || !session.get().csrf().equals(form.get("csrf"))) {
                    redirect(exchange, "/");
                    return;
                }
                synchronized (session.get()) {
                    String body = consents.stop(session.get().wallet(), form.get("id"));
                    session.get().saved();
                    html(exchange, 200, page("Stop a consent", session.get(), body));
                }
            } else if (!method.equals("GET")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Not allowed.");
            } else if (session.isEmpty()) {
                if (path.equals("/")) {
                    html(exchange, 200, unlockPage(List.of()));
                } else {
                    redirect(exchange, "/");
                }
            } else {
                answer(exchange, path, session.get());
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "Something went wrong on this page; your wallet is "
                    + "unchanged. (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void answer(HttpExchange exchange, String path, PageSessions.Unlocked session) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        synchronized (session) {
            if (path.equals("/consents/new") || path.startsWith("/consents/new/")) {
                show(exchange, session, consentFlow.get(path, session, query));
                return;
            }
            Wallet wallet = session.wallet();
            switch (path) {
                case "/" -> redirect(exchange, "/history");
                case "/hospitals" -> html(exchange, 200, page("Your hospitals", session, pages.hospitals(wallet)));
                case "/history" -> html(exchange, 200, page("Who saw my records", session,
                        pages.history(wallet, filter(query))));
                case "/enrol" -> html(exchange, 200, page("Enrol at a hospital", session,
                        Pages.enrolForm(session.csrf(), "", null)));
                case "/consents" -> html(exchange, 200, page("Your consents", session,
                        consents.list(wallet, session.csrf())));
                case "/consents/stop" -> html(exchange, 200, page("Stop this consent?", session,
                        consents.confirm(wallet, query.get("id"), session.csrf())));
                case "/records" -> html(exchange, 200, page("Your records", session, query.containsKey("hospital")
                        ? pages.records(wallet, hospital(query)) : pages.recordsChoice(wallet)));
                case "/records.json" -> download(exchange, "application/fhir+json", "medmesh-records.json",
                        new String(pages.ownRecords(wallet, hospital(query)).bundle(), StandardCharsets.UTF_8));
                case "/history.csv" -> download(exchange, "text/csv; charset=utf-8", "medmesh-access-history.csv",
                        HistoryExport.csv(pages.events(wallet, filter(query))));
                case "/history.fhir.json" -> download(exchange, "application/fhir+json", "medmesh-access-history.json",
                        HistoryExport.fhir(pages.events(wallet, filter(query))));
                default -> html(exchange, 404, page("Page not found", session,
                        "<p>There is no such page. <a href=\"/history\">Go to who saw your records</a>.</p>"));
            }
        }
    }

    private static org.medmesh.chaincode.identity.Did hospital(Map<String, String> query) {
        return org.medmesh.chaincode.identity.Did.parseOrganization(query.getOrDefault("hospital", ""));
    }

    private static HistoryView.Filter filter(Map<String, String> query) {
        return new HistoryView.Filter(query.get("hospital"), query.get("outcome"), query.get("from"),
                query.get("to"));
    }

    private void unlock(HttpExchange exchange) throws IOException {
        // One attempt at a time, and each wrong passphrase makes the next answer wait longer (1 s, 2 s, 4 s … 30 s):
        // any local process can reach this port, so guessing must be slow.
        if (!unlocking.tryAcquire()) {
            html(exchange, 429, unlockPage(List.<String[]>of(new String[] {"passphrase",
                    "Another unlock is in progress. Wait a moment and try again."})));
            return;
        }
        try {
            unlockOnce(exchange);
        } finally {
            unlocking.release();
        }
    }

    private void unlockOnce(HttpExchange exchange) throws IOException {
        String passphrase = form(exchange).getOrDefault("passphrase", "");
        if (passphrase.isEmpty()) {
            html(exchange, 400, unlockPage(List.<String[]>of(new String[] {"passphrase",
                    "Enter your wallet's passphrase"})));
            return;
        }
        char[] chars = passphrase.toCharArray();
        try {
            Wallet wallet = Wallet.open(walletFile, chars, settings);
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + sessions.open(wallet, walletFile, chars,
                    settings)
                    + "; Path=/; HttpOnly; SameSite=Strict");
            failedUnlocks.set(0);
            redirect(exchange, "/history");
        } catch (WalletException e) {
            if (e.code() == WalletException.Code.WRONG_PASSPHRASE) {
                slowDown(failedUnlocks.incrementAndGet());
            }
            String message = e.code() == WalletException.Code.WRONG_PASSPHRASE
                    ? "The passphrase is not this wallet's. Check it and try again: nothing was changed."
                    : Html.capitalised(Failures.wallet(e, walletFile)) + ".";
            html(exchange, e.code() == WalletException.Code.WRONG_PASSPHRASE ? 401 : 500,
                    unlockPage(List.<String[]>of(new String[] {"passphrase", message})));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static void slowDown(int failures) {
        try {
            Thread.sleep(Math.min(30_000L, 1_000L << Math.min(failures - 1, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String unlockPage(List<String[]> errors) {
        String error = errors.isEmpty() ? "" : "<p class=\"error-message\" id=\"passphrase-error\">"
                + Html.escape(errors.get(0)[1]) + "</p>";
        String body = Html.errorSummary(errors)
                + "<p>Your wallet holds the keys that let you decide who sees your health records. It is locked.</p>"
                + "<form method=\"post\" action=\"/unlock\" novalidate><div class=\"field" + (errors.isEmpty() ? ""
                        : " error") + "\"><label for=\"passphrase\">Wallet passphrase</label>"
                + "<p class=\"hint\">The passphrase you chose when you created the wallet.</p>" + error
                + "<input type=\"password\" id=\"passphrase\" name=\"passphrase\" autocomplete=\"current-password\""
                + (errors.isEmpty() ? "" : " aria-describedby=\"passphrase-error\"") + " autofocus></div>"
                + "<button type=\"submit\" class=\"button\">Unlock</button></form>"
                + "<p class=\"hint\">The page locks itself after " + sessions.lockAfter().toMinutes()
                + " minutes without use.</p>";
        return Html.page(errors.isEmpty() ? "Unlock your wallet" : "Error: unlock your wallet", false, "", body, 0);
    }

    private String page(String title, PageSessions.Unlocked session, String body) {
        return Html.page(title, true, session.csrf(), body, sessions.lockAfter().toSeconds() + 1);
    }

    private boolean ownHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = server.getAddress().getPort();
        return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port));
    }

    /** A browser names the page a form came from; another site's form is refused (an absent Origin is curl's). */
    private boolean sameOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        int port = server.getAddress().getPort();
        return origin == null || origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port);
    }

    private static String cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(COOKIE)) {
                    return pair[1];
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(HttpExchange exchange) {
        return single(formValues(exchange));
    }

    /** The posted form, every value of each name in order (checkboxes send one per ticked box). */
    private static Map<String, List<String>> formValues(HttpExchange exchange) {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_FORM_BYTES);
            return values(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Map<String, String> query(String raw) {
        return single(values(raw));
    }

    /** The last value of each name. */
    private static Map<String, String> single(Map<String, List<String>> values) {
        Map<String, String> last = new HashMap<>();
        values.forEach((name, list) -> last.put(name, list.get(list.size() - 1)));
        return last;
    }

    private static Map<String, List<String>> values(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private void show(HttpExchange exchange, PageSessions.Unlocked session, ConsentFlow.Screen screen)
            throws IOException {
        if (screen.redirect() != null) {
            redirect(exchange, screen.redirect());
        } else {
            html(exchange, screen.status(), page(screen.title(), session, screen.body()));
        }
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    private static void download(HttpExchange exchange, String type, String name, String content) throws IOException {
        exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + name + "\"");
        send(exchange, 200, type, content);
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        send(exchange, 303, "text/plain; charset=utf-8", "");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", type);
        headers.add("Cache-Control", "no-store");
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("Referrer-Policy", "same-origin"); // forms then carry this page's Origin (no-referrer makes it "null")
        headers.add("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String stylesheet() {
        try (InputStream css = PatientPage.class.getResourceAsStream("medmesh.css")) {
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the page's stylesheet is missing from the build", e);
        }
    }


    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops serving and locks every session (closing the wallets). */
    @Override
    public void close() {
        server.stop(0);
        sweeper.shutdownNow();
        workers.shutdownNow();
        sessions.lockAll();
    }
}
