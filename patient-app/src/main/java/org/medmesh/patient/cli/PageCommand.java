package org.medmesh.patient.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.medmesh.patient.web.PatientPage;

/**
 * {@code patient page [--port N] [--lock-after MINUTES]}: serves the patient's page on 127.0.0.1 until the process
 * is stopped (Ctrl-C); the page is unlocked with the wallet's passphrase and locks itself after inactivity.
 */
final class PageCommand {
    private PageCommand() {}

    static int run(Session session) {
        int port = number(session, "port", 8765, 0, 65_535);
        int minutes = number(session, "lock-after", 5, 1, 60);
        PatientPage page;
        try {
            page = PatientPage.start(port, session.walletFile(), session.settings(), session.nodes(),
                    session.clock(), Duration.ofMinutes(minutes));
        } catch (IOException e) {
            throw CliFailure.failed("the page could not listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "): choose another port with --port");
        }
        session.say("Your page is at " + page.url() + " — open it in a browser on this computer and unlock it with "
                + "your wallet's passphrase. It locks itself after " + minutes + " minutes without use. Stop with "
                + "Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            page.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page.close();
        }
        return PatientCli.OK;
    }

    private static int number(Session session, String name, int otherwise, int min, int max) {
        String text = session.args().option(name).orElse(Integer.toString(otherwise));
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw CliFailure.usage("--" + name + " is a number from " + min + " to " + max);
    }
}
